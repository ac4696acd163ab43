/**
 * Paying for an order end to end: the shop (listening, so the simulator's notifies reach it) opens
 * the trade with alipay.trade.create through the real alipay-sdk, the simulator's cashier pays it,
 * and the order becomes paid only from Alipay's side: the verified notify, or alipay.trade.query
 * when the notify is lost. Closing an order closes its trade; money for a closed order is refunded.
 */
import type { ApiErrorBody, Order } from '../../contract'
import { testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import type { AlipayClient } from '../alipay/client'
import { closeOrder } from '../orders/state'
import { fenToYuan, toChinaTime } from '../alipay/wire-format'
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
import { simulatorForSuite } from '../testing/suites'

const OPEN_APP_ID = '2021000000000077'

const sim = simulatorForSuite({
  apps: [
    { appId: TEST_APP_ID, keys: testKeys().app },
    { appId: OPEN_APP_ID, keys: testKeys().app, idMode: 'open_id' },
  ],
})

type QueriedTrade = { tradeNo: string; tradeStatus: string; buyerUserId?: string; buyerOpenId?: string }
const queryTrade = (orderId: string, appId = TEST_APP_ID) =>
  sim.client(appId).exec<QueriedTrade>('alipay.trade.query', { out_trade_no: orderId })

describeEachDatabase('order payment through Alipay', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)

  const statusOf = async (orderId: string) =>
    (await getDb().query<{ status: string }>('select status from orders where id = $1', [orderId]))[0].status

  it("opens a trade for the session's buyer and answers Alipay's trade_no, not the order id; reuses it", async () => {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(shop, who)
    const order = await buyer.placeOrder('envelope-kraft-std', 2)

    const payment = await buyer.openPayment(order.id)
    const tradeNO = tradeNoOf(payment)
    expect(payment).toEqual({
      orderId: order.id,
      amount: order.total,
      invocation: { kind: 'tradeNO', tradeNO },
      // Development only: where a browser plays the cashier (the simulator's, next to its gateway).
      simulatedCashierUrl: sim.client().gateway.replace(/gateway\.do$/, 'cashier'),
    })
    expect(tradeNO).not.toBe(order.id)
    const trade = await queryTrade(order.id)
    expect(trade).toMatchObject({
      tradeNo: tradeNO,
      tradeStatus: 'WAIT_BUYER_PAY',
      buyerUserId: who.buyer.alipay.value,
    })

    // Asking again returns the stored trade, and nothing here marks the order paid.
    expect(await buyer.openPayment(order.id)).toEqual(payment)
    expect(await statusOf(order.id)).toBe('awaiting_payment')
  })

  it('sends alipay.trade.create the order total in yuan, JSAPI_PAY, our app, notify_url and time_expire', async () => {
    const real = sim.client()
    const calls: Array<{ method: string; biz?: Record<string, unknown>; extra?: Record<string, unknown> }> =
      []
    const client: AlipayClient = {
      ...real,
      exec: (method, biz, extra) => {
        calls.push({ method, biz, extra })
        return real.exec(method, biz, extra)
      },
    }
    const recording = await startShop(getDb(), sim, { client })
    try {
      const who = await payingBuyer(getDb())
      const order = await asBuyer(recording, who).placeOrder('envelope-kraft-std', 3)
      await asBuyer(recording, who).openPayment(order.id)
      const create = calls.find((call) => call.method === 'alipay.trade.create')
      expect(create?.biz).toEqual({
        out_trade_no: order.id,
        total_amount: fenToYuan(order.total),
        subject: expect.stringContaining('3'),
        product_code: 'JSAPI_PAY',
        buyer_id: who.buyer.alipay.value,
        op_app_id: TEST_APP_ID,
        time_expire: toChinaTime(new Date(order.expiresAt)),
      })
      expect(create?.extra).toEqual({ notify_url: `${recording.origin}/api/alipay/notify` })
    } finally {
      await recording.close()
    }
  })

  it('puts the buyer in buyer_open_id for an OpenID app', async () => {
    const openShop = await startShop(getDb(), sim, { appId: OPEN_APP_ID })
    try {
      const who = await payingBuyer(getDb(), 'open_id', OPEN_APP_ID)
      const buyer = asBuyer(openShop, who)
      const order = await buyer.placeOrder()
      const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
      expect(await queryTrade(order.id, OPEN_APP_ID)).toMatchObject({
        tradeNo: tradeNO,
        buyerOpenId: who.buyer.alipay.value,
      })
    } finally {
      await openShop.close()
    }
  })

  it('creates one trade for concurrent calls', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const payments = await Promise.all([1, 2, 3, 4].map(() => buyer.openPayment(order.id)))
    const tradeNos = new Set(payments.map(tradeNoOf))
    expect(tradeNos.size).toBe(1)
    expect((await paymentState(getDb(), order.id)).payments).toHaveLength(1)
    expect((await queryTrade(order.id)).tradeNo).toBe([...tradeNos][0])
  })

  it("answers 404 for another buyer's order and 409 order_not_payable once it is not awaiting payment", async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const stranger = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    expect((await stranger.post(`/api/orders/${order.id}/payment`)).statusCode).toBe(404)
    expect(await paymentState(getDb(), order.id)).toMatchObject({ payments: [] })

    expect((await buyer.post(`/api/orders/${order.id}/cancel`)).statusCode).toBe(200)
    const closed = await buyer.post(`/api/orders/${order.id}/payment`)
    expect(closed.statusCode).toBe(409)
    expect(closed.json<ApiErrorBody>().code).toBe('order_not_payable')
  })

  it('marks the order paid from the verified notify after the cashier pays', async () => {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(shop, who)
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))

    // Another Alipay account cannot pay it (the trade is bound to the session's buyer).
    expect((await sim.pay(tradeNO, 'pay', 'buyer-2')).resultCode).toBe('6001')
    // A client-side "success" proves nothing: cancelling at the cashier leaves the order unpaid.
    expect((await sim.pay(tradeNO, 'cancel')).resultCode).toBe('6001')
    expect(await statusOf(order.id)).toBe('awaiting_payment')

    expect((await sim.pay(tradeNO, 'pay')).resultCode).toBe('9000')
    await sim.notifier.idle()
    const attempts = sim.notifier.attempts().filter((a) => a.url.startsWith(shop.origin))
    expect(attempts.at(-1)).toMatchObject({ result: 'success' })
    expect(await statusOf(order.id)).toBe('paid')
    const read = await buyer.get(`/api/orders/${order.id}`)
    expect(read.json<Order>()).toMatchObject({ status: 'paid', paidAt: expect.any(String) })

    const again = await buyer.post(`/api/orders/${order.id}/payment`)
    expect(again.statusCode).toBe(409)
    expect(again.json<ApiErrorBody>()).toMatchObject({
      code: 'order_not_payable',
      message: expect.stringMatching(/already paid/),
    })
  })

  it('recovers a lost notify through alipay.trade.query when the order is read', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    await payWithNotifyLost(sim, { tradeNO })
    expect(await statusOf(order.id)).toBe('awaiting_payment')

    const read = await buyer.get(`/api/orders/${order.id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json<Order>().status).toBe('paid')
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_SUCCESS',
    })
  })

  it('reads an unpaid order normally when Alipay has no trade yet or cannot be reached', async () => {
    const who = await payingBuyer(getDb())
    const order = await asBuyer(shop, who).placeOrder()
    await asBuyer(shop, who).openPayment(order.id)
    // The same database, but a gateway nobody listens on.
    const unreachable = await startShop(getDb(), sim, {
      client: sim.client(TEST_APP_ID, { gateway: 'http://127.0.0.1:9/alipay-sim/gateway.do' }),
    })
    try {
      const read = await asBuyer(unreachable, who).get(`/api/orders/${order.id}`)
      expect(read.statusCode).toBe(200)
      expect(read.json<Order>().status).toBe('awaiting_payment')
    } finally {
      await unreachable.close()
    }
    // A trade Alipay does not know (ACQ.TRADE_NOT_EXIST): another app's simulator view.
    const otherApp = await startShop(getDb(), sim, { appId: OPEN_APP_ID })
    try {
      const read = await asBuyer(otherApp, who).get(`/api/orders/${order.id}`)
      expect(read.statusCode).toBe(200)
      expect(read.json<Order>().status).toBe('awaiting_payment')
    } finally {
      await otherApp.close()
    }
  })

  it('closes the trade when the order is cancelled (query shows TRADE_CLOSED)', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    expect((await buyer.post(`/api/orders/${order.id}/cancel`)).statusCode).toBe(200)
    expect((await queryTrade(order.id)).tradeStatus).toBe('TRADE_CLOSED')
    expect((await sim.pay(tradeNO, 'pay')).resultCode).toBe('4000')
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_CLOSED',
    })
  })

  it('refunds a payment that lands after the order was cancelled', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    // The buyer pays while the order is being cancelled: the notify is still on its way.
    await payWithNotifyLost(sim, { tradeNO })
    expect((await buyer.post(`/api/orders/${order.id}/cancel`)).statusCode).toBe(200)

    // Closing failed (the trade is paid), so the shop checked and refunded it in full.
    expect(await statusOf(order.id)).toBe('closed')
    expect((await queryTrade(order.id)).tradeStatus).toBe('TRADE_CLOSED')
    expect((await paymentState(getDb(), order.id)).refunds).toEqual([
      expect.objectContaining({ amount_fen: order.total, kind: 'closed_order', status: 'refunded' }),
    ])
  })

  it('refunds a payment whose notify arrives for an order closed meanwhile', async () => {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    // Closed without the listener, as if the close of the trade had not happened yet.
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    expect((await sim.pay(tradeNO, 'pay')).resultCode).toBe('9000')
    await sim.notifier.idle()

    const state = await until(
      'the refund to be recorded',
      async () => {
        const seen = await paymentState(getDb(), order.id)
        return seen.refunds[0]?.status === 'refunded' ? seen : undefined
      },
      5000,
      25,
    )
    expect(state.order).toMatchObject({ status: 'closed', paid_at: null })
    expect(state.refunds).toEqual([
      expect.objectContaining({ amount_fen: order.total, kind: 'closed_order', status: 'refunded' }),
    ])
    // The payment's notify, then the notify Alipay sends for the refund (never taken for a payment).
    await until(
      'the refund’s notify',
      async () => (await paymentState(getDb(), order.id)).notifies.length === 2 || undefined,
      5000,
    )
    const notifies = (await paymentState(getDb(), order.id)).notifies
    expect(notifies.map((notify) => notify.notify_type).sort()).toEqual(['trade_refund', 'trade_status_sync'])
    expect((await queryTrade(order.id)).tradeStatus).toBe('TRADE_CLOSED')
  })

  it('answers a paymentUrl for Alipay+ wallets in payment_url mode', async () => {
    const plusShop = await startShop(getDb(), sim, { env: { ALIPAY_CASHIER_MODE: 'payment_url' } })
    try {
      const buyer = asBuyer(plusShop, await payingBuyer(getDb()))
      const order = await buyer.placeOrder()
      const payment = await buyer.openPayment(order.id)
      if (payment.invocation.kind !== 'paymentUrl') throw new Error(`got ${payment.invocation.kind}`)
      const url = new URL(payment.invocation.paymentUrl)
      expect(`${url.origin}${url.pathname}`).toBe(`${sim.base}/cashier`)
      expect(url.searchParams.get('tradeNO')).toBe((await queryTrade(order.id)).tradeNo)

      expect((await sim.cashier({ paymentUrl: url.toString(), outcome: 'pay' })).resultCode).toBe('9000')
      await sim.notifier.idle()
      expect(await statusOf(order.id)).toBe('paid')
    } finally {
      await plusShop.close()
    }
  })
})
