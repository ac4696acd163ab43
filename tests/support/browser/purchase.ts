/**
 * The purchase as a buyer does it in the H5 app — browse, pick a SKU, add to cart, check out, open
 * the cashier, choose an outcome — and what the server recorded, to compare with the screen.
 */
import { CASHIER_LABELS } from '../../../server/alipay-simulator/cashier-page'
import type { Outcome } from '../../../server/alipay-simulator/settlement'
import type { Db } from '../../../server/db/types'
import { formatFen } from '../../../src/shared/money'
import type { MessageKey } from '../../../src/shared/i18n'
import type { RequestGate } from './chromium'
import {
  REGION_PICKER_PROMPT,
  SAMPLE_ADDRESS,
  SAMPLE_ADDRESS_FORM,
  SAMPLE_REGION_PICKS,
} from '../sample-address'
import type { Shopper } from './shopper'
import { text } from '../texts'

export const T = text

/** A product of the seed catalog (server/catalog/seed-data.json) and the SKU the buyer picks. */
export const PRODUCT = {
  id: 'tshirt-classic',
  title: '经典纯棉T恤',
  choices: ['黑色', 'M'],
  keys: ['black', 'm'],
}

export type { Outcome }

type Shoot = (name: string) => Promise<void>
const noShots: Shoot = async () => undefined

/** Home → product → SKU → add to cart. */
export async function addToCart(shop: Shopper, shoot: Shoot = noShots): Promise<void> {
  await shop.open()
  await shop.see(PRODUCT.title, 'the product on the home page')
  await shoot('home')
  await shop.tap(PRODUCT.title)
  for (const choice of PRODUCT.choices) await shop.tap(choice, `the SKU choice "${choice}"`)
  await shop.see(/^库存 \d+ 件$/, 'the chosen SKU’s stock')
  await shoot('product')
  await shop.tap(T['product.addToCart'])
  await shop.see(T['product.added'], 'the "added" toast')
  await shop.seeGone(T['product.added'])
}

/** Back to the shop (H5 has no navigation bar: the browser's back) → cart tab → checkout → address → place the order; returns the order id from the order page. */
export async function checkOut(shop: Shopper, shoot: Shoot = noShots): Promise<string> {
  await shop.page.goBack()
  await shop.tap(shop.page.locator('.weui-tabbar__label', { hasText: T['tab.cart'] }), 'the cart tab')
  await shop.see(PRODUCT.title, 'the cart line')
  await shoot('cart')
  await shop.tap(T['cart.checkout'])
  return placeOrder(shop, shoot)
}

/** On the checkout page: the sample address (typed, region picked) → place the order; returns its id. */
export async function placeOrder(shop: Shopper, shoot: Shoot = noShots): Promise<string> {
  for (const [placeholder, value] of SAMPLE_ADDRESS_FORM) {
    await shop.see(shop.field(placeholder), `the address field "${placeholder}"`)
    await shop.field(placeholder).fill(value)
  }
  // The region is chosen in the picker, one level at a time; a saved address already shows it.
  if (!(await shop.text(SAMPLE_ADDRESS.region).count())) {
    await shop.tap(REGION_PICKER_PROMPT, 'the region picker')
    for (const name of SAMPLE_REGION_PICKS) await shop.tap(name, `"${name}" in the region picker`)
    await shop.see(SAMPLE_ADDRESS.region, 'the chosen region')
  }
  await shoot('checkout')
  await shop.tap(T['checkout.placeOrder'])
  await shop.arriveAtPage('order', 'placing the order')
  await shop.see(T['orders.status.awaiting_payment'], 'the new order awaiting payment')
  return shop.routeParam('id')
}

/** Opens the simulator's cashier from a page showing `button` ("去支付", "重新支付"). */
export async function openCashier(shop: Shopper, button: string = T['orders.pay']): Promise<void> {
  await shop.tap(button)
  await shop.arriveAt(/\/alipay-sim\/cashier\?/, `the cashier after "${button}"`)
  await shop.see(/^支付宝收银台（模拟）/, 'the cashier page')
}

/** Chooses an outcome in the cashier; the simulator sends the buyer back to the result page. */
export async function chooseOutcome(shop: Shopper, outcome: Outcome): Promise<void> {
  await shop.tap(shop.page.getByRole('button', { name: new RegExp(`^${CASHIER_LABELS[outcome][0]}`) }))
  await shop.arriveAtPage('payResult', `back from the cashier (${outcome})`)
}

/**
 * The result screen of a code: its own title (until the server's answer replaces it), and — in
 * this production build — not the raw code, which is developer content.
 */
export async function seeResultScreen(shop: Shopper, code: string, title: MessageKey): Promise<void> {
  await shop.see(T[title], `the title of the ${code} screen ("${T[title]}")`)
  expect(await shop.visibleText()).not.toContain(`结果码 ${code}`)
}

/**
 * A code that only says "ask the server" (9000, 8000, 6004): with the server's answer held, the
 * screen shows itself confirming; once released, it shows paid and the database agrees.
 */
export async function confirmedAfterAsking(
  step: { shop: Shopper; gate: RequestGate; db: Db; orderId: string; shoot: Shoot },
  outcome: Outcome,
  code: string,
  title: MessageKey,
  shots: { confirming: string; paid: string },
  paidTimeout?: number,
): Promise<void> {
  const { shop, gate, db, orderId, shoot } = step
  const release = gate.hold((request) => request.url().endsWith(`/api/orders/${orderId}`))
  try {
    await chooseOutcome(shop, outcome)
    await seeResultScreen(shop, code, title)
    await shop.see(T['pay.confirming'], `the ${code} screen asking the server`)
    await shoot(shots.confirming)
  } finally {
    release()
  }
  await shop.see(T['pay.paid.title'], `the ${code} screen once the server confirmed`, paidTimeout)
  expect(await orderOnServer(db, orderId)).toMatchObject({ status: 'paid' })
  await shoot(shots.paid)
}

export interface ServerOrder {
  status: 'awaiting_payment' | 'paid' | 'closed'
  closeReason: string | null
  totalFen: number
}

export async function orderOnServer(db: Db, id: string): Promise<ServerOrder> {
  const [row] = await db.query<{
    status: ServerOrder['status']
    close_reason: string | null
    total_fen: number
  }>('select status, close_reason, total_fen from orders where id = $1', [id])
  if (!row) throw new Error(`order ${id} is not in the database`)
  return { status: row.status, closeReason: row.close_reason, totalFen: row.total_fen }
}

/** Stock of the SKU the buyer picks. */
export async function skuStock(db: Db): Promise<number> {
  const [row] = await db.query<{ stock: number }>(
    'select stock from skus where product_id = $1 and option_keys = $2::jsonb',
    [PRODUCT.id, JSON.stringify(PRODUCT.keys)],
  )
  if (!row) throw new Error(`no SKU ${PRODUCT.keys.join('/')} of ${PRODUCT.id}`)
  return row.stock
}

/** What the app shows for an amount (e.g. "¥79.00"). */
export const shownPrice = (fen: number) => formatFen(fen)
