/**
 * The bundle budgets of `npm run bench`, held in CI on dist/alipay (the production build `npm test`
 * makes before jest), against a blank Taro app built from bench/blank-app with the same toolchain,
 * here and now: the main package and the whole app as ratios of it (so the checks mean the same on
 * any machine), and every package under the platform's 2 MB limit. The budgets themselves are in
 * scripts/bench/bundle.ts; build times are printed by the bench, never asserted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  BLANK_APP_DIR,
  ROOT,
  budgetChecks,
  buildAlipay,
  measureBundle,
  type BundleSize,
} from '../../scripts/bench/bundle'
import { subPackages } from '../../src/shared/app-json'

const SHOP_DIST = path.join(ROOT, 'dist', 'alipay')
const BUILD_TIMEOUT_MS = 150_000

const describeSize = (size: BundleSize) =>
  `${size.totalBytes} bytes in ${size.files} files (main package ${size.mainPackageBytes}` +
  `${size.subpackages.map((sub) => `, ${sub.root} ${sub.bytes}`).join('')}); ` +
  `largest: ${size.largest.map((f) => `${f.file} ${f.bytes}`).join(', ')}`

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

  it('measures every subpackage of src/shared/routes.ts', () => {
    expect(shop.subpackages.map((sub) => sub.root)).toEqual(subPackages().map((sub) => sub.root))
    for (const sub of shop.subpackages) expect(sub.bytes).toBeGreaterThan(0)
  })

  it('keeps the main package, the whole app and every package within budget', () => {
    const over = budgetChecks(shop, blank).filter((check) => !check.pass)
    if (over.length) {
      const lines = over.map(
        (check) =>
          `${check.what}: ${check.bytes} bytes${check.ratio ? ` (${check.ratio.toFixed(2)}×)` : ''}, over ${check.limit} (${Math.floor(check.limitBytes)} bytes)`,
      )
      throw new Error(`${lines.join('\n')}\nshop: ${describeSize(shop)}\nblank: ${describeSize(blank)}`)
    }
  })
})
