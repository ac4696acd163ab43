import type { Locale } from '../../shop.config'
import { en } from './en'
import { zhCN, type MessageKey, type Messages } from './zh-CN'

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export type MessageParams = Record<string, string | number>

/** Looks a key up in a locale and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key] ?? zhCN[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
