/**
 * The compiled Alipay bundle beyond the purchase: the cart kept in storage across a relaunch,
 * logging in with the (simulated) Alipay account, the payment FAQ, the web-view payment page, and
 * the subpackages each of them opens.
 */
import { launch, MiniStorage, relaunch, type MiniProgram } from '../support/mini-runtime'
import { addTshirtToCart, buyTshirt, text, TSHIRT } from '../support/mini-shop-flows'
import { startShopServer, type ShopServer } from '../support/shop-server'
import { subPackages } from '../../src/shared/app-json'
import { pageUrl, ROUTES, tabIndex, type PageName } from '../../src/shared/routes'

let server: ShopServer
const launched: MiniProgram[] = []
const start = async (storage?: MiniStorage, entry?: string) => {
  const app = await launch({ baseUrl: server.baseUrl, storage, entry })
  launched.push(app)
  return app
}

// Creating the database takes seconds, many more on a machine busy with parallel suites.
beforeAll(async () => {
  server = await startShopServer()
}, 120_000)
afterEach(() => launched.splice(0).forEach((app) => app.close()))
afterAll(() => server.close(), 60_000)

const CART_TAB = tabIndex('cart')

test('the cart survives a relaunch, and so does a change made after it', async () => {
  const first = await start()
  await addTshirtToCart(first)
  expect(first.ui.tabBadges.get(CART_TAB)).toBe('1')

  const second = await relaunch(first)
  launched.push(second)
  await second.waitForPage(ROUTES.home)
  const cart = await second.tapTab(text['tab.cart'])
  await cart.waitForText(`${TSHIRT.colour} / ${TSHIRT.size}`)
  expect(cart.text()).toContain(TSHIRT.title)
  expect(second.ui.tabBadges.get(CART_TAB)).toBe('1')
  await cart.within(TSHIRT.title, '+').tapText('+', { exact: true })
  await cart.waitForText(text['cart.selectedCount'].replace('{count}', '2'))

  const third = await relaunch(second, pageUrl('cart'))
  launched.push(third)
  const cartAgain = await third.waitForPage(ROUTES.cart)
  await cartAgain.waitForText('¥158.00')

  // The same launch with a fresh phone storage starts with an empty cart.
  const fresh = await start(new MiniStorage(), pageUrl('cart'))
  await (await fresh.waitForPage(ROUTES.cart)).waitForText(text['cart.empty'])
})

test('logging in on the Me tab uses my.getAuthCode with an auth code from the simulator', async () => {
  const app = await start()
  await app.waitForPage(ROUTES.home)
  const me = await app.tapTab(text['tab.me'])
  await me.waitForText(text['me.notLoggedIn'])
  await me.tapText(text['me.login'])
  await me.waitForText(text['me.logout'])
  expect(me.text()).toMatch(new RegExp(text['me.loggedInAs'].replace('{id}', '\\S+')))
  expect(app.ui.http).toContainEqual({ method: 'POST', url: '/api/session', status: 201 })
})

test('the FAQ opens from the Me tab, and links to the web-view demo', async () => {
  const app = await start()
  await app.waitForPage(ROUTES.home)
  const me = await app.tapTab(text['tab.me'])
  // The server URL is developer content: not on a production build's Me page.
  expect(me.text()).not.toMatch(/https?:\/\//)
  await me.tapText(text['me.faq'])
  const faq = await app.waitForPage(ROUTES.faq)
  // The buyer's FAQ; a production build carries none of the developer FAQ (dev-texts.ts).
  for (const key of ['paidPending', 'cancelled', 'failed', 'charged', 'cannotPay'] as const) {
    await faq.waitForText(text[`faq.${key}.q`])
    expect(faq.text()).toContain(text[`faq.${key}.a`])
  }
  expect(faq.text()).not.toMatch(/tradeNO|白名单|ISV/)
  // The title is set from an effect, after the first render.
  await faq.waitFor(
    () => app.ui.titles.some((entry) => entry.route === ROUTES.faq && entry.title === text['faq.title']),
    `the title "${text['faq.title']}"`,
  )

  await faq.tapText(text['faq.demoWebView'])
  const intro = await app.waitForPage(ROUTES.webview)
  await intro.waitForText(text['webview.intro'])
  expect(intro.byTag('web-view')).toHaveLength(0)
  app.pages.navigateBack(1)
  expect((await app.waitForPage(ROUTES.faq)).state).toBe('shown')
})

test('an order awaiting payment opens its checkout page in a web-view', async () => {
  const app = await start()
  const { orderId, orderPage } = await buyTshirt(app)
  await orderPage.tapText(text['orders.payInWebView'])
  const page = await app.waitForPage(ROUTES.webview)
  await page.waitFor(() => page.byTag('web-view').length === 1, 'the web-view')
  const src = String(page.attribute(page.byTag('web-view')[0].node, 'src'))
  const url = new URL(src)
  expect(`${url.origin}${url.pathname}`).toBe(`${server.baseUrl}/webview/checkout`)
  expect(url.searchParams.get('order')).toBe(orderId)
  const response = await fetch(src)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/text\/html/)
})

/** The subpackage root of a page of src/shared/routes.ts. */
const rootOf = (page: PageName) => subPackages().find((sub) => ROUTES[page].startsWith(`${sub.root}/`))!.root

test('each subpackage loads when its first page opens, already preloaded by the page before', async () => {
  const app = await start()
  await app.waitForPage(ROUTES.home)
  expect(app.packages.loads).toEqual([])
  expect([...app.packages.downloaded]).toEqual([rootOf('product')])

  const { orderPage } = await buyTshirt(app)
  await orderPage.tapText(text['orders.payInWebView'])
  await app.waitForPage(ROUTES.webview)
  const me = await app.tapTab(text['tab.me'])
  await me.tapText(text['me.faq'])
  await app.waitForPage(ROUTES.faq)

  expect(app.packages.loads).toEqual([
    { root: rootOf('product'), byRoute: ROUTES.product, preloaded: true },
    { root: rootOf('checkout'), byRoute: ROUTES.checkout, preloaded: true },
    { root: rootOf('webview'), byRoute: ROUTES.webview, preloaded: true },
    { root: rootOf('faq'), byRoute: ROUTES.faq, preloaded: true },
  ])
  expect(app.consoleErrors).toEqual([])
})
