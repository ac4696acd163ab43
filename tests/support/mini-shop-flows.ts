/**
 * A buyer's steps in the compiled shop, by what they read on screen (zh-CN texts from the app's
 * own dictionaries): browse → product → SKU → cart → checkout → the order awaiting payment.
 */
import { ROUTES } from '../../src/shared/routes'
import type { Db } from '../../server/db/types'
import type { MiniPage, MiniProgram } from './mini-runtime'
import {
  REGION_PICKER_PROMPT,
  SAMPLE_ADDRESS,
  SAMPLE_ADDRESS_FORM,
  SAMPLE_REGION_PICKS,
} from './sample-address'
import { text } from './texts'

export { text }

/** A product with two options in the seed catalogue, and the SKU the buyer picks. */
export const TSHIRT = { title: '经典纯棉T恤', colour: '黑色', size: 'M', price: '¥79.00' }

/** Home → the T-shirt → black / M → added to the cart. Returns the product page. */
export async function addTshirtToCart(app: MiniProgram): Promise<MiniPage> {
  const home = await app.waitForPage(ROUTES.home)
  await home.waitForText(TSHIRT.title)
  await home.tapText(TSHIRT.title)
  const product = await app.waitForPage(ROUTES.product)
  await product.waitForText(text['product.addToCart'])
  await product.tapText(TSHIRT.colour, { exact: true })
  await product.tapText(TSHIRT.size, { exact: true })
  await product.waitForText(`已选：${TSHIRT.colour} / ${TSHIRT.size}`)
  const toasts = app.ui.toasts.length
  await product.tapText(text['product.addToCart'])
  if (app.ui.toasts[toasts]?.title !== text['product.added']) {
    throw new Error(
      `Expected the "${text['product.added']}" toast, got ${JSON.stringify(app.ui.toasts.slice(toasts))}`,
    )
  }
  return product
}

/** Fills the checkout's address with SAMPLE_ADDRESS: types the text fields, picks the region. */
export async function fillCheckoutAddress(checkout: MiniPage): Promise<void> {
  for (const [field, value] of SAMPLE_ADDRESS_FORM) await checkout.input(field, value)
  // The region picker loads each level from the server; a saved address already shows its region.
  if (!checkout.hasText(SAMPLE_ADDRESS.region, true)) {
    await checkout.tapText(REGION_PICKER_PROMPT, { exact: true })
    for (const name of SAMPLE_REGION_PICKS) {
      await checkout.waitForText(name, { exact: true })
      await checkout.tapText(name, { exact: true })
    }
    await checkout.waitForText(SAMPLE_ADDRESS.region, { exact: true })
  }
}

/** Cart tab → check out → fill in the address → place the order. Returns the order page. */
export async function checkOutCart(app: MiniProgram): Promise<MiniPage> {
  const cart = await app.tapTab(text['tab.cart'])
  await cart.waitForText(text['cart.checkout'])
  await cart.tapText(text['cart.checkout'])
  const checkout = await app.waitForPage(ROUTES.checkout)
  await checkout.waitForText(text['checkout.placeOrder'])
  await fillCheckoutAddress(checkout)
  await checkout.tapText(text['checkout.placeOrder'])
  const order = await app.waitForPage(ROUTES.order)
  await order.waitForText(text['orders.pay'])
  return order
}

/** The whole way from the home page to an order awaiting payment. */
export async function buyTshirt(app: MiniProgram): Promise<{ orderId: string; orderPage: MiniPage }> {
  await addTshirtToCart(app)
  const orderPage = await checkOutCart(app)
  const orderId = orderPage.query.id
  if (!orderId) throw new Error('The order page was opened without an order id')
  return { orderId, orderPage }
}

export async function orderStatus(db: Db, orderId: string): Promise<string> {
  const [row] = await db.query<{ status: string }>('select status from orders where id = $1', [orderId])
  if (!row) throw new Error(`No order ${orderId} in the database`)
  return row.status
}

/** The Alipay trade_no the server got from alipay.trade.create for the order. */
export async function tradeNoOf(db: Db, orderId: string): Promise<string | undefined> {
  const [row] = await db.query<{ trade_no: string }>('select trade_no from payments where order_id = $1', [
    orderId,
  ])
  return row?.trade_no
}

/** Another SKU of the T-shirt, at another price than TSHIRT's (seed: black / XL is ¥89.00). */
export const TSHIRT_XL = { title: TSHIRT.title, colour: '黑色', size: 'XL', price: '¥89.00', fen: 8900 }

/**
 * On a product page: picks colour and size, adds one to the cart and expects the "added" toast.
 * An option already chosen (the page keeps the last choice) is not tapped: a tap would unselect it.
 */
export async function addSkuToCart(
  app: MiniProgram,
  product: MiniPage,
  sku: { colour: string; size: string },
): Promise<void> {
  const chosen = (/已选：(.+)/.exec(product.text())?.[1] ?? '').split(' / ')
  for (const value of [sku.colour, sku.size]) {
    if (!chosen.includes(value)) await product.tapText(value, { exact: true })
  }
  await product.waitForText(`已选：${sku.colour} / ${sku.size}`)
  const toasts = app.ui.toasts.length
  await product.tapText(text['product.addToCart'])
  if (app.ui.toasts[toasts]?.title !== text['product.added']) {
    throw new Error(
      `Expected the "${text['product.added']}" toast, got ${JSON.stringify(app.ui.toasts.slice(toasts))}`,
    )
  }
}

/**
 * Pays the order shown on `orderPage` with my.tradePay answering 9000, and waits until the result
 * screen says the server confirmed it. Returns the result page.
 */
export async function payWith9000(app: MiniProgram, orderPage: MiniPage): Promise<MiniPage> {
  app.alipay.answerTradePay('9000')
  await orderPage.tapText(text['orders.pay'])
  const result = await app.waitForPage(ROUTES.payResult)
  await result.waitForText(text['pay.paid.title'], { timeoutMs: 15_000 })
  return result
}

/** The buyer's bearer token, as the app keeps it (zustand's persist, JSON inside the storage's JSON). */
export function buyerToken(app: MiniProgram): string {
  let value: unknown = app.storage.get('shop.session')
  if (typeof value === 'string') value = JSON.parse(value)
  const token = (value as { state?: { session?: { token?: unknown } } } | undefined)?.state?.session?.token
  if (typeof token !== 'string') throw new Error('The app has no buyer session in its storage')
  return token
}

/** Stock of one SKU of the seed catalogue, by product and option keys (e.g. ['black', 'xl']). */
export async function stockOfSku(db: Db, productId: string, keys: string[]): Promise<number> {
  const [row] = await db.query<{ stock: number }>(
    'select stock from skus where product_id = $1 and option_keys = $2::jsonb',
    [productId, JSON.stringify(keys)],
  )
  if (!row) throw new Error(`No SKU ${keys.join('/')} of ${productId}`)
  return row.stock
}
