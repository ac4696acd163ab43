import Taro from '@tarojs/taro'
import type { Locale } from '../../shop.config'
import { translate } from './translate'
import type { MessageKey } from './zh-CN'

/** The tab texts in app.config.ts order; app.config.ts can only set them at build time. */
const TAB_TEXT_KEYS: readonly MessageKey[] = ['tab.home', 'tab.cart', 'tab.me']

/** Labels the tab bar in a language: after a switch, and at launch when the stored choice differs. */
export function syncTabBarTexts(locale: Locale): void {
  TAB_TEXT_KEYS.forEach((key, index) => {
    Promise.resolve(Taro.setTabBarItem({ index, text: translate(locale, key) })).catch(() => undefined)
  })
}
