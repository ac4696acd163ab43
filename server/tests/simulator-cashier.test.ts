/**
 * The simulated wallet cashier: every outcome's my.tradePay result code and what it does to the
 * trade, the buyer and trade-number checks, paymentUrl, and the HTML page's redirect.
 */
import { simulatedUserId } from '../alipay-simulator/buyers'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import type { Outcome } from '../alipay-simulator/settlement'
import type { AlipayClient } from '../alipay/client'
import { simulatorForSuite } from '../testing/suites'

let sequence = 0

describe('simulator cashier', () => {
  const sim = simulatorForSuite({ processingDelayMs: 150, returnOrigins: ['https://shop.example.com'] })
  let client: AlipayClient
  beforeAll(() => {
    client = sim.client()
  })

  const create = async (buyer = 'buyer-1') => {
    const outTradeNo = `C${Date.now()}_${++sequence}`
    const { tradeNo } = await client.exec<{ tradeNo: string }>('alipay.trade.create', {
      out_trade_no: outTradeNo,
      total_amount: '12.34',
      subject: '咖啡 <Coffee> "tea"',
      product_code: 'JSAPI_PAY',
      buyer_id: simulatedUserId(buyer),
      op_app_id: TEST_APP_ID,
    })
    return { tradeNo, outTradeNo }
  }
  const status = async (tradeNo: string) =>
    (await client.exec<{ tradeStatus: string }>('alipay.trade.query', { trade_no: tradeNo })).tradeStatus

  it.each<[Outcome, string, string]>([
    ['pay', '9000', 'TRADE_SUCCESS'],
    ['unknown', '6004', 'TRADE_SUCCESS'],
    ['cancel', '6001', 'WAIT_BUYER_PAY'],
    ['fail', '4000', 'WAIT_BUYER_PAY'],
    ['network_error', '6002', 'WAIT_BUYER_PAY'],
    ['forgot_password', '99', 'WAIT_BUYER_PAY'],
    ['no_permission', '4', 'WAIT_BUYER_PAY'],
  ])('%s → resultCode %s, trade %s', async (outcome, resultCode, tradeStatus) => {
    const { tradeNo } = await create()
    const answer = await sim.pay(tradeNo, outcome)
    expect(answer.resultCode).toBe(resultCode)
    expect(answer.memo).toEqual(expect.any(String))
    expect(await status(tradeNo)).toBe(tradeStatus)
  })

  it('processing → 8000 now, paid after the configured delay; no second payment meanwhile', async () => {
    const { tradeNo } = await create()
    await expect(sim.pay(tradeNo, 'processing')).resolves.toMatchObject({ resultCode: '8000' })
    expect(await status(tradeNo)).toBe('WAIT_BUYER_PAY')
    await expect(sim.pay(tradeNo, 'pay')).resolves.toMatchObject({ resultCode: '4000' })
    await sim.notifier.idle()
    expect(await status(tradeNo)).toBe('TRADE_SUCCESS')
  })

  it('a trade closed while "processing" does not get paid', async () => {
    const { tradeNo } = await create()
    await sim.pay(tradeNo, 'processing')
    await client.exec('alipay.trade.close', { trade_no: tradeNo })
    await sim.notifier.idle()
    expect(await status(tradeNo)).toBe('TRADE_CLOSED')
  })

  it('another buyer → 6001 and the trade stays unpaid; the trade buyer (named or default) pays', async () => {
    const { tradeNo } = await create('buyer-2')
    await expect(sim.pay(tradeNo, 'pay', 'buyer-1')).resolves.toMatchObject({ resultCode: '6001' })
    expect(await status(tradeNo)).toBe('WAIT_BUYER_PAY')
    await expect(sim.pay(tradeNo, 'pay', 'buyer-2')).resolves.toMatchObject({ resultCode: '9000' })
    const other = await create('someone-else')
    await expect(sim.pay(other.tradeNo)).resolves.toMatchObject({ resultCode: '9000' })
  })

  it('an out_trade_no or unknown number → 4000; a paid or closed trade → 4000', async () => {
    const { tradeNo, outTradeNo } = await create()
    await expect(sim.pay(outTradeNo)).resolves.toMatchObject({ resultCode: '4000' })
    await expect(sim.pay('2024050122001999999999999999')).resolves.toMatchObject({ resultCode: '4000' })
    expect(await status(tradeNo)).toBe('WAIT_BUYER_PAY')
    await sim.pay(tradeNo)
    await expect(sim.pay(tradeNo, 'pay')).resolves.toMatchObject({ resultCode: '4000' })
    await expect(sim.pay(tradeNo, 'cancel')).resolves.toMatchObject({ resultCode: '4000' })
    const closed = await create()
    await client.exec('alipay.trade.close', { trade_no: closed.tradeNo })
    await expect(sim.pay(closed.tradeNo)).resolves.toMatchObject({ resultCode: '4000' })
  })

  it('accepts paymentUrl (the hosted cashier URL) in place of tradeNO', async () => {
    const { tradeNo } = await create()
    const paymentUrl = `${sim.base}/cashier?tradeNO=${tradeNo}`
    await expect(sim.cashier({ paymentUrl, outcome: 'pay' })).resolves.toMatchObject({ resultCode: '9000' })
    expect(await status(tradeNo)).toBe('TRADE_SUCCESS')
    await expect(sim.cashier({ paymentUrl: 'not a url', outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
    })
  })

  it('answers 400 to a malformed request (no target, two targets, unknown outcome, bad buyer)', async () => {
    const post = (body: unknown) =>
      fetch(`${sim.base}/cashier/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    for (const body of [
      { outcome: 'pay' },
      { tradeNO: 'a', orderStr: 'b', outcome: 'pay' },
      { tradeNO: 'a', outcome: 'steal' },
      { tradeNO: 'a', outcome: 'pay', buyer: 'no spaces allowed' },
    ]) {
      const response = await post(body)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'bad_request' })
    }
  })

  describe('HTML page', () => {
    const H5_RETURN = 'http://localhost:10086/#/pages/pay-result/index?orderId=1'

    it('shows the subject (escaped), the amount, a buyer picker and one button per outcome', async () => {
      const { tradeNo } = await create('buyer-3')
      const response = await fetch(sim.cashierPageUrl(tradeNo, H5_RETURN))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
      const page = await response.text()
      expect(page).toContain('<html lang="zh-CN">')
      expect(page).toContain('咖啡 &lt;Coffee&gt; &quot;tea&quot;')
      expect(page).toContain('¥12.34')
      expect(page).toMatch(/<option value="buyer-3" selected>/)
      for (const code of ['9000', '8000', '6004', '6001', '4000', '6002', '99', '4'])
        expect(page).toContain(`<code>${code}</code>`)
      expect(page).not.toMatch(/<script|https?:\/\/(?!localhost|127\.0\.0\.1)/)
      expect(page).toContain(`name="tradeNO" value="${tradeNo}"`)
      expect(page).toContain(`name="return" value="${H5_RETURN}"`)
    })

    it('settles and redirects to return with resultCode inside the hash route', async () => {
      const { tradeNo } = await create()
      const response = await sim.submitCashierPage({
        tradeNO: tradeNo,
        return: H5_RETURN,
        buyer: 'buyer-1',
        outcome: 'pay',
      })
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(
        'http://localhost:10086/#/pages/pay-result/index?orderId=1&resultCode=9000',
      )
      expect(await status(tradeNo)).toBe('TRADE_SUCCESS')

      const cancelled = await create()
      const plain = await sim.submitCashierPage({
        tradeNO: cancelled.tradeNo,
        return: 'https://shop.example.com/pay-result?orderId=2',
        buyer: '',
        outcome: 'cancel',
      })
      expect(plain.headers.get('location')).toBe(
        'https://shop.example.com/pay-result?orderId=2&resultCode=6001',
      )
      const bare = await sim.submitCashierPage({
        tradeNO: cancelled.tradeNo,
        return: 'http://localhost:10086/#/pages/x/index',
        outcome: 'fail',
      })
      expect(bare.headers.get('location')).toBe('http://localhost:10086/#/pages/x/index?resultCode=4000')
    })

    it('refuses a javascript: (or other non-http) return URL, on the page and on submit', async () => {
      const { tradeNo } = await create()
      for (const bad of ['javascript:alert(document.cookie)', 'data:text/html,hi', '//evil.example/x']) {
        const page = await fetch(sim.cashierPageUrl(tradeNo, bad))
        expect(page.status).toBe(400)
        const posted = await sim.submitCashierPage({ tradeNO: tradeNo, return: bad, outcome: 'pay' })
        expect(posted.status).toBe(400)
        expect(posted.headers.get('location')).toBeNull()
      }
      expect(await status(tradeNo)).toBe('WAIT_BUYER_PAY')
    })

    it('shows why a number is not payable (an out_trade_no) and the buttons then answer 4000', async () => {
      const { outTradeNo } = await create()
      const page = await (await fetch(sim.cashierPageUrl(outTradeNo, H5_RETURN))).text()
      expect(page).toContain('out_trade_no')
      expect(page).toContain('无法支付')
      const response = await sim.submitCashierPage({ tradeNO: outTradeNo, return: H5_RETURN, outcome: 'pay' })
      expect(response.headers.get('location')).toMatch(/resultCode=4000$/)
    })
  })
})
