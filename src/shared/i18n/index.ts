import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { shopConfig, type Locale } from '../../shop.config'
import { syncTabBarTexts } from './tab-bar'
import { translate, type MessageParams } from './translate'
import type { MessageKey } from './zh-CN'

export type { MessageKey } from './zh-CN'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

export { translate, type MessageParams } from './translate'

interface LocaleState {
  locale: Locale
  setLocale: (locale: Locale) => void
}

const LOCALE_STORAGE_KEY = 'shop.locale'

function storedLocale(): Locale | undefined {
  try {
    const value: unknown = Taro.getStorageSync(LOCALE_STORAGE_KEY)
    return LOCALES.find((locale) => locale === value)
  } catch {
    return undefined
  }
}

/** The current language: the buyer's stored choice, else the shop's default. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: storedLocale() ?? shopConfig.locale,
  setLocale: (locale) => {
    set({ locale })
    try {
      Taro.setStorageSync(LOCALE_STORAGE_KEY, locale)
    } catch {
      // Not saved: the choice still holds for this session.
    }
  },
}))

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
