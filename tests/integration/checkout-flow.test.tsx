/**
 * A buyer's purchase with the app's own client code (session, checkout, orders) against the
 * reference server and its Alipay simulator, over real HTTP: log in, check out the cart, find
 * the order, cancel it, and the stock comes back. Also: the session renews itself once on 401.
 */
import type { Order } from '@contract'
import { act, create } from 'react-test-renderer'
import { SAMPLE_ADDRESS } from '../support/sample-address'
import { startShopServer, type ShopServer } from '../support/shop-server'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let server: ShopServer
let app: {
  cart: typeof import('../../src/features/cart')
  catalog: typeof import('../../src/features/catalog')
  checkout: typeof import('../../src/features/checkout')
  orders: typeof import('../../src/features/orders')
  session: typeof import('../../src/features/session')
}

const address = SAMPLE_ADDRESS

beforeAll(async () => {
  server = await startShopServer()
  // Read at load time, as the build inlines it from .env.
  process.env.TARO_APP_API_BASE_URL = server.baseUrl
  app = {
    cart: require('../../src/features/cart'),
    catalog: require('../../src/features/catalog'),
    checkout: require('../../src/features/checkout'),
    orders: require('../../src/features/orders'),
    session: require('../../src/features/session'),
  }
  app.session.connectSessionToApi()
})
afterAll(() => server.close())

/** Runs the checkout hook the way the checkout page does: the cart's selected lines, or one bought now. */
async function placeOrder(buyNow?: { skuId: string; quantity: number }): Promise<Order | undefined> {
  let submit!: ReturnType<typeof app.checkout.useCheckout>['submit']
  function Probe() {
    submit = app.checkout.useCheckout().submit
    return null
  }
  await act(async () => void create(<Probe />))
  const lines = buyNow
    ? [await app.checkout.fetchBuyNowLine(buyNow)]
    : app.cart.useCartStore.getState().lines.filter((line) => line.selected)
  let order: Order | undefined
  await act(async () => {
    order = await submit(lines, address, buyNow ? 'buyNow' : 'cart')
  })
  return order
}

describe('a purchase through the app client', () => {
  it('logs in with a simulated Alipay auth code and gets a masked buyer id', async () => {
    const session = await app.session.login()
    expect(session.buyer.alipayIdMasked).toMatch(/^2088\*{4}\d{4}$/)
    expect(app.session.currentToken()).toBe(session.token)
  })

  it('checks out the cart, priced by the server, and empties those lines', async () => {
    const product = await app.catalog.fetchProduct('tshirt-classic')
    const sku = product.skus.find((candidate) => candidate.stock >= 2)!
    // A cart line whose stored price was tampered with: the order is priced by the server.
    app.cart.useCartStore.getState().add(
      {
        skuId: sku.id,
        productId: product.id,
        title: product.title,
        image: product.image,
        skuLabel: '',
        price: 1,
        stock: sku.stock,
      },
      2,
    )
    const order = await placeOrder()
    expect(order).toMatchObject({ status: 'awaiting_payment', total: sku.price * 2, itemCount: 2, address })
    expect(app.cart.useCartStore.getState().lines).toEqual([])
    const stockNow = (await app.catalog.fetchProduct('tshirt-classic')).skus.find(
      (s) => s.id === sku.id,
    )!.stock
    expect(stockNow).toBe(sku.stock - 2)

    const listed = await app.orders.fetchOrders('awaiting_payment', 1)
    expect(listed.items.map((o) => o.id)).toContain(order!.id)

    await app.orders.cancelOrder(order!.id)
    expect(await app.orders.fetchOrder(order!.id)).toMatchObject({
      status: 'closed',
      closeReason: 'cancelled',
    })
    const restored = (await app.catalog.fetchProduct('tshirt-classic')).skus.find(
      (s) => s.id === sku.id,
    )!.stock
    expect(restored).toBe(sku.stock)
  })

  it('buys one SKU now: the order has just that line, and the cart is exactly as before', async () => {
    const product = await app.catalog.fetchProduct('tshirt-classic')
    const [inCart, bought] = product.skus.filter((candidate) => candidate.stock >= 3)
    app.cart.useCartStore.getState().add(
      {
        skuId: inCart!.id,
        productId: product.id,
        title: product.title,
        image: product.image,
        skuLabel: '',
        price: inCart!.price,
        stock: inCart!.stock,
      },
      1,
    )
    const cartBefore = JSON.stringify(app.cart.useCartStore.getState().lines)
    // As the product page's 立即购买 passes it: the SKU id only (the product is found from it).
    const order = await placeOrder({ skuId: bought!.id, quantity: 3 })
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      total: bought!.price * 3,
      itemCount: 3,
      address,
    })
    expect(order!.lines.map((line) => [line.skuId, line.quantity])).toEqual([[bought!.id, 3]])
    expect(JSON.stringify(app.cart.useCartStore.getState().lines)).toBe(cartBefore)
    await app.orders.cancelOrder(order!.id)
    app.cart.useCartStore.getState().remove([inCart!.id])
  })

  it('logs in again by itself, once, when the server says the session expired', async () => {
    const before = app.session.currentToken()
    await server.db.query(`update sessions set expires_at = now() - interval '1 second'`)
    server.requests.length = 0
    const page = await app.orders.fetchOrders(undefined, 1)
    expect(page.total).toBeGreaterThan(0)
    expect(app.session.currentToken()).not.toBe(before)
    const shopCalls = server.requests.filter((r) => r.includes('/api/'))
    expect(shopCalls).toEqual([
      'GET /api/orders?page=1&pageSize=10 401',
      'POST /api/session 201',
      'GET /api/orders?page=1&pageSize=10 200',
    ])
  })

  it('logs in before checking out when there is no session', async () => {
    await app.session.logout()
    expect(app.session.currentToken()).toBeUndefined()
    const product = await app.catalog.fetchProduct('mug-ceramic')
    const sku = product.skus.find((candidate) => candidate.stock > 0)!
    app.cart.useCartStore.getState().add(
      {
        skuId: sku.id,
        productId: product.id,
        title: product.title,
        image: product.image,
        skuLabel: '',
        price: sku.price,
        stock: sku.stock,
      },
      1,
    )
    const order = await placeOrder()
    expect(order?.status).toBe('awaiting_payment')
    expect(app.session.currentToken()).toBeDefined()
  })
})
