/**
 * What keeps money and orders in agreement when timing or Alipay fails us: a payment taken just
 * before the order's deadline pays the order (it is not expired and refunded), and the sweep's
 * reconciler finishes what a failed Alipay call left half done (an open trade on a closed order,
 * an unconfirmed refund).
 */
import type { Order } from '../../contract'
import {
  startSimulator,
  testKeys,
  TEST_APP_ID,
  type SimulatorHarness,
} from '../alipay-simulator/test-harness'
import { seedCatalog } from '../catalog/seed'
import { migrate } from '../db/migrate'
import { closeExpiredOrders } from '../orders/expiry'
import { closeOrder } from '../orders/state'
import { fenToYuan } from '../payments/money'
import { markRefundPending } from '../payments/repository'
import { createPayments } from '../payments/service'
import { resolvePaymentSettings } from '../payments/settings'
import { refundRequestNo } from '../payments/settle'
import { describeEachDatabase } from '../testing/databases'
import {
  asBuyer,
  payingBuyer,
  paymentState,
  payWithNotifyLost,
  startShop,
  tradeNoOf,
  type ShopUnderTest,
} from './payments-helpers'

const silentLog = { info: () => {}, warn: () => {}, error: () => {} }

let sim: SimulatorHarness
beforeAll(async () => {
  sim = await startSimulator({ apps: [{ appId: TEST_APP_ID, keys: testKeys().app }] })
})
afterAll(() => sim.close())

const tradeStatusAtAlipay = async (orderId: string) =>
  (await sim.client().exec<{ tradeStatus: string }>('alipay.trade.query', { out_trade_no: orderId }))
    .tradeStatus

describeEachDatabase('payments repaired after timing and Alipay failures', (getDb) => {
  let shop: ShopUnderTest
  beforeAll(async () => {
    await migrate(getDb())
    await seedCatalog(getDb())
    shop = await startShop(getDb(), sim)
  })
  afterAll(async () => {
    await sim.control({ notifies: 'deliver' })
    await shop.close()
  })

  const payments = () =>
    createPayments({
      db: getDb(),
      alipay: sim.client(),
      settings: resolvePaymentSettings(undefined, false),
      log: silentLog,
    })
  const statusOf = async (orderId: string) =>
    (await getDb().query<{ status: string }>('select status from orders where id = $1', [orderId]))[0].status

  /** The buyer pays; the notify is lost (dropped), as if still on its way. */
  async function paidWithoutNotify() {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    await payWithNotifyLost(sim, { tradeNO })
    return { buyer, order, tradeNO }
  }

  const pastDeadline = (orderId: string) =>
    getDb().query(
      `update orders set created_at = now() - interval '1 hour', expires_at = now() - interval '1 second'
        where id = $1`,
      [orderId],
    )

  it('pays, not expires, an order whose trade was paid before the deadline (list read)', async () => {
    const { buyer, order } = await paidWithoutNotify()
    await pastDeadline(order.id)
    const list = await buyer.get('/api/orders')
    expect(list.statusCode).toBe(200)
    expect(list.json<{ items: Order[] }>().items.find((o) => o.id === order.id)?.status).toBe('paid')
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_SUCCESS',
      refund_status: null,
    })
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

  it('sends an unconfirmed refund again, and Alipay refunds once', async () => {
    const { order } = await paidWithoutNotify()
    // The order closed meanwhile; the shop learned of the payment and asked for the refund, but
    // never saw Alipay's confirmation.
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    await getDb().query(`update payments set trade_status = 'TRADE_SUCCESS' where order_id = $1`, [order.id])
    await markRefundPending(getDb(), order.id, refundRequestNo(order.id))

    await payments().reconcile()
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({ refund_status: 'refunded' })
    // The confirmation is lost once more: the same out_request_no goes again, and Alipay refunds once.
    await getDb().query(`update payments set refund_status = 'pending' where order_id = $1`, [order.id])
    await payments().reconcile()
    const [payment] = (await paymentState(getDb(), order.id)).payments
    expect(payment).toMatchObject({ refund_status: 'refunded', refund_fen: order.total })
    // Refunded once, in full: the trade's cumulative refund_fee is the order total, not twice it.
    const trade = await sim
      .client()
      .exec<{ tradeStatus: string; refundFee?: string }>('alipay.trade.query', { out_trade_no: order.id })
    expect(trade).toMatchObject({ tradeStatus: 'TRADE_CLOSED', refundFee: fenToYuan(order.total) })
    expect(await statusOf(order.id)).toBe('closed')
  })
})
