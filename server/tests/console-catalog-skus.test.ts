/** The console's SKU changes: prices (owner only) and stock adjustments (any staff, never below 0). */
import type { ConsoleProduct, ProductDetail } from '../../contract'
import { SKU_STOCK_MAX } from '../../contract/limits'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { ownerAndClerk } from './merchant-helpers'
import { catalogAudit, request } from './console-catalog-helpers'

describeEachDatabase('console catalog: SKU prices and stock', (getDb) => {
  const suite = appForSuite(getDb)
  const team = ownerAndClerk(getDb)

  const setPrice = (sku: string, headers: Record<string, string>, price: unknown) =>
    request(suite.app, 'PUT', `/api/merchant/skus/${sku}/price`, headers, { price })
  const adjust = (sku: string, delta: number, reason = 'stock count') =>
    request(suite.app, 'POST', `/api/merchant/skus/${sku}/stock-adjustments`, team.clerk.headers, {
      delta,
      reason,
    })
  const shopSku = async (productId: string, skuId: string) =>
    (await request(suite.app, 'GET', `/api/products/${productId}`, {}))
      .json<ProductDetail>()
      .skus.find((sku) => sku.id === skuId)

  it("lets the owner change a SKU's price: the shop shows it, the audit has before → after", async () => {
    const res = await setPrice('mug-ceramic-sky', team.owner.headers, 4590)
    expect(res.statusCode).toBe(200)
    const product = res.json<ConsoleProduct>()
    expect(product.id).toBe('mug-ceramic')
    expect(product.skus.find((sku) => sku.id === 'mug-ceramic-sky')?.price).toBe(4590)
    expect(product.editedAt).toEqual(expect.any(String))
    expect((await shopSku('mug-ceramic', 'mug-ceramic-sky'))?.price).toBe(4590)
    expect(await catalogAudit(getDb(), 'sku', 'mug-ceramic-sky')).toEqual([
      {
        staff_id: team.owner.id,
        action: 'sku.price',
        target_type: 'sku',
        target_id: 'mug-ceramic-sky',
        before: { price: 3900 },
        after: { price: 4590 },
      },
    ])
  })

  it('refuses a price change from staff with 403 forbidden, whatever the body, and changes nothing', async () => {
    for (const body of [100, 'x']) {
      const res = await setPrice('mug-ceramic-coral', team.clerk.headers, body)
      expect(res.statusCode).toBe(403)
      expect(res.json()).toMatchObject({ code: 'forbidden' })
    }
    expect((await shopSku('mug-ceramic', 'mug-ceramic-coral'))?.price).toBe(3900)
    expect(await catalogAudit(getDb(), 'sku', 'mug-ceramic-coral')).toEqual([])
  })

  it('refuses prices that are not whole fen in range, and unknown SKUs', async () => {
    for (const price of [0, 10_000_000, 12.5, '500']) {
      const res = await setPrice('mug-ceramic-coral', team.owner.headers, price)
      expect({ price, status: res.statusCode }).toEqual({ price, status: 400 })
    }
    const missing = await setPrice('no-such-sku', team.owner.headers, 500)
    expect(missing.statusCode).toBe(404)
  })

  it('adjusts stock either way with a reason, recorded and audited', async () => {
    const [{ stock: before }] = await getDb().query<{ stock: number }>(
      `select stock from skus where id = 'candle-soy-std'`,
    )
    const added = await adjust('candle-soy-std', 5, 'delivery from the supplier')
    expect(added.statusCode).toBe(200)
    expect(added.json<ConsoleProduct>().skus[0]).toMatchObject({ id: 'candle-soy-std', stock: before + 5 })
    const removed = await adjust('candle-soy-std', -2, 'two broken')
    expect(removed.json<ConsoleProduct>().skus[0].stock).toBe(before + 3)
    expect((await shopSku('candle-soy', 'candle-soy-std'))?.stock).toBe(before + 3)

    const records = await getDb().query(
      `select delta, reason, staff_id::text, stock_after from stock_adjustments where sku_id = 'candle-soy-std' order by id`,
    )
    expect(records).toEqual([
      { delta: 5, reason: 'delivery from the supplier', staff_id: team.clerk.id, stock_after: before + 5 },
      { delta: -2, reason: 'two broken', staff_id: team.clerk.id, stock_after: before + 3 },
    ])
    const audit = await catalogAudit(getDb(), 'sku', 'candle-soy-std')
    expect(audit.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        'sku.stock_adjust',
        { stock: before },
        { stock: before + 5, delta: 5, reason: 'delivery from the supplier' },
      ],
      ['sku.stock_adjust', { stock: before + 5 }, { stock: before + 3, delta: -2, reason: 'two broken' }],
    ])
  })

  it('refuses to take stock below 0 with 409 insufficient_stock, and changes nothing', async () => {
    await getDb().query(`update skus set stock = 2 where id = 'pencil-set-std'`)
    const res = await adjust('pencil-set-std', -3)
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      code: 'insufficient_stock',
      message: expect.stringContaining('below 0'),
    })
    const [{ stock }] = await getDb().query<{ stock: number }>(
      `select stock from skus where id = 'pencil-set-std'`,
    )
    expect(stock).toBe(2)
    expect(await catalogAudit(getDb(), 'sku', 'pencil-set-std')).toEqual([])
    const empty = await adjust('pencil-set-std', -2)
    expect(empty.json<ConsoleProduct>().skus[0].stock).toBe(0)
  })

  it('refuses to take stock above SKU_STOCK_MAX with 409 stock_limit (no int4 overflow, no 500)', async () => {
    const auditBefore = await catalogAudit(getDb(), 'sku', 'pencil-set-std')
    await getDb().query(`update skus set stock = $1 where id = 'pencil-set-std'`, [SKU_STOCK_MAX - 1])
    const res = await adjust('pencil-set-std', 2)
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      code: 'stock_limit',
      message: expect.stringContaining(`${SKU_STOCK_MAX}`),
    })
    // Near the column's own limit too: the sum is compared as bigint, so PostgreSQL never overflows.
    await getDb().query(`update skus set stock = 2147483600 where id = 'pencil-set-std'`)
    expect((await adjust('pencil-set-std', 100)).json()).toMatchObject({ code: 'stock_limit' })
    expect(await catalogAudit(getDb(), 'sku', 'pencil-set-std')).toEqual(auditBefore)
    await getDb().query(`update skus set stock = 3 where id = 'pencil-set-std'`)
    expect((await adjust('pencil-set-std', 1)).json<ConsoleProduct>().skus[0].stock).toBe(4)
  })

  it('takes stock up to SKU_STOCK_MAX itself', async () => {
    await getDb().query(`update skus set stock = $1 where id = 'cap-canvas-sand'`, [SKU_STOCK_MAX - 1])
    const res = await adjust('cap-canvas-sand', 1)
    expect(res.statusCode).toBe(200)
    expect(res.json<ConsoleProduct>().skus.find((sku) => sku.id === 'cap-canvas-sand')?.stock).toBe(
      SKU_STOCK_MAX,
    )
    const [{ stock }] = await getDb().query<{ stock: number }>(
      `select stock from skus where id = 'cap-canvas-sand'`,
    )
    expect(stock).toBe(SKU_STOCK_MAX)
  })

  it('refuses a zero delta, a blank reason and an unknown SKU', async () => {
    expect((await adjust('pencil-set-std', 0)).statusCode).toBe(400)
    expect((await adjust('pencil-set-std', 1, '  ')).statusCode).toBe(400)
    expect((await adjust('no-such-sku', 1)).statusCode).toBe(404)
  })
})
