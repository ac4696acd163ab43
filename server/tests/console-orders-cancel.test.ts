/**
 * Staff cancel an unpaid order (POST /api/merchant/orders/:id/cancel) the buyer's way: its stock
 * back and its Alipay trade closed (the simulator agrees), with an `order.cancel` audit entry.
 * A paid order is refused, even one whose payment only Alipay knows of yet (notify lost).
 */
import type { ApiErrorBody, ConsoleOrderHistory, MerchantOrder } from '../../contract'
import { buildTestApp } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { ENVELOPE, newBuyer, paidOrder, stockUp } from './after-sales-helpers'
import { placeOrder } from './console-orders-helpers'
import { auditOf, loggedInStaff, type TestStaff } from './merchant-helpers'
import { statusOf, stockOf } from './orders-helpers'
import { payingBuyer, shopForSuite, tradeNoOf, asBuyer } from './payments-helpers'
import { atAlipay } from './refunds-helpers'

const sim = simulatorForSuite()

describeEachDatabase('console orders: staff cancel', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  let staff: TestStaff
  const cancel = (orderId: string, headers: Record<string, string> = staff.headers) =>
    shop.app.inject({ method: 'POST', url: `/api/merchant/orders/${orderId}/cancel`, headers })

  /** An unpaid order whose trade the buyer opened at Alipay (the simulator). */
  async function openTrade() {
    const who = await payingBuyer(getDb())
    const order = await placeOrder(shop, who)
    const tradeNo = tradeNoOf(await asBuyer(shop, who).openPayment(order.id))
    return { who, order, tradeNo }
  }

  /** The buyer pays at Alipay, and its notify never reaches the shop: only a query can tell. */
  async function payWithNotifyLost(who: Awaited<ReturnType<typeof payingBuyer>>, tradeNo: string) {
    await sim.control({ notifies: 'drop' })
    try {
      expect((await sim.pay(tradeNo, 'pay', who.key)).resultCode).toBe('9000')
      await sim.notifier.idle()
    } finally {
      await sim.control({ notifies: 'deliver' })
    }
  }

  beforeAll(async () => {
    await stockUp(getDb())
    staff = await loggedInStaff(getDb())
  })

  it('cancels an unpaid order: stock back, the trade closed at Alipay, one audit entry, the order answered', async () => {
    const { order } = await openTrade()
    const stock = await stockOf(getDb(), ENVELOPE)
    const res = await cancel(order.id)
    expect(res.statusCode).toBe(200)
    expect(res.json<MerchantOrder>()).toMatchObject({
      id: order.id,
      status: 'closed',
      closeReason: 'cancelled',
    })
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stock + 1)
    expect((await atAlipay(sim, order.id)).tradeStatus).toBe('TRADE_CLOSED')
    expect(await auditOf(getDb(), order.id)).toEqual([
      {
        staff_id: staff.id,
        action: 'order.cancel',
        target_type: 'order',
        target_id: order.id,
        before: { status: 'awaiting_payment' },
        after: { status: 'closed', closeReason: 'cancelled' },
      },
    ])
    const history = await shop.app.inject({
      method: 'GET',
      url: `/api/merchant/orders/${order.id}/history`,
      headers: staff.headers,
    })
    expect(history.json<ConsoleOrderHistory>().timeline.at(-1)).toMatchObject({
      kind: 'closed',
      actor: staff.name,
      note: 'cancelled',
    })
  })

  it('cancels an order never sent to Alipay, and a second cancel is a 409 with no second entry', async () => {
    const order = await placeOrder(shop, await payingBuyer(getDb()))
    expect((await cancel(order.id)).statusCode).toBe(200)
    const again = await cancel(order.id)
    expect(again.statusCode).toBe(409)
    expect(again.json<ApiErrorBody>()).toMatchObject({
      code: 'order_not_cancellable',
      message: `Order ${order.id} is already closed; only unpaid orders can be cancelled.`,
    })
    expect(await auditOf(getDb(), order.id)).toHaveLength(1)
  })

  it('refuses a paid order with 409 and changes nothing', async () => {
    const order = await paidOrder(shop, sim, getDb(), await newBuyer(shop, getDb()), {
      envelopes: 1,
      pencils: 0,
    })
    const res = await cancel(order.id)
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'order_not_cancellable',
      message: `Order ${order.id} is paid; only unpaid orders can be cancelled.`,
    })
    expect(await statusOf(getDb(), order.id)).toEqual({ status: 'paid', close_reason: null })
    expect(await auditOf(getDb(), order.id)).toEqual([])
  })

  it('asks Alipay first: a payment whose notify was lost makes the order paid, and the cancel a 409', async () => {
    const { who, order, tradeNo } = await openTrade()
    await payWithNotifyLost(who, tradeNo)
    expect((await statusOf(getDb(), order.id)).status).toBe('awaiting_payment')
    const res = await cancel(order.id)
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>().code).toBe('order_not_cancellable')
    expect(await statusOf(getDb(), order.id)).toEqual({ status: 'paid', close_reason: null })
    expect((await atAlipay(sim, order.id)).tradeStatus).toBe('TRADE_SUCCESS')
    expect(await auditOf(getDb(), order.id)).toEqual([])
  })

  it('refuses when Alipay says paid for another amount than the order (not settled): 409, open, no close', async () => {
    const { who, order, tradeNo } = await openTrade()
    await payWithNotifyLost(who, tradeNo)
    // An anomaly: the order's total no longer matches the trade, so the payment is not settled.
    await getDb().query('update orders set total_fen = total_fen + 1 where id = $1', [order.id])
    const res = await cancel(order.id)
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'order_not_cancellable',
      message: expect.stringContaining('for an amount other than the order'),
    })
    expect(await statusOf(getDb(), order.id)).toEqual({ status: 'awaiting_payment', close_reason: null })
    expect((await atAlipay(sim, order.id)).tradeStatus).toBe('TRADE_SUCCESS')
    expect(await auditOf(getDb(), order.id)).toEqual([])
  })

  it('changes nothing when Alipay cannot be asked about an open trade (502)', async () => {
    const { order } = await openTrade()
    await sim.control({ queries: 'fail' })
    try {
      const res = await cancel(order.id)
      expect(res.statusCode).toBe(502)
      expect(res.json<ApiErrorBody>().code).toBe('alipay_unavailable')
    } finally {
      await sim.control({ queries: 'normal' })
    }
    expect((await statusOf(getDb(), order.id)).status).toBe('awaiting_payment')
    expect(await auditOf(getDb(), order.id)).toEqual([])
  })

  it('on a server without payments, cancels an order without a trade and refuses one with a trade (502)', async () => {
    const bare = await buildTestApp(getDb())
    try {
      const cancelBare = (orderId: string) =>
        bare.inject({ method: 'POST', url: `/api/merchant/orders/${orderId}/cancel`, headers: staff.headers })
      const plain = await placeOrder(shop, await payingBuyer(getDb()))
      expect((await cancelBare(plain.id)).statusCode).toBe(200)
      const { order } = await openTrade()
      const res = await cancelBare(order.id)
      expect([res.statusCode, res.json<ApiErrorBody>().code]).toEqual([502, 'alipay_unavailable'])
    } finally {
      await bare.close()
    }
  })

  it('404s an unknown order and 401s without a staff token', async () => {
    const unknown = await cancel('20990101000000000000')
    expect([unknown.statusCode, unknown.json<ApiErrorBody>().code]).toEqual([404, 'not_found'])
    const { order } = await openTrade()
    expect((await cancel(order.id, {})).statusCode).toBe(401)
    expect((await statusOf(getDb(), order.id)).status).toBe('awaiting_payment')
  })
})
