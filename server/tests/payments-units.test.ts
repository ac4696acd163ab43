/** The pure parts of payments: money conversion, China time, notify form parsing, settings. */
import { readAlipaySettings } from '../alipay/settings'
import { fromChinaTime, toChinaTime } from '../payments/china-time'
import { fenToYuan, yuanToFen } from '../payments/money'
import { parseNotifyForm, Refusal } from '../payments/notify-fields'
import { simulatedCashierUrl } from '../payments/invocation'
import { resolvePaymentSettings, SIMULATOR_SELLER_ID } from '../payments/settings'

describe('fen ↔ yuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [7900, '79.00'],
    [123456789, '1234567.89'],
    [10_000_000_000, '100000000.00'],
  ])('%i fen is "%s"', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan)
    expect(yuanToFen(yuan)).toBe(fen)
  })

  it('never goes through floats (0.29 * 100 would be 28.999…)', () => {
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('1.1')).toBe(110)
    expect(yuanToFen('79')).toBe(7900)
  })

  it.each([
    '',
    ' 1.00',
    '1.00 ',
    '+1.00',
    '-1.00',
    '1.001',
    '1e3',
    '01.00',
    '.50',
    '1.',
    '0x10',
    '100000000.01',
    '1,00',
  ])('refuses "%s"', (text) => expect(yuanToFen(text)).toBeUndefined())

  it('refuses non-integers and negatives', () => {
    expect(() => fenToYuan(1.5)).toThrow()
    expect(() => fenToYuan(-1)).toThrow()
    expect(yuanToFen(undefined)).toBeUndefined()
  })
})

describe('China time', () => {
  it('formats and parses Alipay times in UTC+8 whatever the server zone', () => {
    expect(toChinaTime(new Date('2024-06-11T16:30:05Z'))).toBe('2024-06-12 00:30:05')
    expect(fromChinaTime('2024-06-12 00:30:05')?.toISOString()).toBe('2024-06-11T16:30:05.000Z')
    expect(fromChinaTime('2024-06-12T00:30:05')).toBeUndefined()
    expect(fromChinaTime(undefined)).toBeUndefined()
  })
})

describe('notify form', () => {
  it('keeps values exactly as sent, one level of strings', () => {
    const fields = parseNotifyForm('a=1&subject=100%25+wool&passback_params=x%3Dy')
    expect(fields).toEqual({ a: '1', subject: '100% wool', passback_params: 'x=y' })
  })

  it('refuses a repeated field', () => {
    expect(parseNotifyForm('a=1&a=2')).toBeInstanceOf(Refusal)
  })
})

describe('payment settings', () => {
  it('defaults to the simulator seller and tradeNO with development keys', () => {
    expect(resolvePaymentSettings(readAlipaySettings({}).payments, false)).toEqual({
      sellerId: SIMULATOR_SELLER_ID,
      cashierMode: 'trade_no',
      cashierUrl: undefined,
      simulated: true,
    })
  })

  it('requires ALIPAY_SELLER_ID (and a cashier URL for payment_url) with real credentials', () => {
    expect(() => resolvePaymentSettings(readAlipaySettings({}).payments, true)).toThrow(
      /^ALIPAY_SELLER_ID must be set/,
    )
    const env = { ALIPAY_SELLER_ID: '2088123412341234', ALIPAY_CASHIER_MODE: 'payment_url' }
    expect(() => resolvePaymentSettings(readAlipaySettings(env).payments, true)).toThrow(
      /^ALIPAY_CASHIER_URL/,
    )
    const withUrl = readAlipaySettings({ ...env, ALIPAY_CASHIER_URL: 'https://wallet.example.com/pay' })
    expect(resolvePaymentSettings(withUrl.payments, true)).toEqual({
      sellerId: '2088123412341234',
      cashierMode: 'payment_url',
      cashierUrl: 'https://wallet.example.com/pay',
      simulated: false,
    })
  })

  it.each([
    [{ ALIPAY_SELLER_ID: '12345' }, /^ALIPAY_SELLER_ID/],
    [{ ALIPAY_CASHIER_MODE: 'qr' }, /^ALIPAY_CASHIER_MODE/],
    [{ ALIPAY_CASHIER_URL: 'wallet.example.com' }, /^ALIPAY_CASHIER_URL/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => readAlipaySettings(env)).toThrow(message)
  })
})

describe('simulated cashier url', () => {
  const where = {
    origin: 'https://shop.example.com',
    inProcessSimulator: true,
    gateway: 'http://127.0.0.1:3000/alipay-sim/gateway.do',
  }
  it('points browsers at the simulator cashier only when Alipay is simulated', () => {
    const simulated = resolvePaymentSettings(undefined, false)
    expect(simulatedCashierUrl(simulated, where)).toBe('https://shop.example.com/alipay-sim/cashier')
    expect(
      simulatedCashierUrl(simulated, {
        ...where,
        inProcessSimulator: false,
        gateway: 'http://sim.test/alipay-sim/gateway.do',
      }),
    ).toBe('http://sim.test/alipay-sim/cashier')
    const real = resolvePaymentSettings({ cashierMode: 'trade_no', sellerId: '2088123412341234' }, true)
    expect(simulatedCashierUrl(real, where)).toBeUndefined()
  })
})
