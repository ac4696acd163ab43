/**
 * Two shop instances on ONE PostgreSQL, both running the outbox worker every 20 ms while orders
 * are placed and paid: each order-center job is delivered exactly once (FOR UPDATE SKIP LOCKED and
 * the lease), in order, so Alipay (the simulator) sees every state once and refuses none.
 * Needs PostgreSQL (TEST_DATABASE_URL); skipped with a warning without it.
 */
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import type { Db } from '../db/types'
import { markOrderPaid } from '../orders/state'
import { createTestBuyer } from '../testing/buyers'
import {
  createPostgresTestDatabase,
  isPostgresReachable,
  TEST_DATABASE_URL,
  withoutPassword,
  type PostgresTestDatabase,
} from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { until } from '../testing/until'
import { FAST_OUTBOX } from './order-center-helpers'
import { FULFILMENT_SKU, placeOrder } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'
import { startShop, type ShopUnderTest } from './payments-helpers'

const ORDERS = 40
const SYNC = 'alipay.merchant.order.sync'

const reachable = isPostgresReachable()
if (!reachable)
  console.warn(
    `\n*** order-center-instances SKIPPED: no PostgreSQL at ${withoutPassword(TEST_DATABASE_URL)} ***\n`,
  )

;(reachable ? describe : describe.skip)('the order-center outbox on two instances', () => {
  let testDb: PostgresTestDatabase
  let poolB: Db
  let sim: SimulatorHarness
  const instances: ShopUnderTest[] = []

  beforeAll(async () => {
    testDb = await createPostgresTestDatabase()
    poolB = await testDb.openSecondPool(5)
    await prepareDatabase(testDb.db)
    await setStock(testDb.db, FULFILMENT_SKU, 10_000)
    sim = await startSimulator()
    for (const db of [testDb.db, poolB])
      instances.push(await startShop(db, sim, { runOutbox: true, config: { outbox: FAST_OUTBOX } }))
  })
  afterAll(async () => {
    for (const instance of instances) await instance.close()
    await sim?.close()
    await poolB?.close()
    await testDb?.dispose()
  })

  it('delivers each job exactly once, in order', async () => {
    const before = sim.calls.count(SYNC)
    const { buyer } = await createTestBuyer(testDb.db)
    const orderIds: string[] = []
    // Placed and paid on alternate pools while both workers claim.
    for (let i = 0; i < ORDERS; i++) {
      const db = i % 2 ? poolB : testDb.db
      const orderId = await placeOrder(db, buyer.id)
      await db.transaction((tx) => markOrderPaid(tx, orderId))
      orderIds.push(orderId)
    }
    await until(
      'every job to be run',
      async () => {
        const [{ pending }] = await testDb.db.query<{ pending: number }>(
          `select count(*)::int as pending from outbox where status = 'pending'`,
        )
        return pending === 0 ? true : undefined
      },
      20_000,
      50,
    )
    const failed = await testDb.db.query(
      `select aggregate_id, last_error from outbox where status = 'failed'`,
    )
    expect(failed).toEqual([])
    expect(sim.calls.count(SYNC) - before).toBe(ORDERS * 2)
    for (const orderId of orderIds) {
      const entry = await sim.orderCenter(orderId)
      expect({
        orderId,
        states: entry?.history.map((state) => state.status),
        refusals: entry?.refusals,
      }).toEqual({
        orderId,
        states: ['CREATE', 'PAID'],
        refusals: [],
      })
    }
  })
})
