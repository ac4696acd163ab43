/**
 * What small interactions cost on a phone: each sends at most a few hundred bytes through
 * setData, and never re-sends its page. Measured on the compiled Alipay bundle in the runtime
 * harness (scripts/bench/setdata.ts prints the same figures for `npm run bench`).
 */
import { INTERACTION_BUDGET_BYTES, measureSetData, type SetDataRow } from '../support/setdata-bench'
import { startShopServer, type ShopServer } from '../support/shop-server'

let server: ShopServer
let rows: SetDataRow[]

// Creating the database takes seconds, many more on a machine busy with parallel suites.
beforeAll(async () => {
  server = await startShopServer()
  rows = await measureSetData(server.baseUrl)
}, 120_000)
afterAll(() => server.close(), 60_000)

/** A key that replaces the page's whole tree (or its root's children) re-sends the page. */
const WHOLE_PAGE_KEYS = ['root', 'root.cn']

test('the home page sends its tree once it shows 20 products (the reference for a first render)', () => {
  const home = rows.find((row) => row.name === 'home: first render, 20 products')
  expect(home?.keys).toContain('root.cn')
  expect(home!.bytes).toBeGreaterThan(INTERACTION_BUDGET_BYTES)
})

test.each(['cart: +1 on one line of 50', 'product: choose a colour', 'product: choose a size (SKU chosen)'])(
  '%s sends at most a few hundred bytes and never the whole page',
  (name) => {
    const row = rows.find((candidate) => candidate.name === name)
    expect(row).toBeDefined()
    const { bytes, calls, keys, firstRenderBytes } = row!
    const detail = `${name}: ${bytes} B in ${calls} setData call(s), keys ${keys.join(', ')}`
    expect({ detail, withinBudget: bytes <= INTERACTION_BUDGET_BYTES }).toEqual({
      detail,
      withinBudget: true,
    })
    expect(calls).toBeGreaterThan(0)
    expect(keys.filter((key) => WHOLE_PAGE_KEYS.includes(key))).toEqual([])
    // Far below the page itself: a re-sent page (or most of it) would come close to its first render.
    expect(bytes).toBeLessThan(firstRenderBytes! / 4)
  },
)
