import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { translate, useLocaleStore, type MessageKey } from '../../shared/i18n'
import { syncTabBarTexts } from '../../shared/i18n/tab-bar'
import { syncCartBadge } from '../cart'

/**
 * What every tab page does for the app shell: platforms accept tab-bar calls only while a tab page
 * is showing, so the badge and the labels (in the buyer's language) are refreshed on every show,
 * and the title follows the language.
 */
export function useTabPage(titleKey?: MessageKey): void {
  const locale = useLocaleStore((state) => state.locale)
  useDidShow(() => {
    syncCartBadge()
    syncTabBarTexts(useLocaleStore.getState().locale)
  })
  useEffect(() => {
    if (titleKey) Taro.setNavigationBarTitle({ title: translate(locale, titleKey) })
  }, [locale, titleKey])
}
