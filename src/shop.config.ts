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
  /**
   * What the privacy notice (pages/help/privacy) names: where buyers write about their personal
   * information, and how many years an order's address is kept after the order ends (China's
   * E-commerce Law, art. 31, asks at least 3 for transaction records). Replace the contact with
   * yours before publishing: Alipay's review checks the notice.
   */
  privacy: { contact: 'privacy@example.com', retentionYears: 3 },
  /** Put before every amount: '¥', 'RMB ', 'HK$'... Amounts are integer fen everywhere. */
  currencyLabel: '¥',
  /**
   * Promotions above the categories on the home page, in order; an empty list shows none. Each
   * opens its product; `image` is a file the server serves from /images (server/catalog/images).
   */
  banners: [
    {
      productId: 'hoodie-fleece',
      image: 'hoodie-fleece.png',
      title: { 'zh-CN': '秋冬上新', en: 'New for autumn' },
      subtitle: { 'zh-CN': '加绒卫衣，暖过整个冬天', en: 'Fleece hoodies for the cold days' },
    },
  ] as ShopBanner[],
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

export interface ShopBanner {
  productId: string
  image: string
  title: Record<'zh-CN' | 'en', string>
  subtitle: Record<'zh-CN' | 'en', string>
}
export type ShopConfig = typeof shopConfig
