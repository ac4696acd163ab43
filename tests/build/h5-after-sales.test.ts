/**
 * After-sales in the H5 app (dist/h5, or H5_DIST_DIR) in Debian's Chromium, against the stack
 * `npm start` runs: a refund of one line of a paid order, confirmed on screen and at the simulated
 * Alipay account, then listed; and a shipped order whose receipt the buyer confirms. Screenshots
 * as in h5-purchase.test.ts (order-shipped, after-sales-apply, after-sales-refunded,
 * after-sales-list).
 */
import { setUpH5Suite } from '../support/browser/h5-suite'
import { addToCart, checkOut, orderOnServer, shownPrice, T } from '../support/browser/purchase'
import {
  addSizeToCart,
  addUnits,
  agreeInDialog,
  applyLine,
  payInCashier,
} from '../support/browser/after-sales'
import { tradeAtAlipay } from '../support/after-sales-e2e'
import { merchantOf } from '../support/merchant'
import { pageUrl } from '../../src/shared/routes'

const suite = setUpH5Suite()
const db = () => suite.stack.server.db

/** The T-shirt's black / XL (seed: ¥89.00), the line refunded; black / M (¥79.00) stays bought. */
const XL = { size: 'XL', label: '黑色 / XL', fen: 8900 }

it('refund only of one line of a paid order: the buyer sees it refunded, Alipay has it, the list shows it', async () => {
  const { shop, shoot } = await suite.newShopper()
  await addToCart(shop)
  await addSizeToCart(shop, XL.size)
  const orderId = await checkOut(shop)
  await shop.see(shownPrice(7900 + XL.fen), 'the total of both lines')
  await payInCashier(shop, db(), orderId)

  await shop.tap(T['pay.action.viewOrder'])
  await shop.see(T['orders.status.paid'], 'the paid order')
  await shop.tap(T['afterSales.apply'])
  await shop.arriveAtPage('afterSalesApply', 'the apply form', `orderId=${orderId}`)
  await shop.see(T['afterSales.chooseItems'], 'the order’s lines to choose from')
  await shop.tap(T['afterSales.kind.refund_only'])
  await addUnits(shop, XL.label)
  await shop.see(shop.text('1', applyLine(shop, XL.label)), 'one XL unit chosen')
  await shop.tap(T['afterSales.reason.changed_mind'])
  await shop.see(
    shop.page.locator('.apply-bar').getByText(shownPrice(XL.fen), { exact: true }),
    'the estimate',
  )
  await shoot('after-sales-apply')
  await shop.tap(T['afterSales.submit'])

  // Approved at once and refunded before the answer: the request's page says so, with the amount.
  await shop.arriveAtPage('afterSales', 'the new request', 'id=')
  await shop.see(T['afterSales.status.refunded'], 'the request refunded')
  await shop.see(
    new RegExp(`^${T['afterSales.refund.refunded'].replace('{time}', '.+')}$`),
    'the refund’s date',
  )
  const amount = shop.page.locator('.after-sales-detail__amount')
  await shop.see(amount.getByText(shownPrice(XL.fen), { exact: true }), 'the refunded amount')
  await shoot('after-sales-refunded')

  const trade = await tradeAtAlipay(suite.stack.server, orderId)
  expect(trade).toMatchObject({
    tradeStatus: 'TRADE_SUCCESS',
    totalAmount: '168.00',
    refundedAmount: '89.00',
  })
  expect(trade.refunds.map((refund) => refund.refundAmount)).toEqual(['89.00'])
  const [request] = await db().query<{ status: string; refund_fen: number }>(
    'select status, refund_fen from after_sales_requests where order_id = $1',
    [orderId],
  )
  expect(request).toEqual({ status: 'refunded', refund_fen: XL.fen })

  // The buyer's after-sales list, from the "me" tab's shortcut (a fresh load: see h5-purchase's "me").
  await shop.load(pageUrl('me'))
  await shop.tap(T['orders.tab.afterSales'])
  await shop.arriveAt(/#\/pages\/after-sales\/list\/index/, 'the after-sales list')
  const card = shop.page.locator('.after-sales-card', {
    hasText: T['orders.number'].replace('{id}', orderId),
  })
  await shop.see(card, 'the request in the list')
  await shop.see(shop.text(T['afterSales.status.refunded'], card), 'the request refunded, in the list')
  await shop.see(
    shop.text(T['afterSales.refunded'].replace('{amount}', shownPrice(XL.fen)), card),
    'the refunded amount, in the list',
  )
  await shoot('after-sales-list')
}, 120_000)

it('a shipped order shows its parcel; the buyer confirms receipt and the server records it', async () => {
  const { shop, shoot } = await suite.newShopper()
  await addToCart(shop)
  const orderId = await checkOut(shop)
  await payInCashier(shop, db(), orderId)
  const merchant = await merchantOf(suite.stack.server)
  await merchant.ship(orderId, { carrier: '顺丰速运', trackingNo: 'SF1234567890' })

  await shop.tap(T['pay.action.viewOrder'])
  await shop.see(T['orders.status.shipped'], 'the shipped order')
  await shop.see(T['orders.shipment.carrier'].replace('{carrier}', '顺丰速运'), 'the carrier')
  await shop.see(
    T['orders.shipment.trackingNo'].replace('{trackingNo}', 'SF1234567890'),
    'the tracking number',
  )
  await shoot('order-shipped')

  await shop.tap(T['orders.confirmReceipt'])
  await agreeInDialog(shop, T['orders.receiptConfirm'])
  await shop.see(T['orders.status.received'], 'the order received')
  expect((await orderOnServer(db(), orderId)).status).toBe('received')
}, 90_000)
