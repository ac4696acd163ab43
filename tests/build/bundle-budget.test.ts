/**
 * The bundle budgets of `npm run bench`, held in CI: dist/alipay (the production build `npm test`
 * makes before jest) weighs at most 1.5× a blank Taro app built from bench/blank-app with the same
 * toolchain, here and now, and its main package stays under Alipay's 2 MB limit. A ratio, so the
 * check means the same on any machine; build times are printed by the bench, never asserted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  BLANK_APP_DIR,
  BUNDLE_RATIO_BUDGET,
  MAIN_PACKAGE_LIMIT_BYTES,
  ROOT,
  buildAlipay,
  measureBundle,
  type BundleSize,
} from '../../scripts/bench/bundle'

const SHOP_DIST = path.join(ROOT, 'dist', 'alipay')
const BUILD_TIMEOUT_MS = 150_000

const describeSize = (size: BundleSize) =>
  `${size.totalBytes} bytes in ${size.files} files; largest: ${size.largest.map((f) => `${f.file} ${f.bytes}`).join(', ')}`

let temp: string
let blank: BundleSize
let shop: BundleSize

beforeAll(async () => {
  if (!existsSync(path.join(SHOP_DIST, 'app.json')))
    throw new Error('dist/alipay is missing: run `NODE_ENV=production npx taro build --type alipay` first')
  shop = measureBundle(SHOP_DIST)
  temp = mkdtempSync(path.join(os.tmpdir(), 'blank-app-'))
  const { outputDir, wallMs } = await buildAlipay(BLANK_APP_DIR, path.join(temp, 'alipay'))
  blank = measureBundle(outputDir)
  // Printed for the curious; a time depends on the machine, so it is never asserted.
  process.stdout.write(`blank Taro app built in ${(wallMs / 1000).toFixed(1)} s: ${describeSize(blank)}\n`)
}, BUILD_TIMEOUT_MS)

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true })
})

describe('bundle budget (dist/alipay against a blank Taro app)', () => {
  it('the reference really is the blank one-page app', () => {
    const app = JSON.parse(readFileSync(path.join(temp, 'alipay', 'app.json'), 'utf8'))
    expect(app.pages).toEqual(['pages/index/index'])
    // A blank Taro 4 React app is the runtime plus React: about 250 kB. Far off means the fixture
    // (or the toolchain) changed, and the ratio below would mean something else.
    expect(blank.totalBytes).toBeGreaterThan(150_000)
    expect(blank.totalBytes).toBeLessThan(400_000)
  })

  it(`weighs at most ${BUNDLE_RATIO_BUDGET}× the blank app`, () => {
    const ratio = shop.totalBytes / blank.totalBytes
    if (ratio > BUNDLE_RATIO_BUDGET) {
      throw new Error(
        `dist/alipay is ${ratio.toFixed(2)}× the blank app (budget ${BUNDLE_RATIO_BUDGET}×).\n` +
          `shop: ${describeSize(shop)}\nblank: ${describeSize(blank)}`,
      )
    }
  })

  it('keeps the main package under Alipay’s 2 MB limit', () => {
    expect(shop.mainPackageBytes).toBeGreaterThan(0)
    expect(shop.mainPackageBytes).toBeLessThan(MAIN_PACKAGE_LIMIT_BYTES)
  })
})
