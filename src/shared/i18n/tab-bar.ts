import Taro from '@tarojs/taro'
import { t, type MessageKey } from './index'

/** The tab texts in app.config.ts order; app.config.ts can only set them at build time. */
const TAB_TEXT_KEYS: readonly MessageKey[] = ['tab.home', 'tab.cart', 'tab.me']

/** Re-labels the tab bar in the current language (after a language switch). */
export function syncTabBarTexts(): void {
  TAB_TEXT_KEYS.forEach((key, index) => {
    Promise.resolve(Taro.setTabBarItem({ index, text: t(key) })).catch(() => undefined)
  })
}
