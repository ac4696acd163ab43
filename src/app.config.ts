import { shopConfig } from './shop.config'
import { translate } from './shared/i18n/translate'

const text = (key: Parameters<typeof translate>[1]) => translate(shopConfig.locale, key)

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/cart/index',
    'pages/me/index',
    'pages/product/index',
    'pages/checkout/index',
    'pages/orders/index',
    'pages/order/index',
    'pages/pay-result/index',
    'pages/faq/index',
    'pages/webview/index',
    'pages/deposit/index',
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: shopConfig.colors.surface,
    navigationBarTitleText: shopConfig.name[shopConfig.locale],
    navigationBarTextStyle: 'black',
    backgroundColor: shopConfig.colors.background,
  },
  tabBar: {
    color: shopConfig.colors.textMuted,
    selectedColor: shopConfig.colors.primary,
    backgroundColor: shopConfig.colors.surface,
    borderStyle: 'white',
    // Keep the cart second: features/cart/badge.ts puts the badge on index 1.
    list: [
      {
        pagePath: 'pages/index/index',
        text: text('tab.home'),
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: text('tab.cart'),
        iconPath: 'assets/tab-cart.png',
        selectedIconPath: 'assets/tab-cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: text('tab.me'),
        iconPath: 'assets/tab-me.png',
        selectedIconPath: 'assets/tab-me-active.png',
      },
    ],
  },
})
