import { useDidShow } from '@tarojs/taro'
import { usePageTitle, useLocaleStore } from '../../shared/i18n'
import { syncTabBarTexts } from '../../shared/i18n/tab-bar'
import { syncCartBadge } from '../cart'

/**
 * What every tab page does for the app shell: platforms accept tab-bar calls only while a tab page
 * is showing, so the badge and the labels (in the buyer's language) are refreshed on every show,
 * and the title follows the language.
 */
export function useTabPage(title: Parameters<typeof usePageTitle>[0]): void {
  useDidShow(() => {
    syncCartBadge()
    syncTabBarTexts(useLocaleStore.getState().locale)
  })
  usePageTitle(title)
}
