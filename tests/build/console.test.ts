/**
 * The merchant console (admin/, served by the real server at /admin) in Debian's Chromium at
 * 1440×900, against the real server and simulator, beside the shop's H5 build: an owner logs in,
 * ships an order a buyer paid in the cashier; approves a refund the buyer asked for in the H5 app
 * on a shipped order, and the console, the database and the simulator's trade all show it
 * refunded; changes a price the H5 home then shows; a staff account cannot change a price: the
 * server says 403 forbidden (not a CSRF refusal) and the price stays. Screenshots of each page
 * (the login page included) go to artifacts/screenshots/console-*.png (and docs/ with UPDATE_DOCS_SCREENSHOTS=1).
 */
import type { BrowserContext, Page } from 'playwright-core'
import { zhCN } from '../../admin/src/i18n/zh-CN'
import type { StaffRole } from '../../contract'
import { yuanToFen } from '../../server/alipay/wire-format'
import { createTestStaff } from '../../server/tests/staff-helpers'
import { formatFen } from '../../src/shared/money'
import { tradeAtAlipay } from '../support/after-sales-e2e'
import { applyForRefund, payInCashier } from '../support/browser/after-sales'
import { setUpH5Suite } from '../support/browser/h5-suite'
import { addToCart, checkOut, orderOnServer, T } from '../support/browser/purchase'
import { screenshot } from '../support/browser/screenshots'
import type { Shopper } from '../support/browser/shopper'
import { merchantOf } from '../support/merchant'

const suite = setUpH5Suite()
const STEP_MS = 20_000
jest.setTimeout(120_000)
const contexts: BrowserContext[] = []

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

/**
 * A fresh desktop browser logged in to the console as a new account of this role (in the shop's
 * time zone, as the shopkeeper's computer is); `loginShot` names a picture of the login page.
 */
async function consoleAs(role: StaffRole, loginShot?: string): Promise<{ page: Page; problems: string[] }> {
  const { server, browser } = suite.stack
  const staff = await createTestStaff(server.db, role)
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: server.config.shopTimeZone,
  })
  contexts.push(context)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} for ${response.url()}`)
  })
  await page.goto(`${server.baseUrl}/admin/`)
  await page.getByTestId('login-submit').waitFor({ timeout: STEP_MS })
  if (loginShot) await screenshot(page, loginShot)
  await page.getByTestId('login-name').fill(staff.name)
  await page.getByTestId('login-password').fill(staff.password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('staff-name').waitFor({ timeout: STEP_MS })
  return { page, problems }
}

/** Waits until `read` gives `expected` (a write the console made reaches the database). */
async function until<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + STEP_MS
  let last = await read()
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    last = await read()
  }
  expect(last).toBe(expected)
}

/** A menu item, and the page's path under /admin/ (the menu's keys are camelCase, paths kebab-case). */
async function open(page: Page, section: string): Promise<void> {
  await page.getByTestId(`menu-${section}`).click()
  const path = section.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
  await page.waitForURL(new RegExp(`/admin/${path}`), { timeout: STEP_MS })
}

/**
 * The console's own fetch, from the page (its cookie and CSRF token): what the server answers a
 * request the UI would not send, with the error code, since a 403 may also be `csrf_failed`.
 */
async function callFromPage(
  page: Page,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; code?: string }> {
  return page.evaluate(
    async (call) => {
      const session = await (await fetch('/api/merchant/console/session')).json()
      const response = await fetch(call.path, {
        method: call.method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(call.body),
      })
      const answer = await response.json().catch(() => ({}))
      return { status: response.status, code: answer.code }
    },
    { method, path, body },
  )
}

/** A SKU's price in the server's database. */
async function skuPriceFen(skuId: string): Promise<number> {
  const [{ price_fen: priceFen }] = await suite.stack.server.db.query<{ price_fen: number }>(
    'select price_fen from skus where id = $1',
    [skuId],
  )
  return priceFen
}

/** A new buyer's order of PRODUCT, paid in the simulator's cashier; the buyer is on the result page. */
async function paidOrder(): Promise<{ shop: Shopper; orderId: string }> {
  const { shop } = await suite.newShopper()
  await addToCart(shop)
  const orderId = await checkOut(shop)
  await payInCashier(shop, suite.stack.server.db, orderId)
  return { shop, orderId }
}

it('an owner logs in and ships an order the buyer paid in the cashier', async () => {
  const { server } = suite.stack
  const { orderId } = await paidOrder()
  const { page, problems } = await consoleAs('owner', 'console-login')
  await page.getByTestId('dashboard-chart').waitFor({ timeout: STEP_MS })
  await screenshot(page, 'console-dashboard')
  await open(page, 'orders')
  await page.getByTestId(`ship-${orderId}`).click()
  await page.getByTestId('ship-carrier').fill('顺丰速运')
  await page.getByTestId('ship-tracking-no').fill('SF1234567890')
  await page.locator('.ant-modal-footer .ant-btn-primary').click()
  await until(async () => (await orderOnServer(server.db, orderId)).status, 'shipped')
  await screenshot(page, 'console-orders')
  await page.goto(`${server.baseUrl}/admin/orders/${orderId}`)
  await page.getByTestId('order-timeline').waitFor({ timeout: STEP_MS })
  await page.getByTestId('alipay-trade-status').waitFor({ timeout: STEP_MS })
  await screenshot(page, 'console-order')
  expect(problems).toEqual([])
})

/** The SKU the buyer bought (PRODUCT's black / M, seed price ¥79.00), refunded in full. */
const BOUGHT = { label: '黑色 / M', fen: 7900 }

it('an owner approves a refund of a shipped order; the database and the simulator’s trade agree', async () => {
  const { server } = suite.stack
  const { shop, orderId } = await paidOrder()
  // Shipped first: a refund-only request on an order not shipped yet is approved at once
  // (afterSalesAutoApprove), and nobody would need the console.
  const merchant = await merchantOf(server)
  await merchant.ship(orderId, { carrier: '顺丰速运', trackingNo: 'SF1234567890' })
  await shop.tap(T['pay.action.viewOrder'])
  await shop.see(T['orders.status.shipped'], 'the shipped order')
  const requestId = await applyForRefund(shop, {
    skuLabel: BOUGHT.label,
    reason: 'not_as_described',
    note: '收到的颜色比商品图深很多，和描述不符',
  })
  await shop.see(T['afterSales.status.requested'], 'the request waiting for the shop')

  const { page, problems } = await consoleAs('owner')
  await open(page, 'afterSales')
  await page.getByTestId(`after-sales-${requestId}`).click()
  const drawer = page.getByTestId('after-sales-drawer')
  await page.getByTestId('after-sales-approve').waitFor({ timeout: STEP_MS })
  await screenshot(page, 'console-after-sales')
  await page.getByTestId('after-sales-approve').click()
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click()

  // What the console shows once the server answered: the request refunded, and its refund.
  const field = (label: string) =>
    drawer
      .locator('.ant-descriptions-item-label')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::*[1]')
  await field(zhCN['afterSales.status'])
    .getByText(zhCN['afterSalesStatus.refunded'], { exact: true })
    .waitFor({ timeout: STEP_MS })
  const refundShown = field(zhCN['afterSales.refund'])
  await refundShown.getByText(zhCN['refundStatus.refunded'], { exact: true }).waitFor({ timeout: STEP_MS })
  await refundShown.getByText(formatFen(BOUGHT.fen), { exact: true }).waitFor({ timeout: STEP_MS })
  await screenshot(page, 'console-after-sales-refunded')

  // The server's ledger: refunded only once Alipay confirmed; the order stays shipped.
  const [request] = await server.db.query<{ status: string; refund_fen: number }>(
    'select status, refund_fen from after_sales_requests where id = $1',
    [requestId],
  )
  expect(request).toEqual({ status: 'refunded', refund_fen: BOUGHT.fen })
  const refunds = await server.db.query<{ status: string; amount_fen: number; out_request_no: string }>(
    'select status, amount_fen, out_request_no from refunds where after_sales_request_id = $1',
    [requestId],
  )
  expect(refunds).toEqual([
    { status: 'refunded', amount_fen: BOUGHT.fen, out_request_no: expect.any(String) },
  ])
  expect((await orderOnServer(server.db, orderId)).status).toBe('shipped')

  // The simulated Alipay account: the same refund, under the same out_request_no.
  const trade = await tradeAtAlipay(server, orderId)
  expect(yuanToFen(trade.refundedAmount)).toBe(BOUGHT.fen)
  expect(trade.refunds.map((refund) => [refund.outRequestNo, yuanToFen(refund.refundAmount)])).toEqual([
    [refunds[0].out_request_no, BOUGHT.fen],
  ])
  expect(trade.pendingRefunds).toEqual([])
  expect(problems).toEqual([])
})

it('an owner changes a price in yuan; the H5 home shows it', async () => {
  const { page, problems } = await consoleAs('owner')
  await open(page, 'catalog')
  await page.getByTestId('product-edit-cap-canvas').click()
  await page.getByTestId('price-input-cap-canvas-sand').fill('45.5')
  await page.getByTestId('price-save-cap-canvas-sand').click()
  await until(() => skuPriceFen('cap-canvas-sand'), 4550)
  await screenshot(page, 'console-product')

  const { shop } = await suite.newShopper()
  await shop.open()
  await shop.see('¥45.50', 'the new price on the home page')

  await page.keyboard.press('Escape')
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached', timeout: STEP_MS })
  for (const [section, ready] of [
    ['staff', 'staff-table'],
    ['audit', 'audit-table'],
  ]) {
    await open(page, section)
    await page.getByTestId(ready).waitFor({ timeout: STEP_MS })
    await screenshot(page, `console-${ready.replace(/-table$/, '')}`)
  }
  expect(problems).toEqual([])
})

it('a staff account sees no price control, and the server refuses its price change with 403', async () => {
  const { page, problems } = await consoleAs('staff')
  await open(page, 'catalog')
  await page.getByTestId('product-edit-cap-canvas').click()
  // The SKU's row is there (staff may adjust its stock), and it has no price input.
  await page.getByTestId('stock-adjust-cap-canvas-sand').waitFor({ timeout: STEP_MS })
  expect(await page.getByTestId('price-input-cap-canvas-sand').count()).toBe(0)
  const before = await skuPriceFen('cap-canvas-sand')
  const refused = await callFromPage(page, 'PUT', '/api/merchant/skus/cap-canvas-sand/price', { price: 100 })
  expect(refused).toEqual({ status: 403, code: 'forbidden' })
  expect(await skuPriceFen('cap-canvas-sand')).toBe(before)
  expect(problems).toEqual([])
})
