/**
 * Request budgets on the costly and secret-guarding routes, with @fastify/rate-limit. A route
 * opts in with `config: { limitedAction: '<action>' }`; each of its requests then counts twice:
 *  - against the action's budget for its buyer (the session's user), or for its client address
 *    when it has no buyer yet (logins, the web-view payment, which a ticket authorises);
 *  - against one budget for the client address across all limited routes.
 * Over either: 429 `rate_limited` with Retry-After (seconds until the window ends).
 *
 * Counters live in Redis with REDIS_URL, else in PostgreSQL when the database is PostgreSQL (so
 * several instances share them), else in memory (PGlite serves one process).
 *
 * When the counter store fails (Redis or the database unreachable) the request goes through and a
 * warning is logged: the budgets protect availability, and failing closed would turn a Redis
 * outage into a shop-wide outage of logins, orders and payments. Money stays safe either way (the
 * caps, state machine and stock checks are in SQL).
 */
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit'
import type { FastifyBaseLogger, FastifyRequest, preValidationAsyncHookHandler, RouteOptions } from 'fastify'
import { Redis } from 'ioredis'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { applyToWholeApp } from '../http/plugin-scope'
import { LIMITED_ACTIONS, RATE_WINDOW_MS, type LimitedAction, type RateLimits } from './config'
import { postgresCounterStore, redisCounterStore } from './counter-stores'

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-shadow -- augments Fastify's own interface
  interface FastifyContextConfig {
    /** Counts the route's requests against this action's budget (server/limits/rate-limit.ts). */
    limitedAction?: LimitedAction
  }
}

export interface RateLimitingOptions {
  db: Db
  limits: RateLimits
  [key: string]: unknown
}

/** Redis calls give up fast, so an unreachable Redis costs a request milliseconds, not seconds. */
const REDIS_OPTIONS = {
  connectTimeout: 2000,
  commandTimeout: 500,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
}
const STORE_WARNING_INTERVAL_MS = 10_000

/** Logs a failing store at most once per interval: during an outage every request would log. */
function throttledWarning(log: FastifyBaseLogger): (error: unknown) => void {
  let lastWarned = 0
  return (error) => {
    if (Date.now() - lastWarned < STORE_WARNING_INTERVAL_MS) return
    lastWarned = Date.now()
    log.warn(
      { err: error },
      'rate limits: the counter store failed; requests are let through unlimited until it answers again (check REDIS_URL / the database)',
    )
  }
}

interface Counters {
  options: Pick<RateLimitPluginOptions, 'store'>
  where: string
  close(): void
}

/** Resolves once Redis is connected, or after connectTimeout: then the budgets fail open until it is. */
function redisReady(redis: Redis): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, REDIS_OPTIONS.connectTimeout)
    redis.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

async function countersFor(
  db: Db,
  limits: RateLimits,
  log: FastifyBaseLogger,
  warn: (e: unknown) => void,
): Promise<Counters> {
  if (limits.redisUrl) {
    const redis = new Redis(limits.redisUrl, REDIS_OPTIONS)
    redis.on('error', warn)
    // Counts from the first request: before the connection is up, requests would pass uncounted.
    await redisReady(redis)
    return {
      options: { store: redisCounterStore(redis, limits.redisKeyPrefix) },
      where: 'Redis (REDIS_URL)',
      close: () => redis.disconnect(),
    }
  }
  if (db.kind === 'postgres') {
    return { options: { store: postgresCounterStore(db, log) }, where: 'PostgreSQL', close: () => undefined }
  }
  return { options: {}, where: 'memory (one process)', close: () => undefined }
}

/** Whose budget a request spends: its buyer's, or its address's before anyone logged in. */
const subjectOf = (request: FastifyRequest) =>
  request.buyer ? `buyer:${request.buyer.id}` : `address:${request.ip}`

export const rateLimiting = applyToWholeApp<RateLimitingOptions>('rate-limiting', async (app, options) => {
  const { db, limits } = options
  if (!limits.enabled) return
  const warn = throttledWarning(app.log)
  const counters = await countersFor(db, limits, app.log, warn)
  app.addHook('onClose', async () => counters.close())
  await app.register(rateLimit, { global: false, ...counters.options })
  app.log.debug(`rate limits: counters in ${counters.where}`)

  const addressLimiter = app.createRateLimit({
    max: limits.addressPerMinute,
    timeWindow: RATE_WINDOW_MS,
    keyGenerator: (request) => `address:${request.ip}`,
  })
  const actionLimiters = new Map(
    LIMITED_ACTIONS.map((action) => [
      action,
      app.createRateLimit({
        max: limits.perMinute[action],
        timeWindow: RATE_WINDOW_MS,
        keyGenerator: (request) => `${action}:${subjectOf(request)}`,
      }),
    ]),
  )

  function limiterFor(action: LimitedAction): preValidationAsyncHookHandler {
    const actionLimiter = actionLimiters.get(action)!
    return async (request, reply) => {
      let results
      try {
        results = await Promise.all([actionLimiter(request), addressLimiter(request)])
      } catch (error) {
        warn(error)
        return
      }
      const exceeded = results.flatMap((result) => (!result.isAllowed && result.isExceeded ? [result] : []))
      if (exceeded.length === 0) return
      const waitSeconds = Math.max(1, ...exceeded.map((result) => result.ttlInSeconds))
      const allowed = Math.min(...exceeded.map((result) => result.max))
      reply.header('retry-after', String(waitSeconds))
      throw new HttpError(
        429,
        'rate_limited',
        `Too many requests like this one (at most ${allowed} a minute). Wait ${waitSeconds} s, then try again.`,
      )
    }
  }

  // Runs before the route's own preValidation hooks and body checks, right after authentication
  // (onRequest), so the buyer is known and a refused request costs no validation.
  app.addHook('onRoute', (route: RouteOptions) => {
    const action = route.config?.limitedAction
    if (!action) return
    const own = route.preValidation ? [route.preValidation].flat() : []
    route.preValidation = [limiterFor(action), ...own]
  })
})
