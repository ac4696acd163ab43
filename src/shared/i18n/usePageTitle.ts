import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { Locale } from '../../shop.config'
import { useLocaleStore } from './locale'
import { translate } from './translate'
import type { MessageKey } from './zh-CN'

/**
 * Taro's H5 navigation bar writes the title with innerHTML, so a title from data (a product's name)
 * is escaped there; mini-programs show it as text.
 */
export const titleForBar = (text: string): string =>
  process.env.TARO_ENV === 'h5' ? text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : text

/**
 * Keeps the navigation bar title in the buyer's language: a text key, or a function of the language
 * (the shop's name, a product's name). Set on every show, because tab pages stay alive and H5 keeps
 * one document title, and only while the page shows: a hidden page must not rename the one on top.
 */
export function usePageTitle(title: MessageKey | ((locale: Locale) => string) | undefined): void {
  const locale = useLocaleStore((state) => state.locale)
  const text = typeof title === 'function' ? title(locale) : title && translate(locale, title)
  const shown = useRef(true)
  const apply = () => {
    if (text) void Taro.setNavigationBarTitle({ title: titleForBar(text) })
  }
  useDidShow(() => {
    shown.current = true
    apply()
  })
  useDidHide(() => {
    shown.current = false
  })
  useEffect(() => {
    if (shown.current) apply()
    // Only a new text sets the title again (`apply` is new on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text])
}
