/**
 * The simulated cashier page (server/alipay-simulator/cashier.ts, cashier-return.ts) sends the
 * buyer back only to local origins or ones listed in ALIPAY_SIM_RETURN_ORIGINS, refusing any other
 * `return` with a readable 400 page and no redirect, and may never be framed.
 */
import { simulatedUserId } from '../alipay-simulator/buyers'
import { isAllowedReturn, readReturnOrigins } from '../alipay-simulator/cashier-return'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

const LISTED_ORIGIN = 'https://shop.example.com'

describe('cashier return URL', () => {
  const sim = simulatorForSuite({ returnOrigins: [LISTED_ORIGIN] })
  let sequence = 0

  const createTrade = async () => {
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>('alipay.trade.create', {
      out_trade_no: `R${Date.now()}_${++sequence}`,
      total_amount: '1.00',
      subject: 'mug',
      product_code: 'JSAPI_PAY',
      buyer_id: simulatedUserId('buyer-1'),
      op_app_id: TEST_APP_ID,
    })
    return tradeNo
  }
  const tradeStatus = async (tradeNo: string) =>
    (await sim.client().exec<{ tradeStatus: string }>('alipay.trade.query', { trade_no: tradeNo }))
      .tradeStatus

  const expectUnframeable = (headers: Headers) => {
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(headers.get('x-frame-options')).toBe('DENY')
  }

  it.each([
    'https://evil.example/steal',
    'http://203.0.113.7:10086/#/pages/pay-result/index',
    'https://shop.example.com.evil.example/x',
    'http://localhost.evil.example/x',
  ])('refuses %s on the page and on submit, without paying or redirecting', async (foreign) => {
    const tradeNo = await createTrade()
    const page = await fetch(sim.cashierPageUrl(tradeNo, foreign))
    expect(page.status).toBe(400)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expectUnframeable(page.headers)
    const text = await page.text()
    expect(text).toContain('Return URL not allowed')
    expect(text).toContain(`${new URL(foreign).origin} is not on this machine or the local network`)
    expect(text).toContain('ALIPAY_SIM_RETURN_ORIGINS')

    const posted = await sim.submitCashierPage({ tradeNO: tradeNo, return: foreign, outcome: 'pay' })
    expect(posted.status).toBe(400)
    expect(posted.headers.get('location')).toBeNull()
    expectUnframeable(posted.headers)
    expect(await tradeStatus(tradeNo)).toBe('WAIT_BUYER_PAY')
  })

  it.each([
    'http://localhost:10086/#/pages/pay-result/index?orderId=1',
    'http://127.0.0.1:10086/pay-result',
    'http://[::1]:10086/pay-result',
    'http://192.168.1.20:10086/#/pages/pay-result/index',
    `${LISTED_ORIGIN}/pay-result`,
  ])('sends the buyer back to %s', async (own) => {
    const tradeNo = await createTrade()
    const page = await fetch(sim.cashierPageUrl(tradeNo, own))
    expect(page.status).toBe(200)
    expectUnframeable(page.headers)
    const posted = await sim.submitCashierPage({ tradeNO: tradeNo, return: own, outcome: 'pay' })
    expect(posted.status).toBe(303)
    expect(posted.headers.get('location')).toMatch(/resultCode=9000$/)
  })

  it('a page without return is not framable either', async () => {
    const page = await fetch(`${sim.base}/cashier?tradeNO=${await createTrade()}`)
    expect(page.status).toBe(200)
    expectUnframeable(page.headers)
  })
})

describe('ALIPAY_SIM_RETURN_ORIGINS', () => {
  it('reads comma-separated origins and refuses anything else, naming the variable', () => {
    expect(readReturnOrigins({})).toEqual([])
    expect(
      readReturnOrigins({ ALIPAY_SIM_RETURN_ORIGINS: ' https://shop.example.com/ , http://h5.test:8080' }),
    ).toEqual(['https://shop.example.com', 'http://h5.test:8080'])
    for (const bad of ['shop.example.com', 'https://shop.example.com/path', 'javascript:alert(1)'])
      expect(() => readReturnOrigins({ ALIPAY_SIM_RETURN_ORIGINS: bad })).toThrow(
        /^ALIPAY_SIM_RETURN_ORIGINS must list origins like https:\/\/shop\.example\.com/,
      )
  })

  it('matches whole origins, not prefixes', () => {
    const origins = readReturnOrigins({ ALIPAY_SIM_RETURN_ORIGINS: 'https://shop.example.com' })
    expect(isAllowedReturn(new URL('https://shop.example.com/x'), origins)).toBe(true)
    expect(isAllowedReturn(new URL('http://shop.example.com/x'), origins)).toBe(false)
    expect(isAllowedReturn(new URL('https://shop.example.com:8443/x'), origins)).toBe(false)
  })
})
