import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { mainPackagePages, preloadRule, subPackages } from './app-json'
import { pageUrl, ROUTES, TAB_BAR, tabIndex } from './routes'

const SRC = path.resolve(__dirname, '..')

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return pageFiles(file)
    return name === 'index.tsx'
      ? [
          path
            .relative(SRC, file)
            .split(path.sep)
            .join('/')
            .replace(/\.tsx$/, ''),
        ]
      : []
  })
}

describe('the table of routes', () => {
  it('names every page under src/pages once, each with its page config', () => {
    expect(Object.values(ROUTES).sort()).toEqual(pageFiles(path.join(SRC, 'pages')).sort())
    for (const route of Object.values(ROUTES)) {
      expect(statSync(path.join(SRC, `${route}.config.ts`)).isFile()).toBe(true)
    }
  })

  it('puts the tab pages in the main package, the first one opening at launch', () => {
    expect(mainPackagePages()).toEqual(TAB_BAR.map((tab) => ROUTES[tab.page]))
    expect(mainPackagePages()[0]).toBe(ROUTES.home)
    expect(tabIndex('cart')).toBe(TAB_BAR.findIndex((tab) => tab.page === 'cart'))
  })

  it('preloads only subpackages, from pages that exist', () => {
    const roots = subPackages().map((sub) => sub.root)
    for (const [route, rule] of Object.entries(preloadRule())) {
      expect(Object.values(ROUTES)).toContain(route)
      for (const root of rule.packages) expect(roots).toContain(root)
    }
  })

  it('has every subpackage page add the subpackage texts as it loads, and no main package page', () => {
    const loadsTexts = (route: string) =>
      /^addSubpackageTexts\(\)$/m.test(readFileSync(path.join(SRC, `${route}.tsx`), 'utf8'))
    for (const sub of subPackages()) {
      for (const page of sub.pages)
        expect({ page, loadsTexts: loadsTexts(`${sub.root}/${page}`) }).toEqual({ page, loadsTexts: true })
    }
    for (const route of mainPackagePages())
      expect({ route, loadsTexts: loadsTexts(route) }).toEqual({ route, loadsTexts: false })
  })

  it('has every page that shows after-sales add the after-sales texts as it loads', () => {
    for (const route of Object.values(ROUTES)) {
      const code = readFileSync(path.join(SRC, `${route}.tsx`), 'utf8')
      const showsAfterSales = code.includes("from '../../../features/after-sales'")
      const addsTexts = /^addAfterSalesTexts\(\)$/m.test(code)
      expect({ route, addsTexts }).toEqual({ route, addsTexts: showsAfterSales })
    }
  })
})

describe('pageUrl', () => {
  it('encodes the query and leaves out empty values (Alipay refuses a bare `?`)', () => {
    expect(pageUrl('product', { id: 'a b&c' })).toBe(`/${ROUTES.product}?id=a%20b%26c`)
    expect(pageUrl('payResult', { orderId: '42', code: undefined })).toBe(`/${ROUTES.payResult}?orderId=42`)
    expect(pageUrl('faq', { from: '' })).toBe(`/${ROUTES.faq}`)
  })
})
