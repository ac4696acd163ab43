/**
 * After-sales in the compiled Alipay bundle (dist/alipay, or MINI_DIST_DIR), run in Node with a
 * simulated `my` against the real server and its Alipay simulator:
 * - a refund of one line of a paid, unshipped order, approved at once: the screen shows the refund
 *   confirmed, and the simulated Alipay account, the buyer's API and the stock agree with it;
 * - a shipped order: the buyer reads the parcel, confirms receipt, and once the after-sales window
 *   has ended (the server's sweeper) reads the order completed, with after-sales no longer offered.
 */
import { launch, relaunch, type MiniProgram } from '../support/mini-runtime'
import {
  addSkuToCart,
  addTshirtToCart,
  buyerToken,
  buyTshirt,
  checkOutCart,
  orderStatus,
  payWith9000,
  stockOfSku,
  text,
  TSHIRT,
  TSHIRT_XL,
} from '../support/mini-shop-flows'
import { afterSalesOfOrder, orderAsBuyer, sweepCompletions, tradeAtAlipay } from '../support/after-sales-e2e'
import { merchantOf } from '../support/merchant'
import { startShopServer, type ShopServer } from '../support/shop-server'
import { pageUrl, ROUTES } from '../../src/shared/routes'

const PRODUCT_ID = 'tshirt-classic'
const M_KEYS = ['black', 'm']
const XL_KEYS = ['black', 'xl']

let server: ShopServer
const launched: MiniProgram[] = []
const track = (app: MiniProgram) => (launched.push(app), app)

// Creating the database takes seconds, many more on a machine busy with parallel suites.
beforeAll(async () => {
  server = await startShopServer()
}, 120_000)
afterEach(() => launched.splice(0).forEach((app) => app.close()))
afterAll(() => server.close(), 60_000)

test('refund only of one line before shipping: approved at once, refunded at Alipay, stock back', async () => {
  const app = track(await launch({ baseUrl: server.baseUrl }))
  const stockBefore = {
    m: await stockOfSku(server.db, PRODUCT_ID, M_KEYS),
    xl: await stockOfSku(server.db, PRODUCT_ID, XL_KEYS),
  }

  // Two SKUs at two prices in one order: black / M (¥79.00) and black / XL (¥89.00).
  const product = await addTshirtToCart(app)
  await addSkuToCart(app, product, TSHIRT_XL)
  const orderPage = await checkOutCart(app)
  const orderId = orderPage.query.id
  await orderPage.waitForText('¥168.00')
  expect(await stockOfSku(server.db, PRODUCT_ID, XL_KEYS)).toBe(stockBefore.xl - 1)

  const result = await payWith9000(app, orderPage)
  expect(await orderStatus(server.db, orderId)).toBe('paid')
  await result.tapText(text['pay.action.viewOrder'])
  const order = await app.waitForPage(ROUTES.order)
  await order.waitForText(text['orders.status.paid'], { exact: true })

  // Apply: refund only, one unit of the XL line (the M line stays at 0), a reason, submit.
  await order.waitForText(text['afterSales.apply'], { exact: true })
  await order.tapText(text['afterSales.apply'], { exact: true })
  const apply = await app.waitForPage(ROUTES.afterSalesApply)
  await apply.waitForText(text['afterSales.chooseItems'])
  expect(apply.text()).not.toContain(text['afterSales.kind.return_and_refund'])
  await apply.tapText(text['afterSales.kind.refund_only'], { exact: true })
  const xlLine = apply.within(`${TSHIRT_XL.colour} / ${TSHIRT_XL.size}`, '+')
  await xlLine.tapText('+', { exact: true })
  await xlLine.waitForText('1', { exact: true })
  await apply.tapText(text['afterSales.reason.changed_mind'], { exact: true })
  // The estimate: the XL line's price, not the order's total nor the M line's.
  await apply.waitForText(TSHIRT_XL.price, { exact: true })
  await apply.waitFor(() => !apply.hasText(text['afterSales.incomplete']), 'the form complete')
  await apply.tapText(text['afterSales.submit'], { exact: true })

  // The request, approved and refunded before the answer: its screen says so, with the amount.
  const detail = await app.waitForPage(ROUTES.afterSales)
  await detail.waitForText(text['afterSales.status.refunded'], { exact: true })
  const refundedLine = new RegExp(text['afterSales.refund.refunded'].replace('{time}', '\\d{4}.+'))
  await detail.waitForText(refundedLine)
  const amountCard = detail.within(text['afterSales.refundAmount'], refundedLine)
  expect(amountCard.hasText(TSHIRT_XL.price, true)).toBe(true)
  expect(detail.text()).toContain(text['afterSales.kind.refund_only'])
  expect(detail.text()).toContain(text['afterSales.reason.changed_mind'])
  const shownNo = /退款请求号 (\S+)/.exec(detail.text())?.[1]
  expect(shownNo).toBeDefined()

  // Alipay (the simulator's merchant account): exactly that refund, at that line's amount.
  const trade = await tradeAtAlipay(server, orderId)
  expect(trade).toMatchObject({
    outTradeNo: orderId,
    tradeStatus: 'TRADE_SUCCESS',
    totalAmount: '168.00',
    refundedAmount: '89.00',
    pendingRefunds: [],
  })
  expect(trade.refunds.map(({ outRequestNo, refundAmount }) => ({ outRequestNo, refundAmount }))).toEqual([
    { outRequestNo: shownNo, refundAmount: '89.00' },
  ])

  // The buyer's API: the order's after-sales holds that one request; the M line is still claimable.
  const token = buyerToken(app)
  const lines = (await orderAsBuyer(server, token, orderId)).lines
  const xlNo = lines.find((line) => line.unitPrice === TSHIRT_XL.fen)!.lineNo
  const mNo = lines.find((line) => line.unitPrice !== TSHIRT_XL.fen)!.lineNo
  const afterSales = await afterSalesOfOrder(server, token, orderId)
  expect(afterSales).toMatchObject({ kinds: ['refund_only'], refunded: TSHIRT_XL.fen })
  expect(afterSales.requests).toHaveLength(1)
  expect(afterSales.requests[0]).toMatchObject({
    kind: 'refund_only',
    status: 'refunded',
    reason: 'changed_mind',
    refundAmount: TSHIRT_XL.fen,
    lines: [{ lineNo: xlNo, quantity: 1, refundAmount: TSHIRT_XL.fen }],
    refund: { amount: TSHIRT_XL.fen, status: 'refunded', outRequestNo: shownNo },
  })
  expect(new Map(afterSales.lines.map((line) => [line.lineNo, line.claimable]))).toEqual(
    new Map([
      [mNo, 1],
      [xlNo, 0],
    ]),
  )
  // The XL unit is back in stock; the M one is still sold. The order stays paid (partly refunded).
  expect(await stockOfSku(server.db, PRODUCT_ID, XL_KEYS)).toBe(stockBefore.xl)
  expect(await stockOfSku(server.db, PRODUCT_ID, M_KEYS)).toBe(stockBefore.m - 1)
  expect(await orderStatus(server.db, orderId)).toBe('paid')

  // Back on the order page (the apply form was replaced by the request): the refund is listed.
  app.pages.navigateBack(1)
  const orderAgain = await app.waitForPage(ROUTES.order)
  await orderAgain.waitForText(text['afterSales.refunded'].replace('{amount}', TSHIRT_XL.price))
  expect(app.consoleErrors).toEqual([])
}, 90_000)

test('shipped, received, completed: the buyer reads the parcel, confirms receipt, and sees the order completed', async () => {
  const app = track(await launch({ baseUrl: server.baseUrl }))
  const { orderId, orderPage } = await buyTshirt(app)
  const result = await payWith9000(app, orderPage)
  expect(await orderStatus(server.db, orderId)).toBe('paid')

  // The merchant ships it through the merchant API.
  const merchant = await merchantOf(server)
  await merchant.ship(orderId, { carrier: '顺丰速运', trackingNo: 'SF1234567890' })
  expect(await orderStatus(server.db, orderId)).toBe('shipped')

  await result.tapText(text['pay.action.viewOrder'])
  const order = await app.waitForPage(ROUTES.order)
  await order.waitForText(text['orders.status.shipped'], { exact: true })
  expect(order.text()).toContain(text['orders.shipment.carrier'].replace('{carrier}', '顺丰速运'))
  expect(order.text()).toContain(text['orders.shipment.trackingNo'].replace('{trackingNo}', 'SF1234567890'))
  expect(order.text()).toContain(TSHIRT.title)

  // Confirm receipt: the app asks first (the runtime's modal agrees), then the server records it.
  const modals = app.ui.modals.length
  await order.tapText(text['orders.confirmReceipt'], { exact: true })
  await order.waitForText(text['orders.status.received'], { exact: true })
  expect(app.ui.modals.slice(modals)).toEqual([
    { kind: 'confirm', title: text['orders.receiptConfirm'], content: text['orders.receiptHint'] },
  ])
  expect(await orderStatus(server.db, orderId)).toBe('received')
  expect(order.text()).not.toContain(text['orders.confirmReceipt'])
  // Within the after-sales window the buyer may still ask for one.
  await order.waitForText(text['afterSales.apply'], { exact: true })

  // The sweeper leaves it alone within AFTER_SALES_DAYS, and completes it once the window is over.
  expect(await sweepCompletions(server)).toEqual([])
  expect(await sweepCompletions(server, 0)).toEqual([orderId])
  expect(await orderStatus(server.db, orderId)).toBe('completed')

  // The buyer opens the order again: completed, and after-sales are no longer offered.
  const again = track(await relaunch(app, pageUrl('order', { id: orderId })))
  const reloaded = await again.waitForPage(ROUTES.order)
  await reloaded.waitForText(text['orders.status.completed'], { exact: true })
  expect(reloaded.text()).toMatch(new RegExp(text['orders.completedAt'].replace('{time}', '.+')))
  expect(reloaded.text()).not.toContain(text['afterSales.apply'])
  expect(app.consoleErrors).toEqual([])
  expect(again.consoleErrors).toEqual([])
}, 90_000)
