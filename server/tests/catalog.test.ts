import type { FastifyInstance } from 'fastify'
import type { CategoryList, ProductDetail, ProductPage } from '../../contract'
import { listProducts } from '../catalog/repository'
import { loadSeedData, seedCatalog } from '../catalog/seed'
import type { Queryable } from '../db/types'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host: 'shop.test:8080', ...headers } })

describeEachDatabase('catalog API', (getDb) => {
  const suite = appForSuite(getDb)

  it('lists categories in seed order with product counts, in Chinese by default', async () => {
    const res = await get(suite.app, '/api/categories')
    expect(res.statusCode).toBe(200)
    const body = res.json<CategoryList>()
    expect(body.items.map((c) => c.id)).toEqual([
      'apparel',
      'home',
      'kitchen',
      'stationery',
      'electronics',
      'snacks',
    ])
    expect(body.items[0]).toEqual({ id: 'apparel', name: '服饰', productCount: 6 })
    expect(body.items.reduce((sum, c) => sum + c.productCount, 0)).toBe(36)
  })

  it('localizes by Accept-Language (en* → English) and says responses vary by it', async () => {
    const en = await get(suite.app, '/api/categories', { 'accept-language': 'en-GB,en;q=0.9' })
    expect(en.json<CategoryList>().items[0].name).toBe('Apparel')
    expect(en.headers.vary).toMatch(/accept-language/i)
    const zh = await get(suite.app, '/api/categories', { 'accept-language': 'zh-CN,en;q=0.5' })
    expect(zh.json<CategoryList>().items[0].name).toBe('服饰')
  })

  it('pages through all products with a stable order, total and hasMore', async () => {
    const first = (await get(suite.app, '/api/products')).json<ProductPage>()
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 36, hasMore: true })
    expect(first.items).toHaveLength(20)
    const second = (await get(suite.app, '/api/products?page=2&pageSize=20')).json<ProductPage>()
    expect(second).toMatchObject({ page: 2, total: 36, hasMore: false })
    expect(second.items).toHaveLength(16)
    const ids = [...first.items, ...second.items].map((p) => p.id)
    expect(new Set(ids).size).toBe(36)
    const again = (await get(suite.app, '/api/products')).json<ProductPage>()
    expect(again.items.map((p) => p.id)).toEqual(first.items.map((p) => p.id))
    expect(first.items[0].id).toBe('tshirt-classic')
  })

  it('returns an empty last page beyond the end', async () => {
    const page = (await get(suite.app, '/api/products?page=3&pageSize=20')).json<ProductPage>()
    expect(page).toEqual({ items: [], page: 3, pageSize: 20, total: 36, hasMore: false })
  })

  it('summarises price (lowest SKU, integer fen), stock and an absolute image URL', async () => {
    const page = (await get(suite.app, '/api/products?categoryId=kitchen')).json<ProductPage>()
    expect(page.total).toBe(6)
    expect(page.items.every((p) => p.categoryId === 'kitchen')).toBe(true)
    const teapot = page.items.find((p) => p.id === 'teapot-clay')!
    expect(teapot).toMatchObject({ priceFrom: 39900, stock: 0 })
    const mug = page.items.find((p) => p.id === 'mug-ceramic')!
    expect(mug).toMatchObject({
      priceFrom: 3900,
      stock: 240,
      image: 'http://127.0.0.1:3000/images/mug-ceramic.png',
    })
    expect(page.items.every((p) => Number.isInteger(p.priceFrom))).toBe(true)
  })

  it('filters by an unknown category to an empty page', async () => {
    const page = (await get(suite.app, '/api/products?categoryId=nope')).json<ProductPage>()
    expect(page).toMatchObject({ items: [], total: 0, hasMore: false })
  })

  it('searches titles in Chinese and English, case-insensitively, combined with category', async () => {
    const zh = (await get(suite.app, `/api/products?q=${encodeURIComponent('T恤')}`)).json<ProductPage>()
    expect(zh.items.map((p) => p.id)).toEqual(['tshirt-classic'])
    const en = (await get(suite.app, '/api/products?q=MUG', { 'accept-language': 'en' })).json<ProductPage>()
    expect(en.items.map((p) => p.id)).toEqual(['mug-ceramic'])
    expect(en.items[0].title).toBe('Ceramic Mug')
    const both = (await get(suite.app, '/api/products?q=set&categoryId=stationery')).json<ProductPage>()
    expect(both.items.map((p) => p.id)).toEqual(['pencil-set'])
  })

  it('treats % and _ in the search literally', async () => {
    // Unescaped, each of these would match every product.
    for (const q of ['_', '\\', '%%', '__']) {
      const page = (await get(suite.app, `/api/products?q=${encodeURIComponent(q)}`)).json<ProductPage>()
      expect({ q, total: page.total }).toEqual({ q, total: 0 })
    }
    // "70% Dark Chocolate" is the only title containing a literal %.
    const literal = (await get(suite.app, `/api/products?q=${encodeURIComponent('%')}`)).json<ProductPage>()
    expect(literal.items.map((p) => p.id)).toEqual(['chocolate-dark'])
  })

  it('returns a product with options and SKUs, localized', async () => {
    const res = await get(suite.app, '/api/products/tshirt-classic', { 'accept-language': 'en' })
    expect(res.statusCode).toBe(200)
    const product = res.json<ProductDetail>()
    expect(product.options).toEqual([
      { name: 'Colour', values: ['White', 'Black', 'Navy'] },
      { name: 'Size', values: ['S', 'M', 'L', 'XL'] },
    ])
    expect(product.skus).toHaveLength(12)
    expect(product.skus.find((s) => s.id === 'tshirt-classic-white-xl')).toEqual({
      id: 'tshirt-classic-white-xl',
      values: ['White', 'XL'],
      price: 7900,
      stock: 0,
    })
    expect(product.skus.find((s) => s.id === 'tshirt-classic-black-xl')?.price).toBe(8900)
    expect(product).toMatchObject({ priceFrom: 7900, stock: 30 * 11, title: 'Classic Cotton T-shirt' })
    expect(product.images).toEqual(['http://127.0.0.1:3000/images/tshirt-classic.png'])
    const zh = (await get(suite.app, '/api/products/tshirt-classic')).json<ProductDetail>()
    expect(zh.options[0]).toEqual({ name: '颜色', values: ['白色', '黑色', '藏青'] })
    expect(zh.skus[0].values).toEqual(['白色', 'S'])
  })

  it('gives single-SKU products one SKU without option values', async () => {
    const product = (await get(suite.app, '/api/products/candle-soy')).json<ProductDetail>()
    expect(product.options).toEqual([])
    expect(product.skus).toEqual([{ id: 'candle-soy-std', values: [], price: 8900, stock: 25 }])
  })

  it('computes total and items from one snapshot, even while the catalog changes', async () => {
    const db = getDb()
    // Every statement listProducts runs is preceded by a concurrent write that hides or shows a
    // product, so two separate statements (count, then page) would see different catalogs.
    const racing: Queryable = {
      exec: (sql) => db.exec(sql),
      query: async (sql, params) => {
        await db.query(`update products set active = not active where id = 'candle-soy'`)
        return db.query(sql, params)
      },
    }
    try {
      for (const before of [true, false]) {
        await db.query(`update products set active = $1 where id = 'candle-soy'`, [before])
        const { items, total } = await listProducts(racing, { page: 1, pageSize: 50 }, 'en', (f) => f)
        expect({ before, total, items: items.length }).toEqual({ before, total: items.length, items: total })
        expect(total).toBe(before ? 35 : 36)
      }
      await db.query(`update products set active = true where id = 'candle-soy'`)
      const beyond = await listProducts(racing, { page: 9, pageSize: 10 }, 'en', (f) => f)
      expect(beyond).toEqual({ items: [], total: 35 })
    } finally {
      await db.query(`update products set active = true where id = 'candle-soy'`)
    }
  })

  it('refuses a broken seed with a readable message before writing anything', async () => {
    const data = JSON.parse(JSON.stringify(loadSeedData()))
    data.products[0].title.en = 'Renamed'
    delete data.categories[0].name.en // was a NOT NULL violation from the database
    await expect(seedCatalog(getDb(), data)).rejects.toThrow(
      'seed-data.json: category "apparel" has no "en" name',
    )
    const product = (await get(suite.app, '/api/products/tshirt-classic', { 'accept-language': 'en' })).json()
    expect(product.title).toBe('Classic Cotton T-shirt')
  })

  it('answers 404 not_found for an unknown product and 400 for a malformed id', async () => {
    const missing = await get(suite.app, '/api/products/no-such-thing')
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no-such-thing'),
    })
    const malformed = await get(suite.app, `/api/products/${encodeURIComponent("x' or 1=1")}`)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('params/id'),
    })
  })
})
