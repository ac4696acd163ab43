import type { MessageKey, Messages } from './zh-CN'

/**
 * One language's text for `key`, with {name} placeholders filled from `values` (an unknown name
 * stays as written). A key the language lacks — a template key built from a value the server added
 * later, such as a new role or audit actor — shows as the key itself instead of throwing.
 */
export function translate(
  messages: Messages,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const text: string | undefined = messages[key]
  if (text === undefined) return key
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
