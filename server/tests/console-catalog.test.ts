/** The console's catalog API: reading every product, creating and editing them, and who may. */
import type { ConsoleProduct, ConsoleProductPage, ProductDetail, ProductPage } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { ownerAndClerk } from './merchant-helpers'
import { catalogAudit, NEW_PRODUCT, request, type Headers } from './console-catalog-helpers'

describeEachDatabase('console catalog: products', (getDb) => {
  const suite = appForSuite(getDb)
  const team = ownerAndClerk(getDb)

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
    request(suite.app, method, url, headers, payload)
  const productCount = async () =>
    (await getDb().query<{ count: number }>('select count(*)::int as count from products'))[0].count
  const publicProducts = async () =>
    (await call('GET', '/api/products?pageSize=50', {})).json<ProductPage>().items.map((p) => p.id)

  it('lists published and unpublished products with every SKU, localized, paged', async () => {
    await getDb().query(`update products set active = false where id = 'teapot-clay'`)
    await getDb().query(`update skus set active = false where id = 'tshirt-classic-navy-s'`)
    const res = await call('GET', '/api/merchant/products?pageSize=50', team.clerk.headers)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const page = res.json<ConsoleProductPage>()
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 36, hasMore: false })
    expect(page.items.find((p) => p.id === 'teapot-clay')?.active).toBe(false)
    const tshirt = page.items.find((p) => p.id === 'tshirt-classic')!
    expect(tshirt).toMatchObject({
      categoryId: 'apparel',
      title: { 'zh-CN': '经典纯棉T恤', en: 'Classic Cotton T-shirt' },
      images: ['tshirt-classic.png'],
      imageUrls: ['http://127.0.0.1:3000/images/tshirt-classic.png'],
      active: true,
    })
    expect(tshirt.editedAt).toBeUndefined()
    expect(tshirt.skus).toHaveLength(12)
    expect(tshirt.skus.find((s) => s.id === 'tshirt-classic-navy-s')).toEqual({
      id: 'tshirt-classic-navy-s',
      values: ['Navy', 'S'],
      price: 7900,
      stock: 30,
      active: false,
    })
    const zh = await call('GET', '/api/merchant/products/tshirt-classic', {
      ...team.clerk.headers,
      'accept-language': 'zh-CN',
    })
    expect(zh.json<ConsoleProduct>().skus[0].values).toEqual(['白色', 'S'])
  })

  it('filters by category, state and search text', async () => {
    await getDb().query(`update products set active = false where id = 'teapot-clay'`)
    const list = async (query: string) =>
      (await call('GET', `/api/merchant/products?${query}`, team.clerk.headers)).json<ConsoleProductPage>()
    expect((await list('active=false')).items.map((p) => p.id)).toEqual(['teapot-clay'])
    expect((await list('categoryId=kitchen&active=true')).total).toBe(5)
    expect((await list('q=MUG')).items.map((p) => p.id)).toEqual(['mug-ceramic'])
    expect((await list(`q=${encodeURIComponent('%')}`)).items.map((p) => p.id)).toEqual(['chocolate-dark'])
    expect(await list('page=3&pageSize=20')).toMatchObject({ items: [], total: 36 })
  })

  it('needs a staff session: 401 without one, 404 for an unknown product', async () => {
    expect((await call('GET', '/api/merchant/products', {})).statusCode).toBe(401)
    expect((await call('GET', '/api/merchant/products', suite.buyer.headers)).statusCode).toBe(401)
    const missing = await call('GET', '/api/merchant/products/no-such-thing', team.clerk.headers)
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ code: 'not_found' })
  })

  it('lets the owner create an unpublished product with one SKU, its id from the English title', async () => {
    const res = await call('POST', '/api/merchant/products', team.owner.headers, NEW_PRODUCT)
    expect(res.statusCode).toBe(201)
    const product = res.json<ConsoleProduct>()
    expect(product).toMatchObject({
      id: 'linen-tote-bag',
      categoryId: 'home',
      title: NEW_PRODUCT.title,
      active: false,
      skus: [{ id: 'linen-tote-bag-std', values: [], price: 5900, stock: 12, active: true }],
      editedAt: expect.any(String),
    })
    const again = await call('POST', '/api/merchant/products', team.owner.headers, NEW_PRODUCT)
    expect(again.json<ConsoleProduct>().id).toBe('linen-tote-bag-2')
    expect(await publicProducts()).not.toContain('linen-tote-bag')
    const [entry] = await catalogAudit(getDb(), 'product', 'linen-tote-bag')
    expect(entry).toMatchObject({
      staff_id: team.owner.id,
      action: 'product.create',
      after: { categoryId: 'home', active: false, sku: { id: 'linen-tote-bag-std', price: 5900, stock: 12 } },
    })
  })

  it('refuses to create for staff (403 forbidden), and an unknown category or image (400)', async () => {
    const before = await productCount()
    const refused = await call('POST', '/api/merchant/products', team.clerk.headers, NEW_PRODUCT)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ code: 'forbidden' })
    const category = await call('POST', '/api/merchant/products', team.owner.headers, {
      ...NEW_PRODUCT,
      categoryId: 'nope',
    })
    expect(category.statusCode).toBe(400)
    expect(category.json()).toMatchObject({ code: 'unknown_category' })
    const image = await call('POST', '/api/merchant/products', team.owner.headers, {
      ...NEW_PRODUCT,
      images: ['missing.png'],
    })
    expect(image.statusCode).toBe(400)
    expect(image.json()).toMatchObject({ code: 'unknown_image' })
    expect(await productCount()).toBe(before)
  })

  it('lets staff edit titles, category and images, audited before → after', async () => {
    const res = await call('PATCH', '/api/merchant/products/candle-soy', team.clerk.headers, {
      title: { 'zh-CN': '大豆香薰蜡烛', en: 'Soy Candle, Large' },
      categoryId: 'kitchen',
      images: ['candle-soy.png', 'mug-ceramic.png'],
    })
    expect(res.statusCode).toBe(200)
    const product = res.json<ConsoleProduct>()
    expect(product).toMatchObject({
      categoryId: 'kitchen',
      title: { en: 'Soy Candle, Large' },
      imageUrls: [
        'http://127.0.0.1:3000/images/candle-soy.png',
        'http://127.0.0.1:3000/images/mug-ceramic.png',
      ],
      editedAt: expect.any(String),
    })
    const shop = (await call('GET', '/api/products/candle-soy', {})).json<ProductDetail>()
    expect(shop.title).toBe('Soy Candle, Large')
    const [entry] = await catalogAudit(getDb(), 'product', 'candle-soy')
    expect(entry).toMatchObject({
      staff_id: team.clerk.id,
      action: 'product.update',
      before: { categoryId: 'home', images: ['candle-soy.png'] },
      after: { categoryId: 'kitchen', images: ['candle-soy.png', 'mug-ceramic.png'] },
    })
    expect(Object.keys(entry.after as object).sort()).toEqual(['categoryId', 'images', 'title'])
  })

  it('refuses an edit naming an unknown category or image, and changes nothing', async () => {
    for (const [body, code] of [
      [{ categoryId: 'nope' }, 'unknown_category'],
      [{ images: ['nope.png'] }, 'unknown_image'],
      [{ images: ['../seed-data.json'] }, 'bad_request'],
    ] as const) {
      const res = await call('PATCH', '/api/merchant/products/bowl-set', team.clerk.headers, body)
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 400, code })
    }
    const bowl = (
      await call('GET', '/api/merchant/products/bowl-set', team.clerk.headers)
    ).json<ConsoleProduct>()
    expect(bowl.editedAt).toBeUndefined()
  })

  it('publishes and unpublishes: the public list follows, each change audited', async () => {
    const unpublish = await call('PATCH', '/api/merchant/products/bowl-set', team.clerk.headers, {
      active: false,
    })
    expect(unpublish.json<ConsoleProduct>().active).toBe(false)
    expect(await publicProducts()).not.toContain('bowl-set')
    expect((await call('GET', '/api/products/bowl-set', {})).statusCode).toBe(404)

    const created = await call('POST', '/api/merchant/products', team.owner.headers, {
      ...NEW_PRODUCT,
      title: { 'zh-CN': '软木杯垫', en: 'Cork Coaster' },
    })
    const { id: newId } = created.json<ConsoleProduct>()
    expect(await publicProducts()).not.toContain(newId)
    await call('PATCH', `/api/merchant/products/${newId}`, team.clerk.headers, { active: true })
    expect(await publicProducts()).toContain(newId)

    await call('PATCH', '/api/merchant/products/bowl-set', team.clerk.headers, { active: true })
    expect(await publicProducts()).toContain('bowl-set')
    const actions = (await catalogAudit(getDb(), 'product', 'bowl-set')).map((e) => [e.action, e.after])
    expect(actions).toEqual([
      ['product.unpublish', { active: false }],
      ['product.publish', { active: true }],
    ])
  })

  it('writes nothing for an edit that changes nothing', async () => {
    const res = await call('PATCH', '/api/merchant/products/pencil-set', team.clerk.headers, { active: true })
    expect(res.statusCode).toBe(200)
    expect(res.json<ConsoleProduct>().editedAt).toBeUndefined()
    expect(await catalogAudit(getDb(), 'product', 'pencil-set')).toEqual([])
  })
})
