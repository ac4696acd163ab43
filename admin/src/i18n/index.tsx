/**
 * The console's language: zh-CN by default, en on request (remembered in localStorage). It sets
 * antd's and dayjs's locale and the API's Accept-Language along with the console's own words.
 */
import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCNLocale from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { setApiLanguage } from '../shared/api'
import { en } from './en'
import { translate } from './translate'
import { zhCN, type MessageKey, type Messages } from './zh-CN'

export type ConsoleLocale = 'zh-CN' | 'en'
export type { MessageKey }
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

const MESSAGES: Record<ConsoleLocale, Messages> = { 'zh-CN': zhCN, en }
const ANTD_LOCALES = { 'zh-CN': zhCNLocale, en: enUS }
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', en: 'en' }
const STORAGE_KEY = 'console.locale'

interface LocaleState {
  locale: ConsoleLocale
  setLocale: (locale: ConsoleLocale) => void
  t: Translate
}

const LocaleContext = createContext<LocaleState | undefined>(undefined)

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN
}

function storedLocale(): ConsoleLocale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
}

function applyLocale(locale: ConsoleLocale): void {
  dayjs.locale(DAYJS_LOCALES[locale])
  setApiLanguage(locale)
  document.documentElement.lang = locale
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<ConsoleLocale>(() => {
    const initial = storedLocale()
    applyLocale(initial)
    return initial
  })
  const setLocale = useCallback((next: ConsoleLocale) => {
    localStorage.setItem(STORAGE_KEY, next)
    applyLocale(next)
    setLocaleState(next)
  }, [])
  const value = useMemo<LocaleState>(() => {
    const messages = MESSAGES[locale]
    const t: Translate = (key, values) => translate(messages, key, values)
    return { locale, setLocale, t }
  }, [locale, setLocale])
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={ANTD_LOCALES[locale]}
        theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
        // A confirmation's sentence wraps instead of running past the window's edge (English is long).
        popconfirm={{ styles: { root: { maxWidth: 360 } } }}
      >
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  )
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext)
  if (!state) throw new Error('useLocale() outside LocaleProvider')
  return state
}

export function useT(): Translate {
  return useLocale().t
}
