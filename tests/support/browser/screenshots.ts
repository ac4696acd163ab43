/**
 * Screenshots the browser suites take of every page and result screen: always into
 * artifacts/screenshots/ (CI keeps them), and with UPDATE_DOCS_SCREENSHOTS=1 also the ones the
 * README shows into docs/, under the names the README uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from './h5-stack'

export const ARTIFACTS_DIR = path.join(ROOT, 'artifacts', 'screenshots')
const DOCS_DIR = path.join(ROOT, 'docs')

/** The images README.md shows (docs/<name>.png). */
export const README_SCREENSHOTS = new Set([
  'home',
  'product',
  'cart',
  'checkout',
  'order',
  'cashier',
  'pay-6001',
  'pay-9000',
  'pay-8000',
  'pay-4000',
  'webview-checkout',
  'deposit-frozen',
  'deposit-charged',
  'privacy',
  'orders',
  'order-cancelled',
  'me',
  'faq',
  // After-sales (tests/build/h5-after-sales.test.ts).
  'order-shipped',
  'after-sales-apply',
  'after-sales-refunded',
  'after-sales-list',
  // The merchant console at 1440×900 (tests/build/console.test.ts).
  'console-login',
  'console-dashboard',
  'console-orders',
  'console-order',
  'console-product',
  'console-after-sales',
  'console-staff',
  'console-audit',
])

const updateDocs = process.env.UPDATE_DOCS_SCREENSHOTS === '1'

/** Waits until fonts and the images in view have loaded, so a picture never shows a half-drawn page. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page
    .waitForFunction(
      () =>
        Array.from(document.images).every(
          // Lazy images out of view have no source yet: nothing to wait for.
          (image) => image.complete && (image.naturalWidth > 0 || !image.currentSrc),
        ),
      undefined,
      { timeout: 10_000 },
    )
    .catch(async () => {
      const broken = await page.evaluate(() =>
        Array.from(document.images)
          .filter((image) => !image.complete || (image.currentSrc && image.naturalWidth === 0))
          .map((image) => image.currentSrc),
      )
      throw new Error(`images did not load on ${page.url()}: ${broken.join(', ')}`)
    })
}

/**
 * Waits until the console's toasts (antd's message notices, about 3 s each) have gone: a picture
 * shows the page, not the last action's "saved". An error toast fails the picture instead.
 */
async function toastsGone(page: Page): Promise<void> {
  const outcome = await page.waitForFunction(
    () => {
      const error = document.querySelector('.ant-message-notice .ant-message-error')
      if (error) return { error: error.textContent ?? '' }
      return !document.querySelector('.ant-message-notice') && { error: undefined }
    },
    undefined,
    { timeout: 10_000 },
  )
  const { error } = (await outcome.jsonValue()) as { error?: string }
  if (error !== undefined) throw new Error(`an error toast on ${page.url()}: ${error}`)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // The top of the page, without a focused field's caret or the scroll a tap left behind.
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur?.()
    for (const element of [document.scrollingElement, ...Array.from(document.querySelectorAll('*'))]) {
      if (element && element.scrollTop > 0) element.scrollTop = 0
    }
  })
  await settled(page)
  await toastsGone(page)
  const file = path.join(ARTIFACTS_DIR, `${name}.png`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
  if (updateDocs && README_SCREENSHOTS.has(name)) fs.copyFileSync(file, path.join(DOCS_DIR, `${name}.png`))
}
