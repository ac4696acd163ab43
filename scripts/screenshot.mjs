#!/usr/bin/env node
/**
 * Walks the running shop (npm start) in Debian's Chromium like a buyer — browse, pick a SKU, add
 * to cart, log in (simulated Alipay), check out, pay in the simulated cashier (cancel, then pay),
 * order again and cancel — and writes a
 * screenshot of each step for the README: `node scripts/screenshot.mjs [shopUrl] [outDir]`.
 * It stops with an error when a step does not show what it should.
 */
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const shopUrl = process.argv[2] ?? 'http://localhost:10086/'
const outDir = process.argv[3] ?? 'docs'
mkdirSync(outDir, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const page = await browser.newPage({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
})
page.on('pageerror', (error) => console.log(`[browser] ${error.message}`))

const shot = async (name) => {
  await page.waitForTimeout(600)
  await page.screenshot({ path: `${outDir}/${name}.png` })
  console.log(`wrote ${outDir}/${name}.png`)
}
const expectText = async (locator, pattern, what) => {
  const text = (await locator.textContent()) ?? ''
  if (!pattern.test(text)) throw new Error(`${what}: expected ${pattern}, got "${text}"`)
  return text
}
const stockOf = async () =>
  Number((await page.locator('.product-detail__stock').textContent()).match(/\d+/)[0])

try {
  await page.goto(shopUrl)
  await page.locator('.product-card').first().waitFor()
  await shot('home')

  await page.locator('.product-card').first().click()
  await page.locator('.chip').first().waitFor()
  const chooseFirstSku = async () => {
    for (const option of await page.locator('.sku-picker__option').all()) {
      await option.locator('.chip:not(.chip--disabled)').first().click()
    }
  }
  await chooseFirstSku()
  const productUrl = page.url()
  const stockBefore = await stockOf()
  await shot('product')
  await page.getByText(/加入购物车|Add to cart/).click()

  await page.goto(`${shopUrl}#/pages/cart/index`)
  await page.locator('.cart-line').first().waitFor()
  await shot('cart')

  await page.getByText(/去结算|Checkout/).click()
  const fields = page.locator('.address-field input')
  await fields.first().waitFor()
  // The buyer was logged in silently (simulated auth code) to load their saved address.
  await fields.nth(0).fill('张三')
  await fields.nth(1).fill('13800138000')
  await fields.nth(2).fill('浙江省 杭州市 西湖区')
  await fields.nth(3).fill('文三路 100 号')
  await shot('checkout')
  await page.getByText(/提交订单|Place order/).click()
  await page.locator('.order-detail__status-text').waitFor({ timeout: 15_000 })
  await expectText(page.locator('.order-detail__status-text'), /待付款|Awaiting payment/, 'new order')
  await shot('order')

  // Pay in the simulator's cashier: first cancel (6001: the order still awaits payment)...
  await page.getByText(/去支付|Pay now/).click()
  await page.waitForURL(/alipay-sim\/cashier/)
  await shot('cashier')
  await page.locator('button[value="cancel"]').click()
  await page.locator('.pay-result__title', { hasText: /已取消支付|Payment cancelled/ }).waitFor()
  await shot('pay-6001')

  // ...then pay again (9000): "paid" appears only once the server has confirmed it.
  await page.locator('.pay-result__action', { hasText: /重新支付|Pay again/ }).click()
  await page.waitForURL(/alipay-sim\/cashier/)
  await page.locator('button[value="pay"]').click()
  await page
    .locator('.pay-result__title', { hasText: /支付成功|Payment received/ })
    .waitFor({ timeout: 15_000 })
  await shot('pay-9000')

  // A second order, to cancel: its stock comes back.
  await page.goto(productUrl)
  await page.locator('.chip').first().waitFor()
  await chooseFirstSku()
  await page.getByText(/加入购物车|Add to cart/).click()
  await page.goto(`${shopUrl}#/pages/cart/index`)
  await page.getByText(/去结算|Checkout/).click()
  await page.locator('.address-field input').first().waitFor()
  await page.waitForTimeout(500)
  await page.getByText(/提交订单|Place order/).click()
  await page.locator('.order-detail__status-text').waitFor({ timeout: 15_000 })

  await page.goto(`${shopUrl}#/pages/orders/index?status=all`)
  await page.locator('.order-card').nth(1).waitFor()
  await shot('orders')

  await page.locator('.order-card').first().click()
  await page.getByText(/取消订单|Cancel order/).click()
  await page.getByText(/^确定$|^OK$|^Confirm$/).click()
  await page
    .locator('.order-detail__status-text', { hasText: /已取消|Cancelled/ })
    .waitFor({ timeout: 10_000 })
  await shot('order-cancelled')

  await page.goto(productUrl)
  await page.locator('.chip').first().waitFor()
  await chooseFirstSku()
  const stockAfter = await stockOf()
  // One unit was paid for, the other order's unit came back when it was cancelled.
  if (stockAfter !== stockBefore - 1) {
    throw new Error(
      `stock after paying one and cancelling one: expected ${stockBefore - 1}, got ${stockAfter}`,
    )
  }
  console.log(`stock ${stockBefore} → ${stockAfter}: one sold, the cancelled one returned`)

  await page.goto(`${shopUrl}#/pages/me/index`)
  await expectText(page.locator('.session-card__text'), /2088\*{4}\d{4}/, 'logged-in account')
  await shot('me')

  await page.goto(`${shopUrl}#/pages/faq/index`)
  await page.locator('.faq__item').first().waitFor()
  await shot('faq')
} finally {
  await browser.close()
}
