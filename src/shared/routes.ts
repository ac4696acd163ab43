/**
 * Every page of the app, where it lives (the main package or a subpackage), and the tab bar.
 * app.config.ts builds app.json from this table (through app-json.ts), and every URL in the app
 * comes from `pageUrl`. Taro evaluates this file in Node at build time, so it imports nothing but
 * types.
 */
import type { MessageKey } from './i18n/zh-CN'

/** The tab pages stay in the main package, which the platform downloads before the first screen. */
export const MAIN_PACKAGE = {
  home: 'pages/index/index',
  cart: 'pages/cart/index',
  me: 'pages/me/index',
} as const

/** The other pages, grouped by domain; a subpackage is downloaded when one of its pages opens. */
export const SUBPACKAGES = {
  catalog: { root: 'pages/catalog', pages: { product: 'product/index' } },
  order: {
    root: 'pages/order',
    pages: { checkout: 'checkout/index', orders: 'list/index', order: 'detail/index' },
  },
  payment: {
    root: 'pages/payment',
    pages: { payResult: 'result/index', webview: 'webview/index', deposit: 'deposit/index' },
  },
  help: { root: 'pages/help', pages: { faq: 'faq/index', privacy: 'privacy/index' } },
  afterSales: {
    root: 'pages/after-sales',
    pages: { afterSalesApply: 'apply/index', afterSales: 'detail/index', afterSalesList: 'list/index' },
  },
} as const

type Subpackages = typeof SUBPACKAGES
export type SubpackageName = keyof Subpackages
export type TabPageName = keyof typeof MAIN_PACKAGE
export type PageName = TabPageName | { [S in SubpackageName]: keyof Subpackages[S]['pages'] }[SubpackageName]

export const SUBPACKAGE_NAMES = Object.keys(SUBPACKAGES) as SubpackageName[]

/** Each page's path, without a leading slash (as app.json and `getCurrentPages()` spell it). */
export const ROUTES = Object.fromEntries([
  ...Object.entries(MAIN_PACKAGE),
  ...SUBPACKAGE_NAMES.flatMap((name) =>
    Object.entries(SUBPACKAGES[name].pages).map(([page, file]) => [
      page,
      `${SUBPACKAGES[name].root}/${file}`,
    ]),
  ),
]) as Record<PageName, string>

/** The tab bar, in order: its index is what setTabBarBadge and setTabBarItem take. */
export const TAB_BAR: readonly { page: TabPageName; text: MessageKey; icon: string }[] = [
  { page: 'home', text: 'tab.home', icon: 'home' },
  { page: 'cart', text: 'tab.cart', icon: 'cart' },
  { page: 'me', text: 'tab.me', icon: 'me' },
]

export const tabIndex = (page: TabPageName) => TAB_BAR.findIndex((tab) => tab.page === page)

/** The URL of a page, for navigateTo and friends; empty values are left out. */
export function pageUrl(page: PageName, query: Record<string, string | undefined> = {}): string {
  const params = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  // Alipay rejects a URL that ends in a bare `?`.
  return `/${ROUTES[page]}${params.length ? `?${params.join('&')}` : ''}`
}
