/**
 * The API address the production builds were given: TARO_APP_API_BASE_URL from the environment,
 * else from .env.production (what `taro build` reads). The compiled bundles contain it, and the
 * browser and mini-program harnesses redirect requests for it to the server under test.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')

export function productionApiBaseUrl(): string {
  if (process.env.TARO_APP_API_BASE_URL) return process.env.TARO_APP_API_BASE_URL
  const envFile = readFileSync(path.join(ROOT, '.env.production'), 'utf8')
  const value = /^TARO_APP_API_BASE_URL="?([^"\n]+)"?/m.exec(envFile)?.[1]
  if (!value) throw new Error('.env.production has no TARO_APP_API_BASE_URL')
  return value
}

export const productionApiOrigin = (): string => new URL(productionApiBaseUrl()).origin
