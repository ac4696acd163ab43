/** Console edits survive restarts: the seed (run at every start) leaves console-edited products alone. */
import type { ConsoleProduct } from '../../contract'
import { loadSeedData, seedCatalog, type SeedData } from '../catalog/seed'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { NEW_PRODUCT, request } from './console-catalog-helpers'

describeEachDatabase('console catalog: edits survive the seed', (getDb) => {
  const suite = appForSuite(getDb)
  let owner: TestStaff

  const read = async (id: string) =>
    (await request(suite.app, 'GET', `/api/merchant/products/${id}`, owner.headers)).json<ConsoleProduct>()

  beforeAll(async () => {
    owner = await loggedInStaff(getDb(), 'owner')
  })

  it('keeps a console price, title and unpublish across a restart; unedited products follow the file', async () => {
    const edit = (method: 'PUT' | 'PATCH', url: string, body: unknown) =>
      request(suite.app, method, url, owner.headers, body)
    expect(
      (await edit('PUT', '/api/merchant/skus/mug-ceramic-white/price', { price: 4100 })).statusCode,
    ).toBe(200)
    expect(
      (
        await edit('PATCH', '/api/merchant/products/candle-soy', {
          title: { 'zh-CN': '新蜡烛', en: 'New Candle' },
        })
      ).statusCode,
    ).toBe(200)
    expect((await edit('PATCH', '/api/merchant/products/bowl-set', { active: false })).statusCode).toBe(200)

    // The file changes too, for edited and unedited products alike, and drops an edited one.
    const file: SeedData = JSON.parse(JSON.stringify(loadSeedData()))
    const inFile = (id: string) => file.products.find((product) => product.id === id)!
    inFile('mug-ceramic').price = 4500
    inFile('mug-ceramic').title.en = 'Mug from the file'
    inFile('mug-ceramic').options![0].values.push({ key: 'green', 'zh-CN': '绿色', en: 'Green' })
    inFile('candle-soy').title.en = 'Candle from the file'
    inFile('pencil-set').price = 1234
    inFile('pencil-set').title.en = 'Pencils from the file'
    file.products = file.products.filter((product) => product.id !== 'candle-soy')
    await seedCatalog(getDb(), file) // as a restart does

    const mug = await read('mug-ceramic')
    expect(mug.skus.map((sku) => [sku.id, sku.price])).toEqual([
      ['mug-ceramic-white', 4100],
      ['mug-ceramic-sky', 3900],
      ['mug-ceramic-coral', 3900],
    ])
    expect(mug.title.en).toBe('Ceramic Mug')
    expect(await read('candle-soy')).toMatchObject({ title: { en: 'New Candle' }, active: true })
    expect((await read('candle-soy')).skus[0].active).toBe(true)
    expect((await read('bowl-set')).active).toBe(false)

    const pencils = await read('pencil-set')
    expect(pencils).toMatchObject({ title: { en: 'Pencils from the file' }, active: true })
    expect(pencils.skus[0].price).toBe(1234)
    expect(pencils.editedAt).toBeUndefined()
  })

  it('keeps products created in the console, which the file does not have', async () => {
    const created = await request(suite.app, 'POST', '/api/merchant/products', owner.headers, {
      ...NEW_PRODUCT,
      title: { 'zh-CN': '新品', en: 'Console Original' },
      price: 990,
      stock: 4,
    })
    expect(created.statusCode).toBe(201)
    await request(suite.app, 'PATCH', '/api/merchant/products/console-original', owner.headers, {
      active: true,
    })
    await seedCatalog(getDb())
    expect(await read('console-original')).toMatchObject({
      active: true,
      skus: [{ id: 'console-original-std', price: 990, stock: 4, active: true }],
    })
  })
})
