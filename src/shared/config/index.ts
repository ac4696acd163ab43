/**
 * Build-time configuration, checked once at start-up. Taro inlines `process.env.TARO_APP_*`
 * from `.env.<mode>` at build time, so it must be read with the full literal name below.
 */
export type ConfigProblem = { key: 'config.missingApi' } | { key: 'config.badApi'; value: string }

export type AppConfigResult = { ok: true; apiBaseUrl: string } | { ok: false; problem: ConfigProblem }

export function parseApiBaseUrl(raw: string | undefined): AppConfigResult {
  const value = (raw ?? '').trim()
  if (!value) return { ok: false, problem: { key: 'config.missingApi' } }
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value)) {
    return { ok: false, problem: { key: 'config.badApi', value } }
  }
  return { ok: true, apiBaseUrl: value.replace(/\/+$/, '') }
}

export const appConfig: AppConfigResult = parseApiBaseUrl(process.env.TARO_APP_API_BASE_URL)
