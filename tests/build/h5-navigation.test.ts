/**
 * H5 navigation in Debian's Chromium (dist/h5, or H5_DIST_DIR): the top bar Taro's router draws
 * (app.config.ts `window.navigationStyle: 'default'`) with the page's title, a back button when
 * there is history and a home button when there is none; and titles that follow the page shown
 * and the buyer's language, tab pages included.
 */
import { setUpH5Suite } from '../support/browser/h5-suite'
import { T } from '../support/browser/purchase'
import { SAMPLE_ADDRESS } from '../support/sample-address'
import type { Shopper } from '../support/browser/shopper'
import { en } from '../../src/shared/i18n/en'
import { shopConfig } from '../../src/shop.config'
import { pageUrl } from '../../src/shared/routes'

const suite = setUpH5Suite()

const bar = (shop: Shopper) => shop.page.locator('#taro-navigation-bar')
const barTitle = (shop: Shopper) => bar(shop).locator('.taro-navigation-bar-title')

/** Waits until the bar and the document both carry this title. */
async function seeTitle(shop: Shopper, title: string): Promise<void> {
  await shop.see(barTitle(shop).getByText(title, { exact: true }), `the title "${title}" in the top bar`)
  await shop.page.waitForFunction((expected) => document.title === expected, title, { timeout: 5000 })
}

/**
 * An order placed through the API with the app's own session (the orders page logs the buyer in):
 * this suite is about navigation, not about the checkout form.
 */
async function placeOrder(shop: Shopper): Promise<string> {
  await shop.open(pageUrl('orders'))
  // Taro's storage keeps the persisted JSON as a string inside its own JSON: quotes may be escaped.
  const stored = await shop.page.waitForFunction(
    () => /token/.test(localStorage.getItem('shop.session') ?? '') && localStorage.getItem('shop.session'),
    undefined,
    { timeout: 15_000 },
  )
  const token = /token\\*":\\*"([^"\\]+)/.exec(String(await stored.jsonValue()))?.[1]
  if (!token) throw new Error('the app stored no session')
  const res = await fetch(`${suite.stack.server.baseUrl}/api/orders`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `nav-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    },
    body: JSON.stringify({ lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }], address: SAMPLE_ADDRESS }),
  })
  if (res.status !== 201) throw new Error(`placing the order: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

const tab = (shop: Shopper, label: string) => shop.page.locator('.weui-tabbar__label', { hasText: label })

it('an order opened directly has a top bar with its title, and its home button leads to the shop', async () => {
  const { shop, shoot } = await suite.newShopper()
  const orderId = await placeOrder(shop)

  // A fresh document at the order page: no history to go back to.
  await shop.load(pageUrl('order', { id: orderId }))
  await shop.see(T['orders.status.awaiting_payment'], 'the order')
  await seeTitle(shop, T['orders.detailTitle'])
  const home = bar(shop).locator('.taro-navigation-bar-home')
  await shop.see(home, 'the home button of the top bar')
  await shoot('nav-order-direct')
  await shop.tap(home, 'the home button')
  await shop.arriveAt(/#\/pages\/index\/index/, 'going home from the top bar')
  await seeTitle(shop, shopConfig.name['zh-CN'])

  // With history (orders list → order inside the app), the bar goes back instead.
  await shop.tap(tab(shop, T['tab.me']), 'the Me tab')
  await shop.tap(T['me.orders'])
  await shop.arriveAtPage('orders', 'the orders page', 'tab=all')
  await seeTitle(shop, T['orders.title'])
  await shop.tap(new RegExp(orderId), 'the order in the list')
  await shop.arriveAtPage('order', 'the order page', `id=${orderId}`)
  await seeTitle(shop, T['orders.detailTitle'])
  await shop.tap(bar(shop).locator('.taro-navigation-bar-back'), 'the back button')
  await shop.arriveAtPage('orders', 'back on the orders page', 'tab=all')
  await seeTitle(shop, T['orders.title'])
}, 120_000)

it('tab titles follow the tab shown and the language, from the first load', async () => {
  const { shop } = await suite.newShopper()
  await shop.open()
  await seeTitle(shop, shopConfig.name['zh-CN'])
  await shop.tap(tab(shop, T['tab.me']), 'the Me tab')
  await seeTitle(shop, T['me.title'])
  await shop.tap(tab(shop, T['tab.home']), 'the home tab')
  await seeTitle(shop, shopConfig.name['zh-CN'])

  await shop.tap(tab(shop, T['tab.me']), 'the Me tab')
  await shop.tap('English', 'the English choice')
  await seeTitle(shop, en['me.title'])
  await shop.tap(tab(shop, en['tab.home']), 'the home tab, in English')
  await seeTitle(shop, shopConfig.name.en)
  await shop.tap(tab(shop, en['tab.cart']), 'the cart tab, in English')
  await seeTitle(shop, en['cart.title'])

  // A fresh load in English titles the home page in English.
  await shop.load(pageUrl('home'))
  await seeTitle(shop, shopConfig.name.en)
}, 120_000)

it('a search without results says so, and "clear search" brings the products and an empty field back', async () => {
  const { shop, shoot } = await suite.newShopper()
  await shop.open()
  await shop.see('经典纯棉T恤', 'a product on the home page')
  const field = shop.field(T['home.searchPlaceholder'])
  await field.fill('zzzz')
  await field.press('Enter')
  await shop.see(T['home.noResults'].replace('{q}', 'zzzz'), 'the no-result state')
  await shoot('home-no-result')
  await shop.tap(T['home.clearSearch'])
  await shop.see('经典纯棉T恤', 'the products again')
  expect(await field.inputValue()).toBe('')
}, 120_000)
