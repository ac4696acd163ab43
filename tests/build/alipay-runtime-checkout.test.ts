/**
 * Checkout in the compiled Alipay bundle (dist/alipay, or MINI_DIST_DIR) against the real server:
 * buy now orders one SKU and leaves the cart exactly as it was; the address being typed survives
 * the buyer closing and reopening the mini-program; the region is chosen level by level from
 * GET /api/regions.
 */
import type { ProductDetail } from '@contract'
import { CART_STORAGE_KEY } from '../../src/features/cart'
import { pageUrl, ROUTES } from '../../src/shared/routes'
import { launch, relaunch, type MiniProgram } from '../support/mini-runtime'
import { addTshirtToCart, fillCheckoutAddress, text, TSHIRT } from '../support/mini-shop-flows'
import { REGION_PICKER_PROMPT, SAMPLE_ADDRESS } from '../support/sample-address'
import { startShopServer, type ShopServer } from '../support/shop-server'

let server: ShopServer
let app: MiniProgram | undefined

beforeAll(async () => {
  server = await startShopServer()
}, 120_000)
afterEach(() => app?.close())
afterAll(() => server.close(), 60_000)

/** A T-shirt SKU other than the one addTshirtToCart puts in the cart, with stock for two. */
async function otherTshirtSku() {
  const product = (await (
    await fetch(`${server.baseUrl}/api/products/tshirt-classic`)
  ).json()) as ProductDetail
  const sku = product.skus.find(
    (candidate) => candidate.stock >= 2 && !candidate.values.includes(TSHIRT.colour),
  )
  if (!sku) throw new Error('No other T-shirt SKU in stock')
  return sku
}

it('buy now: the order has the one line, and the cart is exactly as before', async () => {
  app = await launch({ baseUrl: server.baseUrl })
  await addTshirtToCart(app)
  const cartBefore = app.storage.entries.get(CART_STORAGE_KEY)
  expect(cartBefore).toContain(TSHIRT.title)

  const sku = await otherTshirtSku()
  // As the product page's 立即购买 opens it.
  app = await relaunch(app, pageUrl('checkout', { skuId: sku.id, quantity: '2' }))
  const checkout = await app.waitForPage(ROUTES.checkout)
  await checkout.waitForText(text['checkout.placeOrder'])
  await checkout.waitForText(TSHIRT.title)
  expect(checkout.text()).toContain('× 2')
  await fillCheckoutAddress(checkout)
  await checkout.tapText(text['checkout.placeOrder'])
  const order = await app.waitForPage(ROUTES.order)
  await order.waitForText(text['orders.pay'])

  const lines = await server.db.query<{ sku_id: string; quantity: number }>(
    'select sku_id, quantity from order_lines where order_id = $1',
    [order.query.id],
  )
  expect(lines.map((line) => [line.sku_id, Number(line.quantity)])).toEqual([[sku.id, 2]])
  expect(app.storage.entries.get(CART_STORAGE_KEY)).toBe(cartBefore)
})

it('keeps the address being typed when the buyer closes and reopens the mini-program', async () => {
  // The case the draft is for: no address saved yet (the buy-now test above saved one with its order).
  await server.db.query('delete from addresses')
  const sku = await otherTshirtSku()
  const entry = pageUrl('checkout', { skuId: sku.id, quantity: '1' })
  app = await launch({ baseUrl: server.baseUrl, entry })
  let checkout = await app.waitForPage(ROUTES.checkout)
  await checkout.waitForText(text['checkout.placeOrder'])
  await checkout.input(text['address.name'], '李四')
  await checkout.tapText(REGION_PICKER_PROMPT, { exact: true })
  for (const name of SAMPLE_ADDRESS.region.split(' ')) {
    await checkout.waitForText(name, { exact: true })
    await checkout.tapText(name, { exact: true })
  }

  app = await relaunch(app, entry)
  checkout = await app.waitForPage(ROUTES.checkout)
  await checkout.waitForText(SAMPLE_ADDRESS.region, { exact: true })
  const name = checkout
    .byTag('input')
    .find(({ node }) => checkout.attribute(node, 'placeholder') === text['address.name'])!
  expect(checkout.attribute(name.node, 'value')).toBe('李四')
})

it('on WeChat the region is the platform’s own picker (mode "region"), and its choice is saved as one text', async () => {
  const sku = await otherTshirtSku()
  app = await launch({
    baseUrl: server.baseUrl,
    platform: 'weapp',
    entry: pageUrl('checkout', { skuId: sku.id, quantity: '1' }),
  })
  const checkout = await app.waitForPage(ROUTES.checkout)
  await checkout.waitForText(text['checkout.placeOrder'])
  const [picker, more] = checkout.byTag('picker')
  expect(more).toBeUndefined()
  expect(checkout.attribute(picker!.node, 'mode')).toBe('region')
  // What WeChat's picker hands back when the buyer confirms (the runtime has no helper for a
  // picker's change, so through the scope's event host, as its input() does).
  const { host } = checkout as unknown as {
    host: { dispatch: (type: string, target: unknown, detail: Record<string, unknown>) => Promise<void> }
  }
  await host.dispatch('change', picker!, { value: SAMPLE_ADDRESS.region.split(' '), code: [] })
  await checkout.waitForText(SAMPLE_ADDRESS.region, { exact: true })
})
