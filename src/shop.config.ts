/**
 * Make the shop yours here: name, logo, colours, language and currency label.
 * Every style reads the colours (as SCSS variables `$color-<name>`, see config/theme.ts)
 * and every text goes through src/shared/i18n.
 */
export const shopConfig = {
  /** Shown in the navigation bar and on the "me" tab, per locale. */
  name: { 'zh-CN': '青柚小铺', en: 'Pomelo Shop' },
  /** A file in src/assets/ (copied into every build as /assets/...). */
  logo: '/assets/logo.png',
  /** The default language; the "me" tab lets a buyer switch. */
  locale: 'zh-CN' as 'zh-CN' | 'en',
  /** Put before every amount: '¥', 'RMB ', 'HK$'... Amounts are integer fen everywhere. */
  currencyLabel: '¥',
  colors: {
    primary: '#1677ff',
    primaryText: '#ffffff',
    accent: '#ff7a45',
    price: '#f5222d',
    background: '#f5f6f8',
    surface: '#ffffff',
    text: '#1f2329',
    textMuted: '#8a919f',
    border: '#e5e6eb',
    danger: '#f53f3f',
    success: '#00b42a',
  },
}

export type Locale = typeof shopConfig.locale
export type ShopConfig = typeof shopConfig
