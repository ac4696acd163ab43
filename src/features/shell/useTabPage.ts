import { useDidShow } from '@tarojs/taro'
import { usePageTitle, useLocaleStore, type MessageKey } from '../../shared/i18n'
import { syncTabBarTexts } from '../../shared/i18n/tab-bar'
import { syncCartBadge } from '../cart'

/**
 * What every tab page does for the app shell: platforms accept tab-bar calls only while a tab page
 * is showing, so the badge and the labels (in the buyer's language) are refreshed on every show,
 * and the title follows the language.
 */
export function useTabPage(titleKey?: MessageKey): void {
  useDidShow(() => {
    syncCartBadge()
    syncTabBarTexts(useLocaleStore.getState().locale)
  })
  usePageTitle(titleKey)
}
