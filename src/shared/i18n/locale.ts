import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { shopConfig, type Locale } from '../../shop.config'

export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

interface LocaleState {
  locale: Locale
  setLocale: (locale: Locale) => void
}

export const LOCALE_STORAGE_KEY = 'shop.locale'

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
