import type { Locale } from '../../shop.config'
import { en } from './en'
import { zhCN, type MessageKey } from './zh-CN'

type Dictionary = Partial<Record<MessageKey, string>>

/** The main package's texts from the start; each subpackage adds its own when it loads. */
const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': { ...zhCN }, en: { ...en } }

/** Adds texts to every locale (subpackage-texts.ts adds the subpackage pages'). */
export function addMessages(more: Record<Locale, Dictionary>): void {
  for (const locale of Object.keys(more) as Locale[]) Object.assign(dictionaries[locale], more[locale])
}

export type MessageParams = Record<string, string | number>

/**
 * Looks a key up in a locale and fills `{name}` placeholders. A key whose texts were never added
 * (a subpackage page that did not add its texts) shows as itself, so the mistake is visible.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
