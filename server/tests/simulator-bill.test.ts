/**
 * The simulated merchant account's bill (server/alipay-simulator/bill.ts): what a person or a test
 * reads to check that the shop's refunds agree with "Alipay's" trade.
 */
import { simulatedUserId } from '../alipay-simulator/buyers'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

let sequence = 0

describe('simulator bill', () => {
  const sim = simulatorForSuite()

  async function paidTrade(subject: string) {
    const outTradeNo = `B${Date.now()}_${++sequence}`
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>('alipay.trade.create', {
      out_trade_no: outTradeNo,
      total_amount: '10.00',
      subject,
      product_code: 'JSAPI_PAY',
      buyer_id: simulatedUserId('buyer-1'),
      op_app_id: TEST_APP_ID,
    })
    await sim.pay(tradeNo)
    const refund = (amount: string, outRequestNo: string) =>
      sim.client().exec('alipay.trade.refund', {
        out_trade_no: outTradeNo,
        refund_amount: amount,
        out_request_no: outRequestNo,
      })
    return { tradeNo, outTradeNo, refund }
  }

  const bill = async (query = '') => {
    const res = await fetch(`${sim.base}/trades${query}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { items: Record<string, unknown>[] }).items
  }

  it('lists a trade with each refund that went through, and its status once fully refunded', async () => {
    const { tradeNo, outTradeNo, refund } = await paidTrade('账单测试')
    await refund('3.30', 'R1')
    expect(await bill(`?outTradeNo=${outTradeNo}`)).toEqual([
      expect.objectContaining({
        tradeNo,
        outTradeNo,
        tradeStatus: 'TRADE_SUCCESS',
        totalAmount: '10.00',
        refundedAmount: '3.30',
        refunds: [expect.objectContaining({ outRequestNo: 'R1', refundAmount: '3.30' })],
        pendingRefunds: [],
      }),
    ])
    await refund('6.70', 'R2')
    const [closed] = await bill(`?outTradeNo=${outTradeNo}`)
    expect(closed).toMatchObject({ tradeStatus: 'TRADE_CLOSED', refundedAmount: '10.00' })
    expect((closed.refunds as { outRequestNo: string }[]).map((r) => r.outRequestNo)).toEqual(['R1', 'R2'])
    // Newest first in the unfiltered list.
    const newer = await paidTrade('账单测试 newer')
    expect((await bill()).map((trade) => trade.outTradeNo).slice(0, 2)).toEqual([
      newer.outTradeNo,
      outTradeNo,
    ])
  })

  it('shows pending refunds while refunds are slow', async () => {
    const { outTradeNo, refund } = await paidTrade('慢退款')
    await sim.control({ refunds: 'slow', refundDelayMs: 60_000 })
    try {
      await refund('1.00', 'RS').catch(() => undefined) // 20000: accepted, in doubt
      expect((await bill(`?outTradeNo=${outTradeNo}`))[0]).toMatchObject({
        refundedAmount: '0.00',
        refunds: [],
        pendingRefunds: [{ outRequestNo: 'RS', refundAmount: '1.00' }],
      })
    } finally {
      await sim.control({ refunds: 'normal', refundDelayMs: 100 })
    }
  })

  it('renders the same as a page for people, with the text escaped', async () => {
    const { outTradeNo, refund } = await paidTrade('<b>T恤"s')
    await refund('2.00', 'RH')
    const res = await fetch(`${sim.base}/bill`)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain(outTradeNo)
    expect(html).toContain('退款 RH')
    expect(html).toContain('&lt;b&gt;T恤&quot;s')
    expect(html).not.toContain('<b>T恤')
  })

  it('refuses an out_trade_no Alipay would refuse: 400', async () => {
    expect((await fetch(`${sim.base}/trades?outTradeNo=${encodeURIComponent('a b')}`)).status).toBe(400)
  })
})
