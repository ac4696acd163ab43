/**
 * After-sales as a buyer does it in the H5 app: a second SKU in the cart, paying in the cashier,
 * the apply form (kind, one line's quantity, a reason), and confirming receipt in the dialog.
 */
import type { AfterSalesReason } from '@contract'
import type { Db } from '../../../server/db/types'
import { chooseOutcome, openCashier, orderOnServer, T } from './purchase'
import type { Shopper } from './shopper'

/** On the product page after addToCart: the same colour in another size, added to the cart. */
export async function addSizeToCart(shop: Shopper, size: string): Promise<void> {
  await shop.tap(shop.text(size), `the size "${size}"`)
  await shop.see(new RegExp(`已选：.+ / ${size}$`), `the size ${size} chosen`)
  await shop.tap(T['product.addToCart'])
  await shop.see(T['product.added'], 'the "added" toast')
  await shop.seeGone(T['product.added'])
}

/** From the order page: the cashier, "pay", the result screen once the server confirmed it. */
export async function payInCashier(shop: Shopper, db: Db, orderId: string): Promise<void> {
  await openCashier(shop)
  await chooseOutcome(shop, 'pay')
  await shop.see(T['pay.paid.title'], 'the payment confirmed by the server')
  expect(await orderOnServer(db, orderId)).toMatchObject({ status: 'paid' })
}

/** The apply form's row of an order line, found by its SKU label (e.g. "黑色 / XL"). */
export const applyLine = (shop: Shopper, skuLabel: string) =>
  shop.page.locator('.apply-line').filter({ hasText: skuLabel, visible: true })

/** Taps "+" on that row `times` times. */
export async function addUnits(shop: Shopper, skuLabel: string, times = 1): Promise<void> {
  for (let tap = 0; tap < times; tap++) {
    await shop.tap(shop.text('+', applyLine(shop, skuLabel)), `"+" on the line ${skuLabel}`)
  }
}

/**
 * From the order page: "apply for after-sales", refund only, one unit of the line `skuLabel`, for
 * `reason` with the buyer's `note`, submitted; returns the new request's id from the page the app
 * then opens.
 */
export async function applyForRefund(
  shop: Shopper,
  claim: { skuLabel: string; reason: AfterSalesReason; note: string },
): Promise<string> {
  const { skuLabel, reason, note } = claim
  await shop.tap(T['afterSales.apply'])
  await shop.arriveAtPage('afterSalesApply', 'the apply form')
  await shop.tap(T['afterSales.kind.refund_only'])
  await addUnits(shop, skuLabel)
  await shop.tap(T[`afterSales.reason.${reason}`])
  await shop.page.locator('.apply-note input').fill(note)
  await shop.tap(T['afterSales.submit'])
  await shop.arriveAtPage('afterSales', 'the new request', 'id=')
  return shop.routeParam('id')
}

/** The app's confirmation dialog (Taro's showModal in H5): its confirm button. */
export async function agreeInDialog(shop: Shopper, title: string): Promise<void> {
  await shop.see(title, `the dialog "${title}"`)
  await shop.tap(shop.page.getByText(/^(确定|OK)$/), 'the dialog’s confirm button')
}
