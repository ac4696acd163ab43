/**
 * The merchant console (admin/, served by the real server at /admin) in Debian's Chromium at
 * 1440×900, against the real server and simulator, beside the shop's H5 build: an owner logs in,
 * ships an order a buyer paid in the cashier, changes a price the H5 home then shows; a staff
 * account cannot change a price, and the server says 403. Screenshots of each page go to
 * artifacts/screenshots/console-*.png (and docs/ with UPDATE_DOCS_SCREENSHOTS=1).
 */
import type { BrowserContext, Page } from 'playwright-core'
import type { StaffRole } from '../../contract'
import { createTestStaff } from '../../server/tests/staff-helpers'
import { payInCashier } from '../support/browser/after-sales'
import { setUpH5Suite } from '../support/browser/h5-suite'
import { addToCart, checkOut, orderOnServer } from '../support/browser/purchase'
import { screenshot } from '../support/browser/screenshots'

const suite = setUpH5Suite()
const STEP_MS = 20_000
jest.setTimeout(120_000)
const contexts: BrowserContext[] = []

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

/** A fresh desktop browser logged in to the console as a new account of this role. */
async function consoleAs(role: StaffRole): Promise<{ page: Page; problems: string[] }> {
  const { server, browser } = suite.stack
  const staff = await createTestStaff(server.db, role)
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  contexts.push(context)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} for ${response.url()}`)
  })
  await page.goto(`${server.baseUrl}/admin/`)
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

/** The console's own fetch, from the page: what the server answers a request the UI would not send. */
async function callFromPage(page: Page, method: string, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async (call) => {
      const session = await (await fetch('/api/merchant/console/session')).json()
      const response = await fetch(call.path, {
        method: call.method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(call.body),
      })
      return response.status
    },
    { method, path, body },
  )
}

it('an owner logs in and ships an order the buyer paid in the cashier', async () => {
  const { server } = suite.stack
  const { shop } = await suite.newShopper()
  await addToCart(shop)
  const orderId = await checkOut(shop)
  await payInCashier(shop, server.db, orderId)

  const { page, problems } = await consoleAs('owner')
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

it('an owner changes a price in yuan; the H5 home shows it', async () => {
  const { page, problems } = await consoleAs('owner')
  await open(page, 'catalog')
  await page.getByTestId('product-edit-cap-canvas').click()
  await page.getByTestId('price-input-cap-canvas-sand').fill('45.5')
  await page.getByTestId('price-save-cap-canvas-sand').click()
  const { server } = suite.stack
  const priceFen = async () =>
    (
      await server.db.query<{ price_fen: number }>("select price_fen from skus where id = 'cap-canvas-sand'")
    )[0].price_fen
  await until(priceFen, 4550)
  await screenshot(page, 'console-product')

  const { shop } = await suite.newShopper()
  await shop.open()
  await shop.see('¥45.50', 'the new price on the home page')

  await page.keyboard.press('Escape')
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached', timeout: STEP_MS })
  for (const [section, ready] of [
    ['afterSales', 'after-sales-table'],
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
  await page.getByTestId('product-save').waitFor({ timeout: STEP_MS })
  expect(await page.getByTestId('price-input-cap-canvas-sand').count()).toBe(0)
  expect(await callFromPage(page, 'PUT', '/api/merchant/skus/cap-canvas-sand/price', { price: 100 })).toBe(
    403,
  )
  expect(problems).toEqual([])
})
