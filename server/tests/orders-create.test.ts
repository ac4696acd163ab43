import type { ApiErrorBody, Order } from '../../contract'
import { seedCatalog } from '../catalog/seed'
import { buildTestApp } from '../testing/app'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { countOrders, newKey, postOrder, setStock, stockOf } from './orders-helpers'
import { appForSuite } from '../testing/suites'

describeEachDatabase('creating orders', (getDb) => {
  const suite = appForSuite(getDb)

  it('prices every line from the catalog, ignoring prices and titles the client sends', async () => {
    await setStock(getDb(), 'mug-ceramic-sky', 10)
    await setStock(getDb(), 'tshirt-classic-black-xl', 10)
    const res = await postOrder(suite.app, suite.buyer, [
      { skuId: 'mug-ceramic-sky', quantity: 2, price: 1, unitPrice: 1, title: 'free mug' },
      { skuId: 'tshirt-classic-black-xl', quantity: 1, lineTotal: 0 },
    ])
    expect(res.statusCode).toBe(201)
    const order = res.json<Order>()
    expect(order.id).toMatch(/^\d{20}$/)
    expect(order).toMatchObject({ status: 'awaiting_payment', itemCount: 3, total: 2 * 3900 + 8900 })
    expect(order.lines).toEqual([
      {
        lineNo: 1,
        skuId: 'mug-ceramic-sky',
        productId: 'mug-ceramic',
        title: expect.not.stringMatching(/free/),
        skuLabel: expect.any(String),
        image: 'http://127.0.0.1:3000/images/mug-ceramic.png',
        unitPrice: 3900,
        quantity: 2,
        lineTotal: 7800,
      },
      expect.objectContaining({
        lineNo: 2,
        skuId: 'tshirt-classic-black-xl',
        unitPrice: 8900,
        quantity: 1,
        lineTotal: 8900,
      }),
    ])
    const [row] = await getDb().query<{ total_fen: number }>('select total_fen from orders where id = $1', [
      order.id,
    ])
    expect(row.total_fen).toBe(16700)
    expect(await stockOf(getDb(), 'mug-ceramic-sky')).toBe(8)
    expect(await stockOf(getDb(), 'tshirt-classic-black-xl')).toBe(9)
  })

  it('ignores a total or other top-level fields the client sends', async () => {
    await setStock(getDb(), 'pencil-set-std', 5)
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { ...suite.buyer.headers, 'idempotency-key': newKey() },
      payload: {
        lines: [{ skuId: 'pencil-set-std', quantity: 1 }],
        address: { ...SAMPLE_ADDRESS, isDefault: true },
        total: 1,
        status: 'paid',
      },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json<Order>()).toMatchObject({ total: 2900, status: 'awaiting_payment' })
    expect(res.json<Order>().address).toEqual(SAMPLE_ADDRESS)
  })

  it('expires after ORDER_TTL_MINUTES (default 15) and keeps the address as given', async () => {
    const order = (
      await postOrder(suite.app, suite.buyer, [{ skuId: 'envelope-kraft-std', quantity: 1 }])
    ).json<Order>()
    const ttl = Date.parse(order.expiresAt) - Date.parse(order.createdAt)
    expect(ttl).toBe(15 * 60 * 1000)
    expect(order.address).toEqual(SAMPLE_ADDRESS)

    const shortApp = await buildTestApp(getDb(), { orderTtlMinutes: 2 })
    try {
      const short = (
        await postOrder(shortApp, suite.buyer, [{ skuId: 'envelope-kraft-std', quantity: 1 }])
      ).json<Order>()
      expect(Date.parse(short.expiresAt) - Date.parse(short.createdAt)).toBe(2 * 60 * 1000)
    } finally {
      await shortApp.close()
    }
  })

  it('keeps a snapshot that reads right in either language after the catalog changes', async () => {
    await setStock(getDb(), 'tshirt-classic-navy-m', 5)
    const zh = (
      await postOrder(suite.app, suite.buyer, [{ skuId: 'tshirt-classic-navy-m', quantity: 1 }])
    ).json<Order>()
    expect(zh.lines[0]).toMatchObject({ title: expect.stringMatching(/[\u4e00-\u9fff]/), unitPrice: 7900 })
    await getDb().query(`update skus set price_fen = 1 where id = 'tshirt-classic-navy-m'`)
    await getDb().query(`update products set title_en = 'Renamed' where id = 'tshirt-classic'`)
    try {
      const en = (
        await suite.app.inject({
          method: 'GET',
          url: `/api/orders/${zh.id}`,
          headers: { ...suite.buyer.headers, 'accept-language': 'en' },
        })
      ).json<Order>()
      expect(en.lines[0]).toMatchObject({ unitPrice: 7900, lineTotal: 7900, skuLabel: 'Navy / M' })
      expect(en.lines[0].title).not.toBe('Renamed')
      expect(en.lines[0].title).toMatch(/T-shirt/i)
      expect(en.total).toBe(7900)
    } finally {
      await getDb().query(`update skus set price_fen = 7900 where id = 'tshirt-classic-navy-m'`)
      await seedCatalog(getDb())
    }
  })

  it('merges duplicate SKUs into one line', async () => {
    await setStock(getDb(), 'mug-ceramic-white', 10)
    const res = await postOrder(suite.app, suite.buyer, [
      { skuId: 'mug-ceramic-white', quantity: 2 },
      { skuId: 'pencil-set-std', quantity: 1 },
      { skuId: 'mug-ceramic-white', quantity: 3 },
    ])
    expect(res.statusCode).toBe(201)
    const order = res.json<Order>()
    expect(order.lines.map((line) => [line.skuId, line.quantity])).toEqual([
      ['mug-ceramic-white', 5],
      ['pencil-set-std', 1],
    ])
    expect(await stockOf(getDb(), 'mug-ceramic-white')).toBe(5)
  })

  it('refuses unknown SKUs (400) and SKUs no longer on sale (409), writing nothing', async () => {
    const before = await countOrders(getDb())
    const unknown = await postOrder(suite.app, suite.buyer, [{ skuId: 'no-such-sku', quantity: 1 }])
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json<ApiErrorBody>()).toMatchObject({
      code: 'unknown_sku',
      message: expect.stringContaining('no-such-sku'),
    })

    await setStock(getDb(), 'ruler-brass-std', 5)
    await getDb().query(`update skus set active = false where id = 'ruler-brass-std'`)
    try {
      const inactive = await postOrder(suite.app, suite.buyer, [
        { skuId: 'pencil-set-std', quantity: 1 },
        { skuId: 'ruler-brass-std', quantity: 1 },
      ])
      expect(inactive.statusCode).toBe(409)
      expect(inactive.json<ApiErrorBody>().code).toBe('unknown_sku')
    } finally {
      await getDb().query(`update skus set active = true where id = 'ruler-brass-std'`)
    }
    expect(await countOrders(getDb())).toBe(before)
    expect(await stockOf(getDb(), 'ruler-brass-std')).toBe(5)
  })

  it('refuses an order larger than the stock, naming the SKU', async () => {
    await setStock(getDb(), 'pen-fountain-navy', 2)
    const res = await postOrder(suite.app, suite.buyer, [{ skuId: 'pen-fountain-navy', quantity: 3 }])
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'insufficient_stock',
      message: expect.stringContaining('pen-fountain-navy'),
    })
    expect(await stockOf(getDb(), 'pen-fountain-navy')).toBe(2)
  })

  it('writes nothing when the second line lacks stock, and the key stays usable', async () => {
    await setStock(getDb(), 'bowl-set-std', 5)
    await setStock(getDb(), 'pan-iron-std', 1)
    const before = await countOrders(getDb())
    const key = newKey()
    const lines = [
      { skuId: 'bowl-set-std', quantity: 2 },
      { skuId: 'pan-iron-std', quantity: 2 },
    ]
    const res = await postOrder(suite.app, suite.buyer, lines, { key })
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'insufficient_stock',
      message: expect.stringContaining('pan-iron-std'),
    })
    expect(await stockOf(getDb(), 'bowl-set-std')).toBe(5)
    expect(await stockOf(getDb(), 'pan-iron-std')).toBe(1)
    expect(await countOrders(getDb())).toBe(before)
    const [{ count }] = await getDb().query<{ count: number }>(
      'select count(*)::int as count from order_lines l left join orders o on o.id = l.order_id where o.id is null',
    )
    expect(count).toBe(0)

    // The failed attempt left no key behind: once restocked, the same request goes through.
    await setStock(getDb(), 'pan-iron-std', 2)
    const retry = await postOrder(suite.app, suite.buyer, lines, { key })
    expect(retry.statusCode).toBe(201)
    expect(await stockOf(getDb(), 'bowl-set-std')).toBe(3)
    expect(await stockOf(getDb(), 'pan-iron-std')).toBe(0)
  })

  it('never oversells: stock 3, 10 concurrent buyers → exactly 3 orders, stock 0', async () => {
    await setStock(getDb(), 'keyboard-compact-std', 3)
    const buyers = await Promise.all(Array.from({ length: 10 }, () => createTestBuyer(getDb())))
    const responses = await Promise.all(
      buyers.map((b) => postOrder(suite.app, b, [{ skuId: 'keyboard-compact-std', quantity: 1 }])),
    )
    const statuses = responses.map((res) => res.statusCode)
    expect(statuses.filter((status) => status === 201)).toHaveLength(3)
    expect(statuses.filter((status) => status === 409)).toHaveLength(7)
    for (const res of responses.filter((r) => r.statusCode === 409)) {
      expect(res.json<ApiErrorBody>().code).toBe('insufficient_stock')
    }
    expect(await stockOf(getDb(), 'keyboard-compact-std')).toBe(0)
  })

  it('never deadlocks or oversells when concurrent orders lock SKUs in opposite line order', async () => {
    await setStock(getDb(), 'honey-jar-std', 4)
    await setStock(getDb(), 'tea-oolong-std', 4)
    const buyers = await Promise.all(Array.from({ length: 6 }, () => createTestBuyer(getDb())))
    const responses = await Promise.all(
      buyers.map((b, index) =>
        postOrder(
          suite.app,
          b,
          index % 2
            ? [
                { skuId: 'honey-jar-std', quantity: 1 },
                { skuId: 'tea-oolong-std', quantity: 1 },
              ]
            : [
                { skuId: 'tea-oolong-std', quantity: 1 },
                { skuId: 'honey-jar-std', quantity: 1 },
              ],
        ),
      ),
    )
    expect(responses.map((res) => res.statusCode).sort()).toEqual([201, 201, 201, 201, 409, 409])
    expect(await stockOf(getDb(), 'honey-jar-std')).toBe(0)
    expect(await stockOf(getDb(), 'tea-oolong-std')).toBe(0)
  })
})
