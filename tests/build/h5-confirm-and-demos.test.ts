/**
 * The H5 app in Debian's Chromium, continued (a second file so jest runs it beside
 * h5-purchase.test.ts): the codes after which only the server can say whether the buyer paid
 * (8000, 6004, and one the catalogue does not know), then the web-view and deposit demos (the
 * deposit frozen, then ended by the shop: damage charged, the rest returned).
 * Screenshots as in h5-purchase.test.ts.
 */
import { createStaffSession, insertStaff } from '../../server/staff/repository'
import { formatFen } from '../../src/shared/money'
import { setUpH5Suite } from '../support/browser/h5-suite'
import { pageUrl } from '../../src/shared/routes'
import {
  addToCart,
  checkOut,
  confirmedAfterAsking,
  openCashier,
  orderOnServer,
  seeResultScreen,
  shownPrice,
  T,
} from '../support/browser/purchase'
import type { Shopper } from '../support/browser/shopper'

const suite = setUpH5Suite()
const db = () => suite.stack.server.db

/** Adds the T-shirt to the cart and checks out; the new order's id. */
async function placeOrder(shop: Shopper): Promise<string> {
  await addToCart(shop)
  return checkOut(shop)
}

it('a code the catalogue does not know shows its own screen; 8000 waits until the server confirms the payment', async () => {
  const { shop, shoot } = await suite.newShopper()
  const orderId = await placeOrder(shop)
  const { totalFen } = await orderOnServer(db(), orderId)

  // The simulator's cashier only gives the documented codes; a wallet could answer another one.
  await shop.open(pageUrl('payResult', { orderId, resultCode: '7777' }))
  await seeResultScreen(shop, '7777', 'pay.unrecognised.title')
  await shop.see(shownPrice(totalFen), 'the order total, from the server')
  expect(await orderOnServer(db(), orderId)).toMatchObject({ status: 'awaiting_payment' })
  await shoot('pay-unknown')

  await shop.tap(T['pay.action.viewOrder'])
  await openCashier(shop)
  // The simulator settles an 8000 payment a few seconds later; the screen keeps asking until then.
  await confirmedAfterAsking(
    { shop, gate: suite.stack.gate, db: db(), orderId, shoot },
    'processing',
    '8000',
    'pay.processing.title',
    { confirming: 'pay-8000', paid: 'pay-8000-paid' },
    30_000,
  )
}, 120_000)

it('6004: the result is unknown to the buyer until the server confirms the payment', async () => {
  const { shop, shoot } = await suite.newShopper()
  const orderId = await placeOrder(shop)
  await openCashier(shop)
  await confirmedAfterAsking(
    { shop, gate: suite.stack.gate, db: db(), orderId, shoot },
    'unknown',
    '6004',
    'pay.unknownResult.title',
    { confirming: 'pay-6004', paid: 'pay-6004-paid' },
  )
}, 90_000)

it('the web-view demo explains itself and shows the server’s checkout page for an unpaid order', async () => {
  const { shop, shoot } = await suite.newShopper()
  const orderId = await placeOrder(shop)
  const { totalFen } = await orderOnServer(db(), orderId)

  await shop.tap(`${T['orders.payInWebView']} ›`)
  const frame = shop.page.frameLocator('iframe')
  await shop.see(frame.getByText(orderId), 'the order number in the web-view page')
  // Outside Alipay the page has no bridge to pay with, and says so instead of a broken button.
  await shop.see(frame.getByText(/只能在支付宝小程序的 web-view 中付款/), 'the web-view page outside Alipay')
  await shop.see(frame.getByText(shownPrice(totalFen).replace('¥', '')), 'the total in the web-view page')
  // The page was opened with a ticket the app asked for, and did not use it: no payment started.
  const tickets = await db().query<{ used_at: Date | null }>(
    'select used_at from webview_tickets where order_id = $1',
    [orderId],
  )
  expect(tickets).toEqual([{ used_at: null }])
  expect(await orderOnServer(db(), orderId)).toMatchObject({ status: 'awaiting_payment' })
  await shoot('webview-checkout')

  await shop.open(pageUrl('faq'))
  await shop.tap(`${T['faq.demoWebView']} ›`)
  await shop.see(T['webview.intro'], 'the web-view demo’s introduction')
  await shoot('webview')
}, 90_000)

it('the deposit demo freezes a deposit in the cashier, and the page shows what the server confirmed', async () => {
  const { shop, shoot } = await suite.newShopper()
  await shop.open(pageUrl('faq'))
  await shop.tap(`${T['faq.demoDeposit']} ›`)
  await shop.see(T['deposit.intro'], 'the deposit demo')
  await shop.see(T['deposit.rent'], 'an item to rent')
  await shoot('deposit')

  await shop.tap(shop.text(T['deposit.rent']).first())
  await shop.arriveAt(/\/alipay-sim\/cashier\?orderStr=/, 'the cashier for the freeze')
  await shop.see(/资金冻结/, 'the cashier freezing a deposit')
  await shoot('cashier-deposit')
  await shop.tap(shop.page.getByRole('button', { name: /^确认付款/ }))
  await shop.arriveAtPage('deposit', 'back from the cashier', 'depositId=')
  await shop.see(T['deposit.status.frozen'], 'the deposit frozen')
  const depositId = shop.routeParam('depositId')
  const [deposit] = await db().query<{ status: string }>('select status from deposits where id = $1', [
    depositId,
  ])
  expect(deposit?.status).toBe('frozen')
  await shoot('deposit-frozen')

  // The shop ends the rental: 30 yuan of damage, the rest back.
  const staff = await insertStaff(db(), { name: `owner-h5-${Date.now()}`, role: 'owner', passwordHash: 'x' })
  const { token } = await createStaffSession(db(), staff.id, 600)
  const charge = await fetch(`${suite.stack.server.baseUrl}/api/merchant/deposits/${depositId}/charge`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 3000 }),
  })
  expect(charge.status).toBe(200)
  // The buyer looks again (the page does not poll a frozen deposit: the rental may last days); it
  // then polls while the charge and the unfreeze of the rest wait for Alipay.
  await shop.tap(T['pay.action.checkAgain'])
  const charged = T['deposit.status.charged']
    .replace('{charge}', formatFen(3000))
    .replace('{back}', formatFen(6900))
  await shop.see(charged, 'the damage charged and the rest returned, confirmed by Alipay')
  const [ended] = await db().query<{ status: string }>('select status from deposits where id = $1', [
    depositId,
  ])
  expect(ended?.status).toBe('charged')
  await shoot('deposit-charged')
}, 90_000)
