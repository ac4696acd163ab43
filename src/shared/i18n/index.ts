import { shopConfig, type Locale } from '../../shop.config'
import { useLocaleStore } from './locale'
import { syncTabBarTexts } from './tab-bar'
import { translate, type MessageParams } from './translate'
import type { MessageKey } from './zh-CN'

export type { MessageKey } from './zh-CN'
export { LOCALES, useLocaleStore } from './locale'
export { translate, type MessageParams } from './translate'

export type Translate = (key: MessageKey, params?: MessageParams) => string

/** For components: re-renders when the language changes. */
export function useT(): Translate {
  const locale = useLocaleStore((state) => state.locale)
  return (key, params) => translate(locale, key, params)
}

/** For code outside React (toasts, request errors). */
export const t: Translate = (key, params) => translate(useLocaleStore.getState().locale, key, params)

/** The buyer picked another language: remember it and re-label what the app shell shows. */
export function switchLocale(next: Locale): void {
  useLocaleStore.getState().setLocale(next)
  syncTabBarTexts(next)
}

export function shopName(locale: Locale = useLocaleStore.getState().locale): string {
  return shopConfig.name[locale]
}

export { usePageTitle } from './usePageTitle'
