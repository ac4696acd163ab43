/**
 * Alipay's order center (alipay.merchant.order.sync) follows each order's life, through the outbox
 * and the real simulator: at every step the simulator's synced state is the one our order's state
 * maps to, with the order's amounts, trade and parcel; a completion or a partial refund (no new
 * state) sends nothing; a refused job fails for good and the next orders still go.
 */
import { testConfig } from '../testing/app'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import { drainOutbox } from '../outbox/worker'
import { outboxHandlers } from '../outbox/handlers'
import { closeExpiredOrders } from '../orders/expiry'
import { completeSettledOrders } from '../orders/fulfilment'
import { receiveOverdueBatch } from '../orders/fulfilment-sweep'
import type { Db } from '../db/types'
import { describeEachDatabase } from '../testing/databases'
import { fenToYuan } from '../alipay/wire-format'
import { newBuyer, paidOrder, receive, ship, stockUp } from './after-sales-helpers'
import { placeOrder, SHIPMENT } from './orders-fulfilment-helpers'
import { expireOrder, newKey, statusOf } from './orders-helpers'
import { EXPECTED_STATE, FAST_OUTBOX, settled, simulatorShows, syncJobsOf } from './order-center-helpers'
import { shopForSuite, type ShopUnderTest } from './payments-helpers'
import { afterSales, paymentDeps, refund } from './refunds-helpers'

/** The simulator and the shop (with its outbox worker or not) from beforeAll to afterAll. */
function shopAndSimulator(getDb: () => Db, runOutbox: boolean) {
  const suite = {} as { sim: SimulatorHarness; shop: ShopUnderTest }
  beforeAll(async () => {
    suite.sim = await startSimulator()
  })
  suite.shop = shopForSuite(getDb, () => suite.sim, { config: { outbox: FAST_OUTBOX }, runOutbox })
  beforeAll(async () => {
    await stockUp(getDb())
  })
  // Declared last, so it runs after the shop's afterAll (which still talks to the simulator).
  afterAll(async () => {
    await suite.sim?.close()
  })
  return suite
}

describeEachDatabase('the order center follows an order', (getDb) => {
  const suite = shopAndSimulator(getDb, true)
  const { shop } = suite
  let sim: SimulatorHarness
  beforeAll(() => {
    sim = suite.sim
  })

  /** Our order's state now, and that the simulator shows the state it maps to. */
  async function matches(orderId: string) {
    const ours = (await statusOf(getDb(), orderId)).status as string
    return simulatorShows(sim, orderId, EXPECTED_STATE[ours])
  }

  it('created, paid, shipped, received, completed, refunded: the same state at every step', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    let entry = await matches(order.id)
    expect(entry.history.map((state) => state.status)).toEqual(['CREATE', 'PAID'])
    const [created, paid] = entry.history
    const total = fenToYuan(order.total)
    expect(created).toMatchObject({ amount: total, payAmount: total, discountAmount: '0.00' })
    expect(created.tradeNo).toBeUndefined()
    const [payment] = await getDb().query<{ trade_no: string }>(
      'select trade_no from payments where order_id = $1',
      [order.id],
    )
    expect(paid).toMatchObject({ amount: total, tradeNo: payment.trade_no })
    expect(entry.buyerId).toBe(buyer.buyer.alipay.value)

    await ship(getDb(), order.id)
    entry = await matches(order.id)
    expect(entry.status).toBe('IN_DELIVERY')
    expect(entry.history.at(-1)?.trackingNo).toBe(SHIPMENT.trackingNo)

    await receive(getDb(), order.id)
    entry = await matches(order.id)
    expect(entry.status).toBe('FINISHED')

    // Completed (here with a 0-day after-sales window) is FINISHED too: nothing new is sent
    // (Alipay takes each state once).
    expect(await getDb().transaction((tx) => completeSettledOrders(tx, [order.id], 0))).toEqual([order.id])
    await settled(getDb(), order.id)
    expect((await statusOf(getDb(), order.id)).status).toBe('completed')
    entry = await matches(order.id)
    expect(entry.history).toHaveLength(4)

    // A full refund after the sale (an approved after-sales request) is REFUNDED.
    const deps = paymentDeps(getDb(), sim.client())
    expect(await refund(deps, await afterSales(getDb(), order.id, order.total))).toBe('refunded')
    entry = await simulatorShows(sim, order.id, 'REFUNDED')
    expect(entry.history.map((state) => state.status)).toEqual([
      'CREATE',
      'PAID',
      'IN_DELIVERY',
      'FINISHED',
      'REFUNDED',
    ])
    expect(entry.refusals).toEqual([])
    expect((await syncJobsOf(getDb(), order.id)).map((job) => job.status)).toEqual(Array(5).fill('done'))
  })

  it('a partial refund sends nothing; the refund that completes it sends REFUNDED', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 0 })
    await simulatorShows(sim, order.id, 'PAID')
    const deps = paymentDeps(getDb(), sim.client())
    const part = Math.floor(order.total / 3)
    expect(await refund(deps, await afterSales(getDb(), order.id, part))).toBe('refunded')
    await settled(getDb(), order.id)
    expect((await syncJobsOf(getDb(), order.id)).map((job) => job.payload.ext_info)).toHaveLength(2)
    expect((await sim.orderCenter(order.id))?.status).toBe('PAID')
    expect(await refund(deps, await afterSales(getDb(), order.id, order.total - part))).toBe('refunded')
    const entry = await simulatorShows(sim, order.id, 'REFUNDED')
    expect(entry.history.map((state) => state.status)).toEqual(['CREATE', 'PAID', 'REFUNDED'])
  })

  it('an unpaid order cancelled by the buyer is CLOSED', async () => {
    const buyer = await newBuyer(shop, getDb())
    const placed = await shop.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { host: new URL(shop.origin).host, 'idempotency-key': newKey(), ...buyer.headers },
      payload: { lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }], address: SAMPLE_ADDRESS },
    })
    expect(placed.statusCode).toBe(201)
    const orderId = placed.json<{ id: string }>().id
    await matches(orderId)
    expect((await buyer.post(`/api/orders/${orderId}/cancel`)).statusCode).toBe(200)
    const entry = await matches(orderId)
    expect(entry.history.map((state) => state.status)).toEqual(['CREATE', 'CLOSED'])
  })

  it('the sweeps report too: an expired order is CLOSED, an overdue shipment FINISHED', async () => {
    const buyer = await newBuyer(shop, getDb())
    const unpaid = await placeOrder(getDb(), buyer.buyer.id)
    await matches(unpaid)
    await expireOrder(getDb(), unpaid)
    expect(await closeExpiredOrders(getDb())).toContain(unpaid)
    expect((await matches(unpaid)).history.map((state) => state.status)).toEqual(['CREATE', 'CLOSED'])

    const order = await paidOrder(shop, sim, getDb(), buyer, { pencils: 0 })
    await ship(getDb(), order.id, 11)
    await matches(order.id)
    expect(await receiveOverdueBatch(getDb(), { autoReceiveDays: 10, afterSalesDays: 7 })).toContain(order.id)
    const entry = await matches(order.id)
    expect(entry.history.map((state) => state.status)).toEqual(['CREATE', 'PAID', 'IN_DELIVERY', 'FINISHED'])
  })
})

describeEachDatabase('the order center refusing a job', (getDb) => {
  // No worker in the app: the test runs the outbox itself, with a logger it reads.
  const suite = shopAndSimulator(getDb, false)
  const { shop } = suite
  let sim: SimulatorHarness
  beforeAll(() => {
    sim = suite.sim
  })
  const drain = (logger: { info(): void; warn(): void; error(details: object, message: string): void }) =>
    drainOutbox(
      getDb(),
      {
        handlers: outboxHandlers({
          settings: FAST_OUTBOX,
          db: getDb(),
          messages: testConfig().messages,
          alipay: sim.client(),
        }),
        settings: FAST_OUTBOX,
        logger,
      },
      'test-worker',
    )

  it('fails it for good, with the error kept and logged; the next orders still go', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    const errors: string[] = []
    const logger = {
      info: () => {},
      warn: () => {},
      error: (_: object, message: string) => void errors.push(message),
    }
    // A stray job repeating PAID (as a buggy second writer would): Alipay refuses the state twice.
    const [paidJob] = (await syncJobsOf(getDb(), order.id)).slice(-1)
    await getDb().query(`insert into outbox (kind, aggregate_id, payload) values ($1, $2, $3::jsonb)`, [
      paidJob.kind,
      order.id,
      JSON.stringify(paidJob.payload),
    ])
    const next = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await drain(logger)
    await settled(getDb(), order.id)
    const jobs = await syncJobsOf(getDb(), order.id)
    expect(jobs.at(-1)).toMatchObject({ status: 'failed', attempts: 1 })
    expect(jobs.at(-1)?.lastError).toContain('ORDER_ERROR_STATUS')
    expect(errors.some((message) => message.includes('ORDER_ERROR_STATUS'))).toBe(true)
    expect((await sim.orderCenter(order.id))?.refusals).toEqual([
      { subCode: 'ORDER_ERROR_STATUS', status: 'PAID' },
    ])
    await simulatorShows(sim, next.id, 'PAID')
  })
})
