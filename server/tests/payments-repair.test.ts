/**
 * What keeps money and orders in agreement when timing or Alipay fails us: a payment taken just
 * before the order's deadline pays the order (it is not expired and refunded), and the sweep's
 * reconciler finishes what a failed Alipay call left half done (an open trade on a closed order,
 * an unconfirmed refund).
 */
import type { Order } from '../../contract'
import { testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import { AlipayUnavailableError, type AlipayClient } from '../alipay/client'
import { fenToYuan } from '../alipay/wire-format'
import { closeExpiredOrders } from '../orders/expiry'
import { closeOrder } from '../orders/state'
import { ALIPAY_CALLS_AT_ONCE } from '../payments/concurrently'
import { createPayments } from '../payments/service'
import { requestRefund } from '../payments/refunds'
import { testConfig } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { until } from '../testing/until'
import {
  asBuyer,
  payingBuyer,
  paymentState,
  payWithNotifyLost,
  shopForSuite,
  startShop,
  tradeNoOf,
} from './payments-helpers'
import { expireOrder, statusOf as orderStatus } from './orders-helpers'
import { simulatorForSuite } from '../testing/suites'

const silentLog = { info: () => {}, warn: () => {}, error: () => {} }

const sim = simulatorForSuite({ apps: [{ appId: TEST_APP_ID, keys: testKeys().app }] })

const tradeStatusAtAlipay = async (orderId: string) =>
  (await sim.client().exec<{ tradeStatus: string }>('alipay.trade.query', { out_trade_no: orderId }))
    .tradeStatus

describeEachDatabase('payments repaired after timing and Alipay failures', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)

  const payments = (alipay: AlipayClient = sim.client(), options?: { refundGraceMs?: number }) =>
    createPayments(
      {
        db: getDb(),
        alipay,
        settings: testConfig().alipay.payments,
        log: silentLog,
      },
      options,
    )
  const statusOf = async (orderId: string) => (await orderStatus(getDb(), orderId)).status

  /** The buyer pays; the notify is lost (dropped), as if still on its way. */
  async function paidWithoutNotify() {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    await payWithNotifyLost(sim, { tradeNO })
    return { buyer, order, tradeNO }
  }

  const pastDeadline = (orderId: string) => expireOrder(getDb(), orderId)

  it('pays, not expires, an order whose trade was paid before the deadline (list read)', async () => {
    const { buyer, order } = await paidWithoutNotify()
    await pastDeadline(order.id)
    const list = await buyer.get('/api/orders')
    expect(list.statusCode).toBe(200)
    expect(list.json<{ items: Order[] }>().items.find((o) => o.id === order.id)?.status).toBe('paid')
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_SUCCESS',
    })
    expect((await paymentState(getDb(), order.id)).refunds).toEqual([])
  })

  it('pays, not expires, an order whose trade was paid before the deadline (sweeper)', async () => {
    const { order } = await paidWithoutNotify()
    await pastDeadline(order.id)
    const { beforeOrdersExpire, onOrdersClosed } = payments()
    const closed = await closeExpiredOrders(getDb(), {
      beforeExpiring: beforeOrdersExpire,
      onClosed: onOrdersClosed,
    })
    expect(closed).not.toContain(order.id)
    expect(await statusOf(order.id)).toBe('paid')
    expect(await tradeStatusAtAlipay(order.id)).toBe('TRADE_SUCCESS')
  })

  it('expires only the orders Alipay was asked about; one that expired meanwhile waits', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const asked = await buyer.placeOrder()
    const late = await buyer.placeOrder()
    await pastDeadline(asked.id)
    const seen: string[][] = []
    const closed = await closeExpiredOrders(getDb(), {
      beforeExpiring: async (ids) => {
        seen.push(ids)
        await pastDeadline(late.id) // expires while the sweep is asking Alipay
      },
    })
    expect(seen[0]).toContain(asked.id)
    expect(seen[0]).not.toContain(late.id)
    expect(closed).toContain(asked.id)
    expect(closed).not.toContain(late.id)
    expect(await statusOf(late.id)).toBe('awaiting_payment')
  })

  it(`calls Alipay ${ALIPAY_CALLS_AT_ONCE} at a time in a sweep, and expires the orders when it cannot answer`, async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const orders: string[] = []
    for (let i = 0; i < 10; i++) {
      const order = await buyer.placeOrder()
      await buyer.openPayment(order.id)
      await pastDeadline(order.id)
      orders.push(order.id)
    }
    // Alipay is unreachable: every call hangs for a while, then fails.
    const calls = new Map<string, { orderIds: string[]; inFlight: number; most: number }>()
    const unreachable: AlipayClient = {
      ...sim.client(),
      async exec<T>(method: string, bizContent?: Record<string, unknown>): Promise<T> {
        const call = calls.get(method) ?? { orderIds: [], inFlight: 0, most: 0 }
        calls.set(method, call)
        call.orderIds.push(String(bizContent?.out_trade_no))
        call.most = Math.max(call.most, ++call.inFlight)
        await new Promise((resolve) => setTimeout(resolve, 40))
        call.inFlight--
        throw new AlipayUnavailableError(method, 'network', 'simulated outage')
      },
    }
    const { beforeOrdersExpire, onOrdersClosed, reconcile } = payments(unreachable)
    const closed = await closeExpiredOrders(getDb(), {
      beforeExpiring: beforeOrdersExpire,
      onClosed: onOrdersClosed,
    })
    // Not knowing is "not paid": the orders expire, and a payment Alipay did take is refunded later.
    expect(closed).toEqual(expect.arrayContaining(orders))
    const ours = (method: string) =>
      calls
        .get(method)
        ?.orderIds.filter((id) => orders.includes(id))
        .sort()
    expect(ours('alipay.trade.query')).toEqual([...orders].sort())
    expect(ours('alipay.trade.close')).toEqual([...orders].sort())
    // The repair after the sweep tries to close the same trades again.
    await reconcile()
    expect(ours('alipay.trade.close')).toEqual([...orders, ...orders].sort())
    expect([...calls].map(([method, call]) => [method, call.most])).toEqual([
      ['alipay.trade.query', ALIPAY_CALLS_AT_ONCE],
      ['alipay.trade.close', ALIPAY_CALLS_AT_ONCE],
    ])
  })

  it('shares one Alipay query among parallel reads of one order', async () => {
    let queries = 0
    const slowAlipay: AlipayClient = {
      ...sim.client(),
      async exec<T>(method: string, bizContent?: Record<string, unknown>): Promise<T> {
        if (method === 'alipay.trade.query') {
          queries++
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        return sim.client().exec<T>(method, bizContent)
      },
    }
    const slowShop = await startShop(getDb(), sim, { client: slowAlipay })
    try {
      const buyer = asBuyer(slowShop, await payingBuyer(getDb()))
      const order = await buyer.placeOrder()
      const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
      await payWithNotifyLost(sim, { tradeNO })
      const reads = await Promise.all(Array.from({ length: 20 }, () => buyer.get(`/api/orders/${order.id}`)))
      expect(reads.map((read) => [read.statusCode, read.json<Order>().status])).toEqual(
        Array.from({ length: 20 }, () => [200, 'paid']),
      )
      expect(queries).toBe(1)
    } finally {
      await slowShop.close()
    }
  })

  it('closes the open trade of a closed order whose close failed', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    await buyer.openPayment(order.id)
    // Cancelled while Alipay could not be reached: the order closed, its trade did not.
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    expect(await tradeStatusAtAlipay(order.id)).toBe('WAIT_BUYER_PAY')

    await payments().reconcile()
    expect(await tradeStatusAtAlipay(order.id)).toBe('TRADE_CLOSED')
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_CLOSED',
    })
  })

  it('finishes a refund left in doubt: asks Alipay first, resends the same out_request_no, and Alipay refunds once', async () => {
    const { order } = await paidWithoutNotify()
    // The order closed meanwhile; the shop learned of the payment and recorded the refund, then
    // lost Alipay's answer to it (sent, refunded at Alipay, never confirmed here).
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    await getDb().query(`update payments set trade_status = 'TRADE_SUCCESS' where order_id = $1`, [order.id])
    await getDb().transaction((tx) =>
      requestRefund(tx, { orderId: order.id, amountFen: order.total, kind: 'closed_order' }),
    )
    const requestNo = `refund_${order.id}`
    const calls: string[] = []
    const recording = (hideFirstQuery: boolean, loseRefundAnswer: boolean): AlipayClient => {
      const real = sim.client()
      let queries = 0
      return {
        ...real,
        async exec<T>(method: string, biz?: Record<string, unknown>): Promise<T> {
          if (method.includes('refund') && biz?.out_trade_no === order.id)
            calls.push(`${method} ${String(biz.out_request_no)}`)
          if (method === 'alipay.trade.fastpay.refund.query' && hideFirstQuery && queries++ === 0)
            return { code: '10000', msg: 'Success' } as T // Alipay has not processed it yet
          const answer = await real.exec<T>(method, biz)
          if (method === 'alipay.trade.refund' && loseRefundAnswer)
            throw new AlipayUnavailableError(method, 'network', 'answer lost')
          return answer
        },
      }
    }
    await payments(recording(false, true), { refundGraceMs: 0 }).reconcile()
    expect((await paymentState(getDb(), order.id)).refunds[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
    })
    // Not yet visible to the query: the same out_request_no goes again, and Alipay refunds once.
    await payments(recording(true, false), { refundGraceMs: 0 }).reconcile()
    expect(calls).toEqual([
      `alipay.trade.fastpay.refund.query ${requestNo}`,
      `alipay.trade.refund ${requestNo}`,
      `alipay.trade.fastpay.refund.query ${requestNo}`,
      `alipay.trade.refund ${requestNo}`,
      `alipay.trade.fastpay.refund.query ${requestNo}`,
    ])
    const state = await paymentState(getDb(), order.id)
    expect(state.refunds).toEqual([
      expect.objectContaining({ amount_fen: order.total, status: 'refunded', attempts: 2 }),
    ])
    expect(state.payments[0]).toMatchObject({ trade_status: 'TRADE_CLOSED' })
    // Refunded once, in full: the trade's cumulative refund_fee is the order total, not twice it.
    const trade = await sim
      .client()
      .exec<{ tradeStatus: string; refundFee?: string }>('alipay.trade.query', { out_trade_no: order.id })
    expect(trade).toMatchObject({ tradeStatus: 'TRADE_CLOSED', refundFee: fenToYuan(order.total) })
    expect(await statusOf(order.id)).toBe('closed')
  })

  it('sweeps inside the app from ready() to close(), with every payment hook (as server/main.ts runs it)', async () => {
    const paid = await paidWithoutNotify()
    const { buyer } = paid
    const unpaid = await buyer.placeOrder()
    await buyer.openPayment(unpaid.id)
    const cancelled = await buyer.placeOrder()
    await buyer.openPayment(cancelled.id)
    await getDb().transaction((tx) => closeOrder(tx, cancelled.id, 'cancelled')) // its close failed
    await pastDeadline(paid.order.id)
    await pastDeadline(unpaid.id)

    const sweeping = await startShop(getDb(), sim, { expirySweepMs: 20 })
    let seen: string[] = []
    try {
      // Asked first (paid), expired with its trade closed, and the failed close repaired.
      await until(
        'the sweeper to pay one order, expire one and close both trades',
        async () => {
          seen = await Promise.all([
            statusOf(paid.order.id),
            statusOf(unpaid.id),
            tradeStatusAtAlipay(unpaid.id),
            tradeStatusAtAlipay(cancelled.id),
          ])
          return seen.join() === 'paid,closed,TRADE_CLOSED,TRADE_CLOSED' ? seen : undefined
        },
        5000,
        25,
        () => seen.join(),
      )
    } finally {
      await sweeping.close()
    }
    // close() stopped it: an order expiring now stays as it is.
    const later = await buyer.placeOrder()
    await pastDeadline(later.id)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await statusOf(later.id)).toBe('awaiting_payment')
  })
})
