/**
 * Every page of the H5 app (dist/h5, or H5_DIST_DIR) at 390 × 844 and 320 × 568, in zh-CN and en,
 * with a product name far longer than the sample's and a cart of many lines: nothing may stick
 * out sideways, and each view is screenshotted (artifacts/screenshots/screens/<locale>-<width>/)
 * for a designer's eye. The buyer's states come from the real flow: an order placed at checkout,
 * a payment cancelled and then made in the cashier, and a refund asked for and confirmed.
 */
import type { Locale } from '../../src/shop.config'
import type { CartLine } from '../../src/features/cart'
import { CART_STORAGE_KEY, CART_VERSION } from '../../src/features/cart/store'
import type { ProductDetail } from '../../contract'
import { pageUrl } from '../../src/shared/routes'
import { setUpH5Suite } from '../support/browser/h5-suite'
import { addUnits, applyLine, payInCashier } from '../support/browser/after-sales'
import { chooseOutcome, openCashier, placeOrder, T } from '../support/browser/purchase'
import {
  checkEverywhere,
  fullWidthGallery,
  setTaroStorage,
  twoCardsPerRow,
  type ScreenCheck,
} from '../support/browser/screens'
import type { Shopper } from '../support/browser/shopper'
import { textEn } from '../support/texts'

const suite = setUpH5Suite()
const db = () => suite.stack.server.db

type TextKey = keyof typeof T
const say = (locale: Locale, key: TextKey) => (locale === 'en' ? textEn : T)[key]

/** The sample's names are short; real shops' are not. */
const LONG_TITLE = {
  zh: '北欧极简加厚摇粒绒连帽卫衣男女同款秋冬宽松百搭纯色休闲外套（加绒加厚保暖款）',
  en: 'Nordic Minimalist Heavyweight Fleece Hoodie, Unisex Relaxed Fit for Autumn and Winter, Extra-Warm Brushed Lining',
}
const LONG_PRODUCT = 'hoodie-fleece'
const SOLD_OUT_PRODUCT = 'cap-canvas'
/** Products whose SKUs fill the cart (each SKU a line). */
const CART_PRODUCTS = ['tshirt-classic', LONG_PRODUCT, 'mug-ceramic', 'lamp-desk', 'bottle-steel']
const CART_LINE_COUNT = 8

/** A view that is ready once this text shows (in the language it is looked at in). */
const view = (name: string, route: string, key: TextKey, layout?: ScreenCheck['layout']): ScreenCheck => ({
  name,
  route,
  layout,
  ready: async (shop: Shopper, locale: Locale) => {
    await shop.see(say(locale, key), `"${say(locale, key)}" on ${name}`)
  },
})

async function prepareCatalog(): Promise<void> {
  await db().query('update products set title_zh = $2, title_en = $3 where id = $1', [
    LONG_PRODUCT,
    LONG_TITLE.zh,
    LONG_TITLE.en,
  ])
  await db().query('update skus set stock = 0 where product_id = $1', [SOLD_OUT_PRODUCT])
}

/** Cart lines as the app stores them, from the server's own products (zh-CN, as stored). */
async function manyCartLines(): Promise<CartLine[]> {
  const lines: CartLine[] = []
  for (const id of CART_PRODUCTS) {
    const res = await fetch(`${suite.stack.server.baseUrl}/api/products/${id}`, {
      headers: { 'accept-language': 'zh-CN' },
    })
    const product = (await res.json()) as ProductDetail
    for (const sku of product.skus.filter((candidate) => candidate.stock > 0).slice(0, 2)) {
      lines.push({
        skuId: sku.id,
        productId: product.id,
        title: product.title,
        image: product.image,
        skuLabel: sku.values.join(' / '),
        price: sku.price,
        stock: sku.stock,
        quantity: 1,
        selected: true,
      })
    }
  }
  return lines.slice(0, CART_LINE_COUNT)
}

const fillCart = (shop: Shopper, lines: CartLine[]) =>
  setTaroStorage(shop.page, CART_STORAGE_KEY, JSON.stringify({ state: { lines }, version: CART_VERSION }))

/** The hash route the app is showing (for views reached through the flow, e.g. a result code). */
const currentRoute = (shop: Shopper) => decodeURIComponent(new URL(shop.page.url()).hash.slice(1))

it('every page fits a 390 and a 320 px phone in zh-CN and en, from browsing to a refund', async () => {
  const { shop } = await suite.newShopper()
  await prepareCatalog()
  await shop.open()
  const lines = await manyCartLines()
  expect(lines).toHaveLength(CART_LINE_COUNT)
  await fillCart(shop, lines)

  const problems: string[] = []
  const check = async (...views: ScreenCheck[]) => {
    for (const one of views) problems.push(...(await checkEverywhere(shop, one)))
  }

  // Browsing, with the long name on a card and in the cart, and a sold-out product.
  await check(
    view('home', pageUrl('home'), 'home.soldOut', twoCardsPerRow),
    view('product', pageUrl('product', { id: 'tshirt-classic' }), 'product.buyNow', fullWidthGallery),
    view('product-long-name', pageUrl('product', { id: LONG_PRODUCT }), 'product.buyNow'),
    view('product-sold-out', pageUrl('product', { id: SOLD_OUT_PRODUCT }), 'product.soldOutNote'),
    view('cart', pageUrl('cart'), 'cart.checkout'),
    view('checkout', pageUrl('checkout'), 'checkout.placeOrder'),
    view('orders-empty', pageUrl('orders'), 'orders.empty'),
    view('after-sales-empty', pageUrl('afterSalesList'), 'afterSales.empty'),
    view('faq', pageUrl('faq'), 'faq.cancelled.q'),
    view('privacy', pageUrl('privacy'), 'privacy.contact.q'),
  )

  // No orders yet: the empty list leads back to the shop.
  await shop.load(pageUrl('orders'))
  await shop.tap(T['cart.goShopping'], 'the empty order list’s way back')
  await shop.see(shop.field(T['home.searchPlaceholder']), 'the home page')

  // An order of every cart line, its payment cancelled in the cashier.
  await shop.load(pageUrl('checkout'))
  const orderId = await placeOrder(shop)
  await check(view('order-awaiting-payment', pageUrl('order', { id: orderId }), 'orders.pay'))
  await shop.load(pageUrl('order', { id: orderId }))
  await openCashier(shop)
  await chooseOutcome(shop, 'cancel')
  await shop.see(T['pay.cancelled.title'], 'the cancelled payment')
  await check(view('pay-6001', currentRoute(shop), 'pay.cancelled.title'))

  // Paid, then one unit refunded.
  await shop.load(pageUrl('order', { id: orderId }))
  await payInCashier(shop, db(), orderId)
  const paidResult = currentRoute(shop)
  await check(
    view('pay-9000', paidResult, 'pay.paid.title'),
    view('order-paid', pageUrl('order', { id: orderId }), 'afterSales.apply'),
    view('after-sales-apply', pageUrl('afterSalesApply', { orderId }), 'afterSales.chooseItems'),
  )
  await shop.load(pageUrl('afterSalesApply', { orderId }))
  await shop.tap(T['afterSales.kind.refund_only'])
  const refunded = lines[0].skuLabel
  await addUnits(shop, refunded)
  await shop.see(shop.text('1', applyLine(shop, refunded)), 'one unit chosen')
  await shop.tap(T['afterSales.reason.changed_mind'])
  await shop.tap(T['afterSales.submit'])
  await shop.arriveAtPage('afterSales', 'the new request', 'id=')
  await shop.see(T['afterSales.status.refunded'], 'the request refunded')
  await check(
    view('after-sales-detail', currentRoute(shop), 'afterSales.status.refunded'),
    view('after-sales-list', pageUrl('afterSalesList'), 'afterSales.status.refunded'),
    view('orders', pageUrl('orders'), 'orders.status.paid'),
    view('me', pageUrl('me'), 'me.orders'),
  )

  expect(problems).toEqual([])
}, 600_000)
