/**
 * The compiled WeChat bundle (dist/weapp, or MINI_WEAPP_DIST_DIR) launches with `wx` and renders
 * the home page from the real server, as the Alipay one does; a product opens from it.
 */
import type { ProductSummary } from '@contract'
import { launch, type MiniProgram } from '../support/mini-runtime'
import { text } from '../support/mini-shop-flows'
import { ROUTES } from '../../src/shared/routes'
import { startShopServer, type ShopServer } from '../support/shop-server'

let server: ShopServer
let app: MiniProgram | undefined

// Creating the database takes seconds, many more on a machine busy with parallel suites.
beforeAll(async () => {
  server = await startShopServer()
}, 120_000)
afterEach(() => app?.close())
afterAll(() => server.close(), 60_000)

test('the WeChat build launches with wx and shows the first page of products', async () => {
  const response = await fetch(`${server.baseUrl}/api/products?page=1&pageSize=20`)
  const { items } = (await response.json()) as { items: ProductSummary[] }
  expect(items.length).toBeGreaterThan(1)

  app = await launch({ baseUrl: server.baseUrl, platform: 'weapp' })
  const home = await app.waitForPage(ROUTES.home)
  await home.waitForText(items[0].title)
  for (const product of items) expect(home.text()).toContain(product.title)
  expect(app.ui.tabTexts.get(0)).toBe(text['tab.home'])

  await home.tapText(items[0].title)
  const product = await app.waitForPage(ROUTES.product)
  expect(product.query.id).toBe(items[0].id)
  await product.waitForText(text['product.addToCart'])
  expect(app.consoleErrors).toEqual([])
})
