#!/usr/bin/env node
/**
 * Screenshots of the running shop (npm start) in Debian's Chromium, for the README:
 * `node scripts/screenshot.mjs [shopUrl] [outDir]`.
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
page.on('console', (message) => message.type() === 'error' && console.log(`[browser] ${message.text()}`))

const shot = async (name) => {
  await page.waitForTimeout(600)
  await page.screenshot({ path: `${outDir}/${name}.png` })
  console.log(`wrote ${outDir}/${name}.png`)
}

await page.goto(shopUrl)
await page.locator('.product-card').first().waitFor()
await shot('home')
await page.locator('.product-card').first().click()
await page.locator('.chip').first().waitFor()
for (const option of await page.locator('.sku-picker__option').all()) {
  await option.locator('.chip:not(.chip--disabled)').first().click()
}
await shot('product')
await page.getByText(/加入购物车|Add to cart/).click()
await page.goto(`${shopUrl}#/pages/cart/index`)
await page.locator('.cart-line').first().waitFor()
await shot('cart')
await browser.close()
