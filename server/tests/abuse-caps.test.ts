/**
 * Issue 14 #2: one buyer must not reserve the whole catalog. Unpaid orders per buyer and units of
 * one SKU across a buyer's unpaid orders are capped (server/orders/caps.ts), with the DEFAULT caps
 * here (MAX_UNPAID_ORDERS_PER_BUYER=5, MAX_UNPAID_UNITS_PER_SKU=20), also under parallel requests.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiErrorBody, Order } from '../../contract'
import { loadConfig } from '../config'
import {
  DEFAULT_MAX_UNPAID_ORDERS_PER_BUYER,
  DEFAULT_MAX_UNPAID_UNITS_PER_SKU,
  generousLimits,
} from '../limits/config'
import { buildTestApp } from '../testing/app'
import { createTestBuyer, type TestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { cancelAs, countOrders, expireOrder, postOrder, setStock, stockOf } from './orders-helpers'
import type { Queryable } from '../db/types'

/** Seeded SKUs, each given plenty of stock below, so only the caps can refuse an order. */
const SKUS = [
  'mug-ceramic-sky',
  'mug-ceramic-white',
  'tote-canvas-std',
  'pencil-set-std',
  'envelope-kraft-std',
  'phone-stand-std',
  'tshirt-classic-black-xl',
  'tshirt-classic-black-l',
  'tshirt-classic-black-m',
  'notebook-dot-black',
]

/**
 * Makes every order insert take 150 ms, so parallel creations overlap for sure: each one has
 * counted the buyer's orders before any other commits, unless the buyer's row lock serialises them.
 */
async function slowOrderInserts(db: Queryable): Promise<() => Promise<void>> {
  await db.exec(`
    create function test_slow_order_insert() returns trigger language plpgsql as $$
    begin perform pg_sleep(0.15); return new; end $$;
    create trigger test_slow_order_insert before insert on orders
      for each row execute function test_slow_order_insert();`)
  return () =>
    db.exec(`drop trigger test_slow_order_insert on orders; drop function test_slow_order_insert();`)
}

describeEachDatabase('per-buyer caps on unpaid orders', (getDb) => {
  let app: FastifyInstance
  const defaults = loadConfig({}).limits
  const newBuyer = () => createTestBuyer(getDb())

  beforeAll(async () => {
    await prepareDatabase(getDb())
    const known = await getDb().query<{ id: string }>('select id from skus where id = any($1::text[])', [
      SKUS,
    ])
    expect(known.map((row) => row.id).sort()).toEqual([...SKUS].sort())
    for (const sku of SKUS) await setStock(getDb(), sku, 1000)
    // The default caps; request budgets stay wide so only the caps are under test.
    app = await buildTestApp(getDb(), { limits: { ...generousLimits(defaults), caps: defaults.caps } })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('uses the documented defaults', () => {
    expect(defaults.caps).toEqual({ unpaidOrders: 5, unpaidUnitsPerSku: 20 })
    expect([DEFAULT_MAX_UNPAID_ORDERS_PER_BUYER, DEFAULT_MAX_UNPAID_UNITS_PER_SKU]).toEqual([5, 20])
  })

  it('refuses a 6th unpaid order with 409 unpaid_orders_limit until one is paid, cancelled or expired', async () => {
    const buyer = await newBuyer()
    const placed: Order[] = []
    for (const sku of SKUS.slice(0, 5)) {
      const res = await postOrder(app, buyer, [{ skuId: sku, quantity: 1 }])
      expect(res.statusCode).toBe(201)
      placed.push(res.json<Order>())
    }
    const stockBefore = await stockOf(getDb(), SKUS[5])
    const refused = await postOrder(app, buyer, [{ skuId: SKUS[5], quantity: 1 }])
    expect(refused.statusCode).toBe(409)
    expect(refused.json<ApiErrorBody>()).toMatchObject({
      code: 'unpaid_orders_limit',
      message: expect.stringMatching(/5 unpaid orders.*Pay or cancel one/),
    })
    expect(await stockOf(getDb(), SKUS[5])).toBe(stockBefore)
    expect(await countOrders(getDb(), buyer.buyer.id)).toBe(5)

    // Another buyer is not held back by this one.
    expect((await postOrder(app, await newBuyer(), [{ skuId: SKUS[5], quantity: 1 }])).statusCode).toBe(201)

    expect((await cancelAs(app, buyer, placed[0].id)).statusCode).toBe(200)
    expect((await postOrder(app, buyer, [{ skuId: SKUS[5], quantity: 1 }])).statusCode).toBe(201)

    // A paid order holds no reservation; nor does one past its expiry (whether swept yet or not).
    await getDb().query(`update orders set status = 'paid', paid_at = now() where id = $1`, [placed[1].id])
    expect((await postOrder(app, buyer, [{ skuId: SKUS[6], quantity: 1 }])).statusCode).toBe(201)
    expect((await postOrder(app, buyer, [{ skuId: SKUS[7], quantity: 1 }])).statusCode).toBe(409)
    await expireOrder(getDb(), placed[2].id)
    expect((await postOrder(app, buyer, [{ skuId: SKUS[7], quantity: 1 }])).statusCode).toBe(201)
  })

  it('caps the units of one SKU across the buyer’s unpaid orders at 20 (409 unpaid_units_limit)', async () => {
    const buyer = await newBuyer()
    const [sku, other] = SKUS
    expect((await postOrder(app, buyer, [{ skuId: sku, quantity: 15 }])).statusCode).toBe(201)
    const stockBefore = await stockOf(getDb(), other)
    // The whole order is refused, its other lines too.
    const refused = await postOrder(app, buyer, [
      { skuId: other, quantity: 2 },
      { skuId: sku, quantity: 6 },
    ])
    expect(refused.statusCode).toBe(409)
    expect(refused.json<ApiErrorBody>()).toMatchObject({
      code: 'unpaid_units_limit',
      message: expect.stringMatching(
        /At most 20 .*already hold 15.*asks for 6\. Pay or cancel an unpaid order/,
      ),
    })
    expect(await stockOf(getDb(), other)).toBe(stockBefore)
    expect((await postOrder(app, buyer, [{ skuId: sku, quantity: 5 }])).statusCode).toBe(201)
    // One line over the cap is refused even as the buyer's first order (99 is the most per line).
    const single = await postOrder(app, await newBuyer(), [{ skuId: sku, quantity: 21 }])
    expect(single.statusCode).toBe(409)
    expect(single.json<ApiErrorBody>().code).toBe('unpaid_units_limit')
  })

  it('the reported abuse: 50-line orders of 99 no longer empty the catalog for others', async () => {
    const hoarder = await newBuyer()
    const lines = SKUS.map((skuId) => ({ skuId, quantity: 99 }))
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await postOrder(app, hoarder, lines)).statusCode).toBe(409)
    }
    const most = SKUS.map((skuId) => ({ skuId, quantity: 20 }))
    expect((await postOrder(app, hoarder, most)).statusCode).toBe(201)
    expect((await postOrder(app, hoarder, most)).statusCode).toBe(409)
    expect((await postOrder(app, await newBuyer(), most)).statusCode).toBe(201)
  })

  it('holds under parallel orders of one buyer: 10 at once on 10 SKUs, exactly 5 placed', async () => {
    const buyer: TestBuyer = await newBuyer()
    const restore = await slowOrderInserts(getDb())
    const answers = await Promise.all(
      SKUS.map((skuId) => postOrder(app, buyer, [{ skuId, quantity: 1 }])),
    ).finally(restore)
    const statuses = answers.map((res) => res.statusCode).sort()
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(5).fill(409)])
    expect(await countOrders(getDb(), buyer.buyer.id)).toBe(5)
  })

  it('holds under parallel orders of one SKU: 6 × 4 units at once, exactly 5 placed (20 units)', async () => {
    const buyer = await newBuyer()
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postOrder(app, buyer, [{ skuId: SKUS[9], quantity: 4 }])),
    )
    expect(answers.map((res) => res.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 409])
  })
})
