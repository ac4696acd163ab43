/**
 * The app's client code recovering from what a phone throws at it, against the real server:
 *  - storage that is corrupt, of an old (or newer) version, or unreadable at launch: the app starts,
 *    keeps what it can read of the cart, treats an unreadable session as logged out, and never
 *    overwrites a saved cart or session because one read failed;
 *  - the server unreachable (a proxy that refuses connections) or an answer lost on the way: a
 *    clear message, the cart intact, and the same tap once the server is back places ONE order.
 * Each "launch" loads the app's modules afresh over the same device storage, as a restart does.
 */
import type { Order } from '@contract'
import Taro from '@tarojs/taro'
import { SAMPLE_ADDRESS } from '../support/sample-address'
import { launch, mountHook, renderText, type App } from '../support/app-launch'
import { startShopServer, type ShopServer } from '../support/shop-server'
import { startSwitchableProxy, type SwitchableProxy } from '../support/switchable-proxy'
import { device } from '../support/taro-node'

let server: ShopServer
let proxy: SwitchableProxy

beforeAll(async () => {
  server = await startShopServer()
  proxy = await startSwitchableProxy(server.baseUrl)
  // Read at load time, as the build inlines it from .env.
  process.env.TARO_APP_API_BASE_URL = proxy.url
})
afterAll(async () => {
  await proxy.close()
  await server.close()
})
beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  Taro.clearStorageSync()
  device.failingReads = 0
})
afterEach(() => jest.restoreAllMocks())

const line = (skuId: string, title: string, extra: Record<string, unknown> = {}) => ({
  skuId,
  productId: skuId.replace(/-std$/, ''),
  title,
  image: '',
  skuLabel: '',
  price: 2900,
  stock: 50,
  quantity: 2,
  selected: true,
  ...extra,
})
const stored = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

describe('corrupt, old or unreadable storage', () => {
  it('starts from an old-version cart and a corrupt session: readable lines kept, logged out, logging in works', async () => {
    Taro.setStorageSync(
      'shop.cart',
      stored({
        version: 0,
        state: {
          lines: [line('pencil-set-std', 'Pencils'), { skuId: 7 }, line('envelope-kraft-std', 'Envelopes')],
        },
      }),
    )
    Taro.setStorageSync('shop.session', '{"state":{"session":{"tok')
    const app = launch()
    const shown = await renderText(app, app.cart.CartView, {
      onShop: () => undefined,
      onCheckout: () => undefined,
    })
    expect(shown).toContain('Pencils')
    expect(shown).toContain('Envelopes')
    expect(app.cart.useCartStore.getState().lines).toHaveLength(2)
    expect(app.session.currentToken()).toBeUndefined()
    const session = await app.session.login()

    const again = launch()
    expect(again.session.currentToken()).toBe(session.token)
    expect(again.cart.useCartStore.getState().lines.map((l) => l.skuId)).toEqual([
      'pencil-set-std',
      'envelope-kraft-std',
    ])
    expect(JSON.parse(Taro.getStorageSync('shop.cart') as string).version).toBe(again.cart.CART_VERSION)
  })

  it.each([
    ['not JSON', '{"state":{"lines":[{"sku'],
    ['JSON null', 'null'],
    ['a number', 42],
    ['state null', { version: 1, state: null }],
    ['lines not a list', { version: 1, state: { lines: { skuId: 'x' } } }],
    ['a future version of another shape', { version: 9, state: { cart: { items: [] } } }],
  ])('starts with an empty, working cart from %s', async (_what, value) => {
    Taro.setStorageSync('shop.cart', typeof value === 'number' ? value : stored(value))
    Taro.setStorageSync('shop.session', stored({ version: 0, state: { session: { token: 1 } } }))
    const app = launch()
    expect(
      await renderText(app, app.cart.CartView, { onShop: () => undefined, onCheckout: () => undefined }),
    ).toContain('购物车') // the empty state, not a crash
    expect(app.cart.useCartStore.getState().lines).toEqual([])
    expect(app.session.currentToken()).toBeUndefined()
    app.cart.useCartStore.getState().add(line('pencil-set-std', 'Pencils'), 1)
    expect(launch().cart.useCartStore.getState().lines).toHaveLength(1)
  })

  it.each([
    [
      'of the current version but without its buyer',
      {
        version: 1,
        state: { session: { token: 'abcdefghijklmnop', expiresAt: '2999-01-01T00:00:00.000Z' } },
      },
    ],
    [
      'with a token that is not text',
      {
        version: 1,
        state: {
          session: {
            token: 5,
            expiresAt: '2999-01-01T00:00:00.000Z',
            buyer: { id: '1', alipayIdMasked: 'x' },
          },
        },
      },
    ],
    ['of an old version', { version: 0, state: { token: 'abcdefghijklmnop' } }],
  ])('starts logged out from a session %s, and the "me" card renders', async (_what, value) => {
    Taro.setStorageSync('shop.session', stored(value))
    const app = launch()
    expect(app.session.currentToken()).toBeUndefined()
    expect(await renderText(app, app.session.SessionCard, {})).toContain('尚未登录')
  })

  it('does not overwrite the saved cart or session when storage fails to read at launch', async () => {
    const first = launch()
    first.cart.useCartStore.getState().add(line('pencil-set-std', 'Pencils'), 3)
    const { token } = await first.session.login()
    device.failingReads = 100 // every read while the app launches (cart, language, session)
    const unlucky = launch()
    device.failingReads = 0
    expect(unlucky.cart.useCartStore.getState().lines).toEqual([])
    unlucky.cart.useCartStore.getState().add(line('envelope-kraft-std', 'Envelopes'), 1)
    await unlucky.session.login() // a new session, kept in memory only
    const next = launch()
    expect(next.cart.useCartStore.getState().lines.map((l) => [l.skuId, l.quantity])).toEqual([
      ['pencil-set-std', 3],
    ])
    expect(next.session.currentToken()).toBe(token)
  })
})

const orderCount = async () =>
  (await server.db.query<{ n: number }>('select count(*)::int as n from orders'))[0].n

describe('the server down, or an answer lost', () => {
  afterEach(() => proxy.up().catch(() => undefined))

  it('lists products again with one retry after a clear "no connection" message', async () => {
    const app = launch()
    await proxy.down()
    const list = await mountHook(app, () => app.products.useProductList({}))
    for (let i = 0; i < 300 && list.value().loading; i++)
      await app.renderer.act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    expect(list.value().error).toMatchObject({ kind: 'network' })
    expect(app.request.describeError(list.value().error)).toBe('网络连接失败，请检查网络后重试')
    await proxy.up()
    await app.renderer.act(() => list.value().retry())
    expect(list.value().items).toHaveLength(20)
    await list.unmount()
  })

  async function cartWithTwoLines(app: App) {
    await app.session.login()
    const cart = app.cart.useCartStore.getState()
    cart.add(line('pencil-set-std', 'Pencils'), 2)
    cart.add(line('envelope-kraft-std', 'Envelopes'), 1)
    return app.cart.useCartStore.getState().lines
  }

  async function submit(app: App, checkout: { value: () => ReturnType<App['checkout']['useCheckout']> }) {
    let order: Order | undefined
    const lines = app.cart.useCartStore.getState().lines.filter((l) => l.selected)
    await app.renderer.act(async () => {
      order = await checkout.value().submit(lines, SAMPLE_ADDRESS, 'cart')
    })
    return order
  }

  it('keeps the cart while the server is down, and places one order with the same tap once it is back', async () => {
    const app = launch()
    const lines = await cartWithTwoLines(app)
    const before = await orderCount()
    const checkout = await mountHook(app, () => app.checkout.useCheckout())
    await proxy.down()
    expect(await submit(app, checkout)).toBeUndefined()
    expect(app.request.describeError(checkout.value().error)).toBe('网络连接失败，请检查网络后重试')
    expect(app.cart.useCartStore.getState().lines).toEqual(lines)
    expect(launch().cart.useCartStore.getState().lines).toEqual(lines) // and across a restart
    await proxy.up()
    const order = await submit(app, checkout)
    expect(order).toMatchObject({ status: 'awaiting_payment', itemCount: 3 })
    expect(app.cart.useCartStore.getState().lines).toEqual([])
    expect(await orderCount()).toBe(before + 1)
    await checkout.unmount()
  })

  it('after an answer lost on the way, the retry gets the order the server made, not a second one', async () => {
    const app = launch()
    const lines = await cartWithTwoLines(app)
    const before = await orderCount()
    const checkout = await mountHook(app, () => app.checkout.useCheckout())
    proxy.loseAnswers('POST /api/orders ')
    expect(await submit(app, checkout)).toBeUndefined()
    expect(checkout.value().error).toMatchObject({ kind: 'network' })
    expect(app.cart.useCartStore.getState().lines).toEqual(lines)
    expect(await orderCount()).toBe(before + 1) // the server did make it
    const order = await submit(app, checkout)
    expect(await orderCount()).toBe(before + 1)
    const [made] = await server.db.query<{ id: string }>(
      'select id from orders order by created_at desc limit 1',
    )
    expect(order?.id).toBe(made.id)
    expect(app.cart.useCartStore.getState().lines).toEqual([])
    await checkout.unmount()
  })

  it('after an answer lost on the way, coming back to checkout (or restarting) does not order twice', async () => {
    const app = launch()
    await cartWithTwoLines(app)
    const before = await orderCount()
    const first = await mountHook(app, () => app.checkout.useCheckout())
    proxy.loseAnswers('POST /api/orders ')
    expect(await submit(app, first)).toBeUndefined()
    await first.unmount()
    // The buyer leaves the page; later the app is even restarted. Same cart, same tap.
    const relaunched = launch()
    const second = await mountHook(relaunched, () => relaunched.checkout.useCheckout())
    const order = await submit(relaunched, second)
    expect(order?.status).toBe('awaiting_payment')
    expect(await orderCount()).toBe(before + 1)
    await second.unmount()
  })
})
