import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { translate, useLocaleStore, type MessageKey } from './index'

/** Keeps the navigation bar title in the buyer's language. */
export function usePageTitle(key: MessageKey | undefined): void {
  const locale = useLocaleStore((state) => state.locale)
  useEffect(() => {
    if (key) void Taro.setNavigationBarTitle({ title: translate(locale, key) })
  }, [locale, key])
}
