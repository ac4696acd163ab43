/**
 * Where the rate limits keep their counters, as stores for @fastify/rate-limit. Each counts hits
 * per key in a fixed window; the first hit of a key opens its window.
 *  - PostgreSQL (several instances may share the database): one atomic upsert per hit on
 *    rate_limit_counters (migration 011), timed by the database's clock, so every instance sees
 *    one counter and one window.
 *  - Redis (REDIS_URL): INCR and PEXPIRE in one Lua script, atomic on the Redis server.
 * With neither (PGlite: one process by construction), the plugin's own in-memory store is used.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Redis } from 'ioredis'
import type { Queryable } from '../db/types'
import { RATE_WINDOW_MS } from './config'

export interface Hit {
  current: number
  /** Milliseconds until the key's window ends. */
  ttl: number
}

type IncrCallback = (error: Error | null, result?: Hit) => void

/** Adapts a promise-returning counter to the store interface @fastify/rate-limit calls. */
function storeClass(hit: (key: string, windowMs: number) => Promise<Hit>): FastifyRateLimitStoreCtor {
  class CounterStore implements FastifyRateLimitStore {
    incr(key: string, callback: IncrCallback, windowMs: number = RATE_WINDOW_MS): void {
      hit(key, windowMs).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    }
    // Keys already name their action (rate-limit.ts), so every route shares one store.
    child(): FastifyRateLimitStore {
      return this
    }
  }
  return CounterStore
}

const HIT_SQL = `
  insert into rate_limit_counters as c (key, hits, window_ends_at)
  values ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
  on conflict (key) do update set
    hits = case when c.window_ends_at <= now() then 1 else c.hits + 1 end,
    window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at
                          else c.window_ends_at end
  returning hits as current,
            greatest(0, ceil(extract(epoch from window_ends_at - now()) * 1000))::int as ttl`

export function postgresCounterStore(db: Queryable, log: FastifyBaseLogger): FastifyRateLimitStoreCtor {
  let lastCleanup = Date.now()
  const deleteFinishedWindows = () => {
    lastCleanup = Date.now()
    db.query('delete from rate_limit_counters where window_ends_at < now()').catch((error: unknown) =>
      log.warn({ err: error }, 'rate limits: deleting finished counter windows failed (retried later)'),
    )
  }
  return storeClass(async (key, windowMs) => {
    if (Date.now() - lastCleanup > RATE_WINDOW_MS) deleteFinishedWindows()
    const [row] = await db.query<Hit>(HIT_SQL, [key, windowMs])
    return row
  })
}

const HIT_LUA = `
  local current = redis.call('INCR', KEYS[1])
  if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  return {current, ttl}`

export function redisCounterStore(redis: Redis, keyPrefix: string): FastifyRateLimitStoreCtor {
  return storeClass(async (key, windowMs) => {
    const [current, ttl] = (await redis.eval(HIT_LUA, 1, keyPrefix + key, windowMs)) as [number, number]
    return { current, ttl }
  })
}
