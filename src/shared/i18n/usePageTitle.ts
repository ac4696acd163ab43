import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { useLocaleStore } from './locale'
import { translate } from './translate'
import type { MessageKey } from './zh-CN'

/** Keeps the navigation bar title in the buyer's language. */
export function usePageTitle(key: MessageKey | undefined): void {
  const locale = useLocaleStore((state) => state.locale)
  useEffect(() => {
    if (key) void Taro.setNavigationBarTitle({ title: translate(locale, key) })
  }, [locale, key])
}
