/**
 * Limits that keep one buyer (or one client address) from exhausting the shop: caps on what a
 * buyer may hold unpaid, and request rates on the routes that cost the most or guard a secret.
 * Every value is read here, once, with its default; the rest of the server imports them.
 */
import { read, readSwitch, readWholeNumber, type Env } from '../config'

/** The routes with a request budget, each counted on its own. */
export const LIMITED_ACTIONS = [
  'login',
  'staffLogin',
  'createOrder',
  'openPayment',
  'createDeposit',
  'webviewTicket',
  'afterSales',
] as const
export type LimitedAction = (typeof LIMITED_ACTIONS)[number]

/** Every budget counts requests per fixed window of this length. */
export const RATE_WINDOW_MS = 60_000

/**
 * Per action: its variable, its default budget per minute, and whom it counts. Logins have no
 * buyer yet, so they count per client address; every other action counts per buyer.
 */
export const ACTION_BUDGETS: Record<LimitedAction, { variable: string; perMinute: number }> = {
  login: { variable: 'RATE_LIMIT_LOGIN_PER_MINUTE', perMinute: 30 },
  staffLogin: { variable: 'RATE_LIMIT_STAFF_LOGIN_PER_MINUTE', perMinute: 10 },
  createOrder: { variable: 'RATE_LIMIT_ORDERS_PER_MINUTE', perMinute: 20 },
  openPayment: { variable: 'RATE_LIMIT_PAYMENTS_PER_MINUTE', perMinute: 30 },
  createDeposit: { variable: 'RATE_LIMIT_DEPOSITS_PER_MINUTE', perMinute: 10 },
  webviewTicket: { variable: 'RATE_LIMIT_WEBVIEW_TICKETS_PER_MINUTE', perMinute: 20 },
  afterSales: { variable: 'RATE_LIMIT_AFTER_SALES_PER_MINUTE', perMinute: 10 },
}

/**
 * All limited requests from one client address together. High, because many buyers can share
 * one address (mobile carriers put whole neighbourhoods behind one NAT address).
 */
export const DEFAULT_ADDRESS_BUDGET_PER_MINUTE = 600

export const DEFAULT_MAX_UNPAID_ORDERS_PER_BUYER = 5
/**
 * Below the seeded catalog's typical stock (12–60), so one buyer cannot hold a whole SKU. It is
 * lower than QUANTITY_PER_LINE_MAX (contract/limits.ts) on purpose: a line above it is valid input
 * but over this buyer's budget, so it gets 409 unpaid_units_limit (not 400).
 */
export const DEFAULT_MAX_UNPAID_UNITS_PER_SKU = 20

const BUDGET_MAX = 1_000_000
const CAP_MAX = 1_000_000

export interface RateLimits {
  /** RATE_LIMIT: on by default; `0` or `false` turns every request budget off (not the caps). */
  enabled: boolean
  /** Requests per minute for each action (per buyer, or per address for logins). */
  perMinute: Record<LimitedAction, number>
  /** RATE_LIMIT_ADDRESS_PER_MINUTE: all limited requests from one client address. */
  addressPerMinute: number
  /** REDIS_URL: counters in Redis (shared by every instance); otherwise PostgreSQL or memory. */
  redisUrl?: string
  /** REDIS_KEY_PREFIX: the prefix of every counter key in Redis. Default `shop:rate:`. */
  redisKeyPrefix: string
}

export interface BuyerCaps {
  /** MAX_UNPAID_ORDERS_PER_BUYER: unpaid (unexpired) orders one buyer may hold. 0: no cap. */
  unpaidOrders: number
  /** MAX_UNPAID_UNITS_PER_SKU: units of one SKU across one buyer's unpaid orders. 0: no cap. */
  unpaidUnitsPerSku: number
}

export interface Limits {
  caps: BuyerCaps
  rate: RateLimits
}

function readRedisUrl(env: Env): string | undefined {
  const raw = read(env, 'REDIS_URL')
  if (raw === undefined) return undefined
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) {
    throw new Error(
      `REDIS_URL must be a redis:// or rediss:// URL (got "${raw}"). Example: REDIS_URL=redis://127.0.0.1:6379, or leave it unset to keep rate-limit counters in PostgreSQL (or memory with PGlite).`,
    )
  }
  return raw
}

export function readLimits(env: Env): Limits {
  const perMinute = Object.fromEntries(
    Object.entries(ACTION_BUDGETS).map(([action, { variable, perMinute: fallback }]) => [
      action,
      readWholeNumber(env, variable, fallback, 1, BUDGET_MAX),
    ]),
  ) as Record<LimitedAction, number>
  return {
    caps: {
      unpaidOrders: readWholeNumber(
        env,
        'MAX_UNPAID_ORDERS_PER_BUYER',
        DEFAULT_MAX_UNPAID_ORDERS_PER_BUYER,
        0,
        CAP_MAX,
      ),
      unpaidUnitsPerSku: readWholeNumber(
        env,
        'MAX_UNPAID_UNITS_PER_SKU',
        DEFAULT_MAX_UNPAID_UNITS_PER_SKU,
        0,
        CAP_MAX,
      ),
    },
    rate: {
      enabled: readSwitch(env, 'RATE_LIMIT', true),
      perMinute,
      addressPerMinute: readWholeNumber(
        env,
        'RATE_LIMIT_ADDRESS_PER_MINUTE',
        DEFAULT_ADDRESS_BUDGET_PER_MINUTE,
        1,
        BUDGET_MAX,
      ),
      redisUrl: readRedisUrl(env),
      redisKeyPrefix: read(env, 'REDIS_KEY_PREFIX') ?? 'shop:rate:',
    },
  }
}

/**
 * Limits for test servers: still ON, but wide enough for suites where one buyer places dozens of
 * orders and logs in often from one address. server/tests/abuse-*.test.ts set tight ones.
 */
export function generousLimits(limits: Limits): Limits {
  const wide = 100_000
  return {
    caps: { unpaidOrders: 1000, unpaidUnitsPerSku: wide },
    rate: {
      ...limits.rate,
      perMinute: Object.fromEntries(LIMITED_ACTIONS.map((action) => [action, wide])) as Record<
        LimitedAction,
        number
      >,
      addressPerMinute: wide,
    },
  }
}
