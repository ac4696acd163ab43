/**
 * An order's history (GET /api/merchant/orders/:id/history) and its live Alipay trade
 * (GET /api/merchant/orders/:id/alipay-trade) through the shop and the in-process simulator: a
 * paid, shipped and partly refunded order; an order never sent to Alipay; a server without
 * payments.
 */
import type {
  AfterSalesRequest,
  ApiErrorBody,
  ConsoleAlipayTrade,
  ConsoleOrderHistory,
  ConsoleTimelineEvent,
} from '../../contract'
import { yuanToFen } from '../alipay/wire-format'
import { closeExpiredOrders } from '../orders/expiry'
import { buildTestApp } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { until } from '../testing/until'
import {
  ask,
  asStaff,
  newBuyer,
  paidOrder,
  PENCILS,
  PRICES,
  receive,
  refundOnly,
  ship,
  stockUp,
} from './after-sales-helpers'
import { placeOrder } from './console-orders-helpers'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { SHIPMENT } from './orders-fulfilment-helpers'
import { expireOrder } from './orders-helpers'
import { payingBuyer, shopForSuite } from './payments-helpers'
import { atAlipay } from './refunds-helpers'

const sim = simulatorForSuite()

const steps = (timeline: ConsoleTimelineEvent[]) => timeline.map((event) => `${event.kind}/${event.actor}`)

describeEachDatabase('console orders: history and the live Alipay trade', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  let staff: TestStaff
  const staffCall = () => asStaff(shop, staff.headers)
  const history = (orderId: string) => staffCall()('GET', `/api/merchant/orders/${orderId}/history`)
  const trade = (orderId: string) => staffCall()('GET', `/api/merchant/orders/${orderId}/alipay-trade`)

  beforeAll(async () => {
    await stockUp(getDb())
    staff = await loggedInStaff(getDb())
  })

  it('tells a shipped and refunded order’s trade_no, refund and whole timeline, and Alipay agrees live', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })

    const paidTrade = await trade(order.id)
    expect(paidTrade.statusCode).toBe(200)
    const atSimulator = await sim
      .client()
      .exec<{ tradeNo: string; tradeStatus: string; totalAmount: string }>('alipay.trade.query', {
        out_trade_no: order.id,
      })
    expect(paidTrade.json<ConsoleAlipayTrade>()).toEqual({
      found: true,
      tradeNo: atSimulator.tradeNo,
      tradeStatus: 'TRADE_SUCCESS',
      totalAmount: order.total,
      queriedAt: expect.any(String),
    })
    expect(yuanToFen(atSimulator.totalAmount)).toBe(order.total)

    expect(
      (await staffCall()('POST', `/api/merchant/orders/${order.id}/shipment`, SHIPMENT)).statusCode,
    ).toBe(200)
    const asked = await ask(buyer, order.id, refundOnly([{ lineNo: 2, quantity: 1 }], { note: '不想要了' }))
    expect(asked.statusCode).toBe(201)
    const request = asked.json<AfterSalesRequest>()
    expect((await staffCall()('POST', `/api/merchant/after-sales/${request.id}/approve`)).statusCode).toBe(
      200,
    )
    await until(
      'the refund to be confirmed',
      async () => ((await atAlipay(sim, order.id)).refundFee ? true : undefined),
      5000,
      25,
    )

    const refundedTrade = (await trade(order.id)).json<ConsoleAlipayTrade>()
    expect(refundedTrade).toMatchObject({
      found: true,
      tradeNo: atSimulator.tradeNo,
      tradeStatus: (await atAlipay(sim, order.id)).tradeStatus,
      totalAmount: order.total,
      refundedAmount: PRICES[PENCILS],
    })

    const res = await history(order.id)
    expect(res.statusCode).toBe(200)
    const body = res.json<ConsoleOrderHistory>()
    expect(body.tradeNo).toBe(atSimulator.tradeNo)
    expect(body.refunds).toEqual([
      {
        afterSalesId: request.id,
        outRequestNo: expect.any(String),
        amount: PRICES[PENCILS],
        status: 'refunded',
        createdAt: expect.any(String),
        refundedAt: expect.any(String),
      },
    ])
    expect(steps(body.timeline)).toEqual([
      'created/buyer',
      'paid/alipay',
      `shipped/${staff.name}`,
      'after_sales.requested/buyer',
      `after_sales.approved/${staff.name}`,
      'refund_sent/system',
      'refunded/alipay',
    ])
    const byKind = Object.fromEntries(body.timeline.map((event) => [event.kind, event]))
    expect(byKind.shipped.note).toBe(`${SHIPMENT.carrier} ${SHIPMENT.trackingNo}`)
    expect(byKind.paid.note).toBe(atSimulator.tradeNo)
    expect(byKind['after_sales.requested'].note).toBe(`#${request.id}`)
    expect(byKind.refunded.note).toContain(body.refunds[0].outRequestNo)
  })

  it('answers found: false for an order never sent to Alipay, and its history is just its creation', async () => {
    const order = await placeOrder(shop, await payingBuyer(getDb()))
    const res = await trade(order.id)
    expect(res.statusCode).toBe(200)
    expect(res.json<ConsoleAlipayTrade>()).toEqual({ found: false, queriedAt: expect.any(String) })
    const body = (await history(order.id)).json<ConsoleOrderHistory>()
    expect(body).toEqual({
      refunds: [],
      timeline: [{ at: order.createdAt, kind: 'created', actor: 'buyer' }],
    })
  })

  it('changes nothing of ours: a payment the notify lost stays unpaid here until the shop asks itself', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await placeOrder(shop, buyer)
    const payment = await buyer.post(`/api/orders/${order.id}/payment`)
    const tradeNo = payment.json<{ invocation: { tradeNO: string } }>().invocation.tradeNO
    await sim.control({ notifies: 'drop' })
    try {
      expect((await sim.pay(tradeNo, 'pay', buyer.key)).resultCode).toBe('9000')
      await sim.notifier.idle()
      expect((await trade(order.id)).json<ConsoleAlipayTrade>()).toMatchObject({
        tradeStatus: 'TRADE_SUCCESS',
      })
      const [row] = await getDb().query<{ status: string; trade_status: string }>(
        'select o.status, p.trade_status from orders o join payments p on p.order_id = o.id where o.id = $1',
        [order.id],
      )
      expect(row).toEqual({ status: 'awaiting_payment', trade_status: 'WAIT_BUYER_PAY' })
    } finally {
      await sim.control({ notifies: 'deliver' })
    }
  })

  it('names the buyer or the system for steps without staff: receipt, automatic receipt, expiry', async () => {
    const buyer = await newBuyer(shop, getDb())
    const confirmed = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await ship(getDb(), confirmed.id)
    await receive(getDb(), confirmed.id)
    const overdue = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await ship(getDb(), overdue.id, 11) // received now: past AUTO_RECEIVE_DAYS (10), as the sweeper does
    await receive(getDb(), overdue.id)
    const expired = await placeOrder(shop, buyer)
    await expireOrder(getDb(), expired.id)
    expect(await closeExpiredOrders(getDb())).toContain(expired.id)

    const timelineOf = async (orderId: string) =>
      (await history(orderId)).json<ConsoleOrderHistory>().timeline
    expect(steps(await timelineOf(confirmed.id))).toEqual([
      'created/buyer',
      'paid/alipay',
      'shipped/system',
      'received/buyer',
    ])
    expect(steps(await timelineOf(overdue.id)).at(-1)).toBe('received/system')
    expect((await timelineOf(expired.id)).at(-1)).toMatchObject({
      kind: 'closed',
      actor: 'system',
      note: 'expired',
    })
  })

  it('404s an unknown order on both routes', async () => {
    for (const url of ['history', 'alipay-trade']) {
      const res = await staffCall()('GET', `/api/merchant/orders/20990101000000000000/${url}`)
      expect([url, res.statusCode, res.json<ApiErrorBody>().code]).toEqual([url, 404, 'not_found'])
    }
  })

  it('answers 502 alipay_unavailable on a server without payments, and when Alipay does not answer', async () => {
    const order = await placeOrder(shop, await payingBuyer(getDb()))
    const bare = await buildTestApp(getDb())
    try {
      const res = await bare.inject({
        method: 'GET',
        url: `/api/merchant/orders/${order.id}/alipay-trade`,
        headers: staff.headers,
      })
      expect(res.statusCode).toBe(502)
      expect(res.json<ApiErrorBody>().code).toBe('alipay_unavailable')
    } finally {
      await bare.close()
    }
    await sim.control({ queries: 'fail' })
    try {
      const res = await trade(order.id)
      expect(res.statusCode).toBe(502)
      expect(res.json<ApiErrorBody>()).toMatchObject({
        code: 'alipay_unavailable',
        // Alipay's code at most: the client's error text (URLs, signatures' details) stays in the log.
        message: expect.stringMatching(/Alipay answered [A-Z_.]+\.$|no answer; try again\.$/),
      })
    } finally {
      await sim.control({ queries: 'normal' })
    }
  })
})
