/**
 * Build-time configuration, checked once at start-up. Taro inlines `process.env.TARO_APP_*`
 * from `.env.<mode>` at build time, so it must be read with the full literal name below.
 */
export type ConfigProblem = { key: 'config.missingApi' } | { key: 'config.badApi'; value: string }

export type AppConfigResult =
  | { ok: true; apiBaseUrl: string; warning?: { key: 'config.insecureApi'; value: string } }
  | { ok: false; problem: ConfigProblem }

/**
 * A release build may still point at a development server (e.g. to run the bundle against a
 * local server), so plain http or localhost only earns a warning then.
 */
export function parseApiBaseUrl(raw: string | undefined, release = false): AppConfigResult {
  const value = (raw ?? '').trim()
  if (!value) return { ok: false, problem: { key: 'config.missingApi' } }
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value)) {
    return { ok: false, problem: { key: 'config.badApi', value } }
  }
  const apiBaseUrl = value.replace(/\/+$/, '')
  const insecure = /^http:|\/\/(localhost|127\.|\[::1\])/i.test(apiBaseUrl)
  return release && insecure
    ? { ok: true, apiBaseUrl, warning: { key: 'config.insecureApi', value } }
    : { ok: true, apiBaseUrl }
}

export const appConfig: AppConfigResult = parseApiBaseUrl(
  process.env.TARO_APP_API_BASE_URL,
  process.env.NODE_ENV === 'production',
)
