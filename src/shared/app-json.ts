/**
 * app.json's `pages`, `subPackages` and `preloadRule`, from the table of routes.ts. Only
 * app.config.ts (evaluated in Node at build time) and the build checks use this module, so none of
 * it ships in the bundle.
 */
import {
  MAIN_PACKAGE,
  ROUTES,
  SUBPACKAGE_NAMES,
  SUBPACKAGES,
  type PageName,
  type SubpackageName,
} from './routes'

/** What a buyer opens next from each page, downloaded while they look at it. */
const PRELOAD: Partial<Record<PageName, readonly SubpackageName[]>> = {
  home: ['catalog'],
  cart: ['order'],
  me: ['order', 'help', 'afterSales'],
  checkout: ['payment'],
  orders: ['afterSales'],
  order: ['payment', 'afterSales'],
  faq: ['payment'],
}

/** app.json's `pages`: the main package only; the first one opens at launch. */
export const mainPackagePages = (): string[] => Object.values(MAIN_PACKAGE)

/**
 * app.json's `subPackages`: each page path relative to its root. Only the fields both Alipay and
 * WeChat document (`root`, `pages`); preloadRule names subpackages by root.
 */
export const subPackages = () =>
  SUBPACKAGE_NAMES.map((name) => ({
    root: SUBPACKAGES[name].root,
    pages: Object.values(SUBPACKAGES[name].pages) as string[],
  }))

/** app.json's `preloadRule`, keyed by page path. */
export const preloadRule = () =>
  Object.fromEntries(
    Object.entries(PRELOAD).map(([page, packages]) => [
      ROUTES[page as PageName],
      { network: 'all' as const, packages: packages!.map((name) => SUBPACKAGES[name].root) },
    ]),
  )
