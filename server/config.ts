/**
 * Server configuration, read once from the environment. Every problem is reported as an Error
 * that names the variable and says what to set, so a misconfigured start fails loudly and early.
 */
import path from 'node:path'
import { readAlipaySettings, type AlipaySettings } from './alipay/settings'
import { readHttpSettings, type HttpSettings } from './http/http-settings'
import { isProduction, readMode, type Mode } from './mode'
import { readLimits, type Limits } from './limits/config'
import { readMessageSettings, type MessageSettings } from './messages/settings'
import { readOutboxSettings, type OutboxSettings } from './outbox/settings'

export interface ServerConfig {
  /** NODE_ENV, case-insensitive (server/mode.ts): development (default), production or test. */
  mode: Mode
  port: number
  /** HOST: the address to listen on. Default 127.0.0.1 in development, 0.0.0.0 in production. */
  host: string
  /** Directory for local state (the embedded PGlite database lives in `${dataDir}/pglite`). */
  dataDir: string
  /** When set, PostgreSQL via `pg`; otherwise embedded PGlite. */
  databaseUrl?: string
  logLevel: LogLevel
  /**
   * Absolute base URL for links the API returns (images, notify_url, the web-view checkout).
   * Required in production; otherwise http://HOST:PORT (127.0.0.1 for a wildcard HOST), never a
   * request header (server/http/public-urls.ts).
   */
  publicUrl?: string
  /** Value for Access-Control-Allow-Origin: `*`, one origin, or a comma-separated list. */
  corsOrigin: string | string[]
  /** ORDER_TTL_MINUTES: an unpaid order closes (and its stock returns) after this. Default 15. */
  orderTtlMinutes: number
  /** ORDER_EXPIRY_SWEEP_SECONDS: how often expired orders are swept. Default 30. */
  orderExpirySweepSeconds: number
  /** AUTO_RECEIVE_DAYS: a shipped order counts as received this many days after shipping. Default 10. */
  autoReceiveDays: number
  /** AFTER_SALES_DAYS: a received order completes this many days later if nothing is open. Default 7. */
  afterSalesDays: number
  /**
   * AFTER_SALES_AUTO_APPROVE: a refund-only request on an order not yet shipped is approved (and
   * refunded) at once, without staff. Default on; `0` or `false` turns it off.
   */
  afterSalesAutoApprove: boolean
  /** SESSION_TTL_SECONDS: how long a login lasts. Default 7 days. */
  sessionTtlSeconds: number
  /** STAFF_SESSION_TTL_SECONDS: how long a staff login (merchant API) lasts. Default 12 hours. */
  staffSessionTtlSeconds: number
  /** SHOP_TIME_ZONE: the IANA zone the shop's days are cut in (dashboard, date filters). Default Asia/Shanghai. */
  shopTimeZone: string
  /** ALIPAY_* (see server/alipay/settings.ts). Unset: the in-process simulator (development). */
  alipay: AlipaySettings
  /** HTTP_* timeouts and connection cap, API_DOCS, production error detail (server/http/http-settings.ts). */
  http: HttpSettings
  /** Per-buyer caps on unpaid orders and request budgets (MAX_UNPAID_*, RATE_LIMIT_*, REDIS_URL): server/limits/config.ts. */
  limits: Limits
  /** ALIPAY_TEMPLATE_* subscription-message templates (server/messages/settings.ts). */
  messages: MessageSettings
  /** ALIPAY_ORDER_SYNC and the outbox worker's OUTBOX_* timings (server/outbox/settings.ts). */
  outbox: OutboxSettings
}

const DEFAULT_ORDER_TTL_MINUTES = 15
const DEFAULT_ORDER_EXPIRY_SWEEP_SECONDS = 30
const DEFAULT_AUTO_RECEIVE_DAYS = 10
const DEFAULT_AFTER_SALES_DAYS = 7
const DEFAULT_SESSION_TTL_SECONDS = 7 * 24 * 3600
const DEFAULT_STAFF_SESSION_TTL_SECONDS = 12 * 3600
const DEFAULT_SHOP_TIME_ZONE = 'Asia/Shanghai'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export type Env = Record<string, string | undefined>

/** Treats unset and blank values alike, so `PORT=` in a .env file means "use the default". */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

function readPort(env: Env): number {
  const raw = read(env, 'PORT')
  if (raw === undefined) return 3000
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new Error(
      `PORT must be an integer between 1 and 65535 (got "${raw}"). Set PORT=3000 or another free port.`,
    )
  }
  return port
}

function readUrl(env: Env, name: string, protocols: string[], example: string): string | undefined {
  const raw = read(env, name)
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${name} must be an absolute URL (got "${raw}"). Example: ${name}=${example}`)
  }
  if (!protocols.includes(url.protocol)) {
    throw new Error(
      `${name} must use ${protocols.join(' or ')} (got "${url.protocol}"). Example: ${name}=${example}`,
    )
  }
  return raw
}

function readLogLevel(env: Env): LogLevel {
  const raw = read(env, 'LOG_LEVEL') ?? 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}").`)
  }
  return raw as LogLevel
}

function readCorsOrigin(env: Env): string | string[] {
  const raw = read(env, 'CORS_ORIGIN') ?? '*'
  if (raw === '*') return raw
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(
        `CORS_ORIGIN must be "*" or comma-separated origins like https://shop.example.com (got "${origin}").`,
      )
    }
  }
  return origins.length === 1 ? origins[0] : origins
}

export function readWholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(
      `${name} must be a whole number from ${min} to ${max} (got "${raw}"). Default: ${name}=${fallback}.`,
    )
  }
  return value
}

export function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase()
  if (raw === undefined) return fallback
  if (raw === '1' || raw === 'true') return true
  if (raw === '0' || raw === 'false') return false
  throw new Error(
    `${name} must be 1, true, 0 or false (got "${raw}"). Default: ${name}=${fallback ? 'true' : 'false'}.`,
  )
}

function readShopTimeZone(env: Env): string {
  const raw = read(env, 'SHOP_TIME_ZONE') ?? DEFAULT_SHOP_TIME_ZONE
  try {
    // Throws a RangeError for a zone the IANA database does not know; spells a known one canonically.
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone
  } catch {
    throw new Error(
      `SHOP_TIME_ZONE must be an IANA time zone such as Asia/Shanghai or Europe/Paris (got "${raw}").`,
    )
  }
}

function readPublicUrl(env: Env): string | undefined {
  const publicUrl = readUrl(env, 'PUBLIC_URL', ['http:', 'https:'], 'https://api.example.com')
  // Without it, URLs point at this machine's own address (public-urls.ts): wrong behind a proxy.
  if (publicUrl === undefined && isProduction(env)) {
    throw new Error(
      'PUBLIC_URL must be set in production, e.g. PUBLIC_URL=https://api.example.com (the URL clients use to reach this server).',
    )
  }
  return publicUrl
}

export function loadConfig(env: Env = process.env): ServerConfig {
  const mode = readMode(env)
  const publicUrl = readPublicUrl(env)
  const alipay = readAlipaySettings(env)
  return {
    mode,
    port: readPort(env),
    // Development serves the payment simulator: only this machine reaches it unless HOST says so.
    host: read(env, 'HOST') ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? '.data'),
    databaseUrl: readUrl(
      env,
      'DATABASE_URL',
      ['postgres:', 'postgresql:'],
      'postgres://user:pass@localhost:5432/shop',
    ),
    logLevel: readLogLevel(env),
    // Stored without a trailing slash so `${publicUrl}/images/x.png` is always well-formed.
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    corsOrigin: readCorsOrigin(env),
    orderTtlMinutes: readWholeNumber(env, 'ORDER_TTL_MINUTES', DEFAULT_ORDER_TTL_MINUTES, 1, 1440),
    orderExpirySweepSeconds: readWholeNumber(
      env,
      'ORDER_EXPIRY_SWEEP_SECONDS',
      DEFAULT_ORDER_EXPIRY_SWEEP_SECONDS,
      1,
      3600,
    ),
    autoReceiveDays: readWholeNumber(env, 'AUTO_RECEIVE_DAYS', DEFAULT_AUTO_RECEIVE_DAYS, 1, 90),
    afterSalesDays: readWholeNumber(env, 'AFTER_SALES_DAYS', DEFAULT_AFTER_SALES_DAYS, 0, 90),
    afterSalesAutoApprove: readSwitch(env, 'AFTER_SALES_AUTO_APPROVE', true),
    sessionTtlSeconds: readWholeNumber(
      env,
      'SESSION_TTL_SECONDS',
      DEFAULT_SESSION_TTL_SECONDS,
      1,
      365 * 24 * 3600,
    ),
    staffSessionTtlSeconds: readWholeNumber(
      env,
      'STAFF_SESSION_TTL_SECONDS',
      DEFAULT_STAFF_SESSION_TTL_SECONDS,
      60,
      7 * 24 * 3600,
    ),
    shopTimeZone: readShopTimeZone(env),
    alipay,
    http: readHttpSettings(env),
    limits: readLimits(env),
    messages: readMessageSettings(env, { simulated: alipay.credentials === undefined }),
    outbox: readOutboxSettings(env, alipay.payments.simulated),
  }
}
