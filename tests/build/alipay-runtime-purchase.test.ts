/**
 * The compiled Alipay bundle (dist/alipay, or MINI_DIST_DIR) run in Node with a simulated `my`,
 * against the real server and its Alipay simulator: a buyer browses, picks a SKU, checks out and
 * pays, once per my.tradePay result code. Each code must land on its own screen, and what the
 * screen finally says must agree with the order in the server's database.
 */
import { screenText, type ResultScreenId } from '../../src/features/payment/result-codes'
import { launch, type MiniProgram } from '../support/mini-runtime'
import { buyTshirt, orderStatus, text, tradeNoOf, TSHIRT } from '../support/mini-shop-flows'
import { startShopServer, type ShopServer } from '../support/shop-server'
import { pageUrl, ROUTES } from '../../src/shared/routes'

/**
 * The specification, written out here rather than read from result-codes.ts (only the type of
 * the screen names comes from there), so that a wrong mapping in the app fails this test:
 * code → its screen → the order's status on the server.
 */
const CASES: [code: string, screen: ResultScreenId, serverStatus: 'paid' | 'awaiting_payment'][] = [
  ['9000', 'success', 'paid'],
  ['8000', 'processing', 'paid'],
  ['6004', 'unknownResult', 'paid'],
  ['4000', 'failed', 'awaiting_payment'],
  ['6001', 'cancelled', 'awaiting_payment'],
  ['6002', 'network', 'awaiting_payment'],
  ['99', 'forgotPassword', 'awaiting_payment'],
  ['4', 'noPermission', 'awaiting_payment'],
  ['7777', 'unrecognised', 'awaiting_payment'],
]

let server: ShopServer
let app: MiniProgram | undefined

beforeAll(async () => {
  server = await startShopServer()
  // An 8000 ("processing") payment completes 0.3 s later instead of 3 s: the screen still shows
  // "processing" first, and the suite stays quick.
  await server.simulator('/control', { notifies: 'deliver', processingDelayMs: 300 })
  // Creating the database takes seconds, many more on a machine busy with parallel suites.
}, 120_000)
afterEach(() => app?.close())
afterAll(() => server.close(), 60_000)

test.each(CASES)(
  'result code %s → the %s screen, order %s on the server',
  async (code, screen, serverStatus) => {
    app = await launch({ baseUrl: server.baseUrl })
    const { orderId, orderPage } = await buyTshirt(app)
    expect(await orderStatus(server.db, orderId)).toBe('awaiting_payment')

    app.alipay.answerTradePay(code)
    await orderPage.tapText(text['orders.pay'])
    const result = await app.waitForPage(ROUTES.payResult)
    expect(result.query).toMatchObject({ orderId, code })

    // my.tradePay got Alipay's trade_no from alipay.trade.create, never our order number.
    const tradeNO = await tradeNoOf(server.db, orderId)
    expect(tradeNO).toMatch(/^\d{20,}$/)
    expect(tradeNO).not.toBe(orderId)
    expect(app.alipay.tradePayCalls.map((call) => call.args)).toEqual([{ tradeNO }])
    expect(app.alipay.tradePayCalls[0].result?.resultCode).toBe(code)

    // The code's own screen (for 9000 / 8000 / 6004 it may show only until the server confirms).
    await result.waitFor(
      () => result.hasShown(text[screenText(screen, 'title')]),
      `the title of the ${code} screen`,
    )
    expect(result.hasShown(text[screenText(screen, 'body')])).toBe(true)
    // A production build: the raw code is developer content, never shown to the buyer.
    expect(result.hasShown(/结果码|\b(result code)\b/i)).toBe(false)

    if (serverStatus === 'paid') {
      await result.waitForText(text['pay.paid.title'], { timeoutMs: 15_000 })
    } else {
      // The price appears once the server has answered; the screen must still be the code's own.
      await result.waitForText(TSHIRT.price)
      expect(result.text()).toContain(text[screenText(screen, 'title')])
      expect(result.text()).toContain(text[screenText(screen, 'body')])
      expect(result.text()).not.toContain(text['pay.paid.title'])
    }
    expect(await orderStatus(server.db, orderId)).toBe(serverStatus)

    // The order page agrees with the server.
    await result.tapText(text['pay.action.viewOrder'])
    const order = await app.waitForPage(ROUTES.order)
    await order.waitForText(text[`orders.status.${serverStatus}`])
    expect(order.query.id).toBe(orderId)
    expect(app.consoleErrors).toEqual([])
  },
)

test('paid wins over an old result code: a 6001 result reopened after paying says paid', async () => {
  app = await launch({ baseUrl: server.baseUrl })
  const { orderId, orderPage } = await buyTshirt(app)

  app.alipay.answerTradePay('6001')
  await orderPage.tapText(text['orders.pay'])
  const cancelled = await app.waitForPage(ROUTES.payResult)
  await cancelled.waitForText(text['pay.cancelled.title'])
  await cancelled.waitForText(TSHIRT.price)
  await cancelled.tapText(text['pay.action.viewOrder'])
  const order = await app.waitForPage(ROUTES.order)
  await order.waitForText(text['orders.pay'])
  app.alipay.answerTradePay('9000')
  await order.tapText(text['orders.pay'])
  const paid = await app.waitForPage(ROUTES.payResult)
  await paid.waitForText(text['pay.paid.title'], { timeoutMs: 15_000 })
  expect(await orderStatus(server.db, orderId)).toBe('paid')

  // The old 6001 result, opened again (history, a shared link): the server's word replaces the code's.
  app.pages.navigateTo(pageUrl('payResult', { orderId, code: '6001' }))
  const reopened = await app.waitForPage(ROUTES.payResult)
  expect(reopened.query).toMatchObject({ orderId, code: '6001' })
  await reopened.waitForText(text['pay.paid.title'])
  await reopened.waitForText(text['pay.paid.body'])
  expect(reopened.text()).not.toContain(text['pay.cancelled.title'])
  expect(reopened.text()).not.toContain(text['pay.cancelled.body'])
  expect(reopened.text()).not.toContain(text['pay.action.payAgain'])
  expect(reopened.text()).not.toContain('6001')
  // The next step: the order, or the shop.
  expect(reopened.text()).toContain(text['pay.action.viewOrder'])
  expect(reopened.text()).toContain(text['pay.action.backToShop'])
  expect(app.consoleErrors).toEqual([])
})
