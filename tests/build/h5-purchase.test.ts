/**
 * The H5 app (dist/h5) in Debian's Chromium against the stack `npm start` runs (the reference
 * server with its database and the Alipay simulator): a buyer browses, picks a SKU, checks out
 * and pays in the simulator's cashier page, declining in every way first. Each result code lands
 * on its own screen, and what the screen says agrees with the server. Screenshots of every page
 * go to artifacts/screenshots/ (README ones to docs/ with UPDATE_DOCS_SCREENSHOTS=1).
 */
import type { MessageKey } from '../../src/shared/i18n'
import { setUpH5Suite } from '../support/browser/h5-suite'
import { pageUrl } from '../../src/shared/routes'
import {
  addToCart,
  checkOut,
  confirmedAfterAsking,
  chooseOutcome,
  openCashier,
  orderOnServer,
  seeResultScreen,
  shownPrice,
  skuStock,
  T,
  type Outcome,
} from '../support/browser/purchase'

/** Each way of not paying: the code the cashier returns and the title of its screen (Alipay's docs). */
const DECLINED: { outcome: Outcome; code: string; title: MessageKey; next: MessageKey }[] = [
  { outcome: 'cancel', code: '6001', title: 'pay.cancelled.title', next: 'pay.action.payAgain' },
  { outcome: 'fail', code: '4000', title: 'pay.failed.title', next: 'pay.action.payAgain' },
  { outcome: 'network_error', code: '6002', title: 'pay.network.title', next: 'pay.action.payAgain' },
  { outcome: 'forgot_password', code: '99', title: 'pay.forgotPassword.title', next: 'pay.action.payAgain' },
  // 4 (no permission) offers no "pay again": the buyer goes to the order instead.
  { outcome: 'no_permission', code: '4', title: 'pay.noPermission.title', next: 'pay.action.viewOrder' },
]

const suite = setUpH5Suite()
const newShopper = () => suite.newShopper()
const db = () => suite.stack.server.db

it('browse → SKU → cart → checkout → cashier: every way of not paying, then paying, confirmed by the server', async () => {
  const { shop, shoot } = await newShopper()
  await addToCart(shop, shoot)
  const orderId = await checkOut(shop, shoot)
  const placed = await orderOnServer(db(), orderId)
  expect(placed.status).toBe('awaiting_payment')
  await shop.see(shownPrice(placed.totalFen), 'the order total')
  await shoot('order')

  let payButton: string = T['orders.pay']
  for (const declined of DECLINED) {
    await openCashier(shop, payButton)
    if (declined.code === '6001') await shoot('cashier')
    await chooseOutcome(shop, declined.outcome)
    await seeResultScreen(shop, declined.code, declined.title)
    // The total appears once the screen has the server's answer: the order still awaits payment.
    await shop.see(shownPrice(placed.totalFen), `the order total on the ${declined.code} screen`)
    expect(await orderOnServer(db(), orderId)).toMatchObject({ status: 'awaiting_payment' })
    await shoot(`pay-${declined.code}`)
    payButton = T[declined.next]
  }

  // After 4: the order page, still awaiting payment, as the server says.
  await shop.tap(T['pay.action.viewOrder'])
  await shop.arriveAtPage('order', 'the order page from the 4 screen')
  await shop.see(T['orders.status.awaiting_payment'], 'the order still awaiting payment')

  // 9000 only says "ask the server": hold the server's answer to see the screen confirming.
  await openCashier(shop)
  await confirmedAfterAsking(
    { shop, gate: suite.stack.gate, db: db(), orderId, shoot },
    'pay',
    '9000',
    'pay.success.title',
    { confirming: 'pay-9000-confirming', paid: 'pay-9000' },
  )

  await shop.tap(T['pay.action.viewOrder'])
  await shop.see(T['orders.status.paid'], 'the paid order')
  await shoot('order-paid')
}, 120_000)

it('cancelling an unpaid order closes it, and its stock comes back', async () => {
  const { shop, shoot } = await newShopper()
  const stockBefore = await skuStock(db())
  await addToCart(shop)
  const orderId = await checkOut(shop)
  expect(await skuStock(db())).toBe(stockBefore - 1)

  await shop.tap(T['orders.cancel'])
  await shop.see(T['orders.cancelConfirm'], 'the confirmation dialog')
  await shop.tap(shop.page.getByText(/^(确定|OK)$/), 'the dialog’s confirm button')
  await shop.see(T['orders.closed.cancelled'], 'the cancelled order')
  expect(await orderOnServer(db(), orderId)).toMatchObject({
    status: 'closed',
    closeReason: 'cancelled',
  })
  expect(await skuStock(db())).toBe(stockBefore)
  await shoot('order-cancelled')
}, 60_000)

it('the order list shows every order with the status the server has; me and the FAQ open', async () => {
  const { shop, shoot } = await newShopper()
  const orders = await db().query<{ id: string; status: string; close_reason: string | null }>(
    'select id, status, close_reason from orders order by created_at desc',
  )
  expect(orders.length).toBeGreaterThanOrEqual(2)

  // A new browser logs the same (simulated) buyer in again from the "me" tab.
  await shop.open(pageUrl('me'))
  await shop.tap(T['me.login'])
  await shop.see(/^支付宝账号 2088\*{4}\d{4}$/, 'the logged-in account')
  await shoot('me')

  await shop.tap(T['me.viewAll'] + ' ›')
  for (const order of orders) {
    const card = shop.page.locator('.order-card', { hasText: `订单号 ${order.id}` })
    await shop.see(card, `order ${order.id} in the list`)
    const label =
      order.status === 'closed'
        ? T[order.close_reason === 'cancelled' ? 'orders.closed.cancelled' : 'orders.closed.expired']
        : T[`orders.status.${order.status}` as MessageKey]
    await shop.see(shop.text(label, card), `order ${order.id} shown as ${label}`)
  }
  await shoot('orders')

  // A fresh load of the me page: Taro 4.2's H5 router sometimes leaves a tab page hidden after a
  // history back or a hash change to it (NervJS/taro#12455-style white screen; README, known issues).
  await shop.load(pageUrl('me'))
  await shop.tap(T['me.faq'])
  await shop.see(T['faq.paidPending.q'], 'the first FAQ question')
  await shop.see(T['faq.cannotPay.q'], 'the last FAQ question')
  await shoot('faq')
}, 60_000)
