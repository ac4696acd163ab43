import { DEV_TEXTS, type DevTextKey } from './dev-texts'
import { cashier } from '../../../tests/support/taro-node'
import { enSubpackages } from '../../shared/i18n/en.subpackages'
import { zhCNSubpackages } from '../../shared/i18n/zh-CN.subpackages'
import { detectH5Surface, tradePayParams } from './adapters'
import { miniProgramAdapter } from './adapters/mini-program'
import { KNOWN_RESULT_CODES, resultScreen, screenText } from './result-codes'
import { normalizeTradePayResult } from './trade-pay-result'

describe('result code catalogue', () => {
  it.each([
    ['9000', 'success', true],
    ['8000', 'processing', true],
    ['6004', 'unknownResult', true],
    ['4000', 'failed', false],
    ['6001', 'cancelled', false],
    ['6002', 'network', false],
    ['99', 'forgotPassword', false],
    ['4', 'noPermission', false],
    ['1234', 'unrecognised', false],
    ['unknown', 'unrecognised', false],
  ])('maps %s to its own screen (%s), confirming with the server: %s', (code, id, confirm) => {
    expect(resultScreen(code)).toMatchObject({ code, id, confirm })
  })

  it('gives every screen a title, an explanation and developer advice in both languages', () => {
    const ids = new Set([...KNOWN_RESULT_CODES, 'other'].map((code) => resultScreen(code).id))
    expect(ids.size).toBe(KNOWN_RESULT_CODES.length + 1)
    for (const id of ids) {
      for (const part of ['title', 'body'] as const) {
        const key = screenText(id, part)
        expect(zhCNSubpackages[key as keyof typeof zhCNSubpackages]).toBeTruthy()
        expect(enSubpackages[key as keyof typeof zhCNSubpackages]).toBeTruthy()
      }
      // The developer advice is developer content (dev-texts.ts), in development builds only.
      const dev = `pay.${id}.dev` as DevTextKey
      expect(DEV_TEXTS?.['zh-CN'][dev]).toBeTruthy()
      expect(DEV_TEXTS?.en[dev]).toBeTruthy()
    }
  })

  it('never offers "pay again" where the payment may have gone through, and always a way on', () => {
    for (const code of ['9000', '8000', '6004']) expect(resultScreen(code).actions).not.toContain('payAgain')
    for (const code of [...KNOWN_RESULT_CODES, 'x'])
      expect(resultScreen(code).actions.length).toBeGreaterThan(0)
  })
})

describe('normalizing what the cashier answers', () => {
  it.each([
    [{ resultCode: '9000' }, '9000'],
    [{ resultCode: 6001 }, '6001'],
    [{ resultCode: ' 8000 ' }, '8000'],
    [{ response: { resultCode: '6004' } }, '6004'],
    [{ error: 4, errorMessage: '无权限调用' }, '4'],
    [{ resultCode: 'abc' }, 'unknown'],
    [undefined, 'unknown'],
    ['9000', 'unknown'],
  ])('%j → %s', (raw, code) => {
    expect(normalizeTradePayResult(raw)).toEqual({ code, raw })
  })
})

describe('payment adapters', () => {
  it('passes tradeNO with a capital NO, orderStr and paymentUrl as they are', () => {
    expect(tradePayParams({ kind: 'tradeNO', tradeNO: '2026112222001' })).toEqual({
      tradeNO: '2026112222001',
    })
    expect(tradePayParams({ kind: 'orderStr', orderStr: 'a=1&sign=x' })).toEqual({ orderStr: 'a=1&sign=x' })
    expect(tradePayParams({ kind: 'paymentUrl', paymentUrl: 'https://w/c' })).toEqual({
      paymentUrl: 'https://w/c',
    })
  })

  it('reads the code whether my.tradePay succeeds or fails', async () => {
    cashier.tradePay = async () => ({ resultCode: '6001' })
    await expect(
      miniProgramAdapter.pay({ kind: 'tradeNO', tradeNO: 'T1' }, { orderId: 'o', resultUrl: '' }),
    ).resolves.toMatchObject({
      code: '6001',
    })
    expect(cashier.calls.at(-1)).toEqual({ tradeNO: 'T1' })
    cashier.tradePay = async () => Promise.reject({ error: 4, errorMessage: 'no permission' })
    await expect(
      miniProgramAdapter.pay({ kind: 'orderStr', orderStr: 's' }, { orderId: 'o', resultUrl: '' }),
    ).resolves.toMatchObject({
      code: '4',
    })
  })

  it('tells the H5 surfaces apart by the user agent', () => {
    const alipayUa = 'Mozilla/5.0 (iPhone) AlipayClient/10.5.0'
    expect(detectH5Surface(`${alipayUa} MiniProgram`, { my: {} }).surface).toBe('web-view')
    expect(detectH5Surface(alipayUa, {}).surface).toBe('alipay-h5')
    expect(detectH5Surface('Mozilla/5.0 Chrome/120', {}).surface).toBe('browser-simulator')
  })
})
