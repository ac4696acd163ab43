import Taro from '@tarojs/taro'
import type { Locale } from '../../shop.config'
import { translate } from './translate'
import { TAB_BAR } from '../routes'

/**
 * Labels the tab bar in a language: after a switch, and at launch when the stored choice differs
 * (app.config.ts can only set the shop's default language, at build time).
 */
export function syncTabBarTexts(locale: Locale): void {
  TAB_BAR.forEach((tab, index) => {
    Promise.resolve(Taro.setTabBarItem({ index, text: translate(locale, tab.text) })).catch(() => undefined)
  })
}
