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

/**
 * One statement for all the hits of one turn of the event loop (a request counts two keys, and
 * concurrent requests arrive together): one pool connection instead of one per hit. Keys are
 * sorted, so concurrent statements lock their rows in one order and cannot deadlock; a key hit n
 * times adds n at once (a row may be updated only once per statement).
 */
const HITS_SQL = `
  insert into rate_limit_counters as c (key, hits, window_ends_at)
  select batch.key, batch.n, now() + make_interval(secs => $3::double precision / 1000)
    from unnest($1::text[], $2::int[]) as batch(key, n)
  on conflict (key) do update set
    hits = case when c.window_ends_at <= now() then excluded.hits else c.hits + excluded.hits end,
    window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at
                          else c.window_ends_at end
  returning key, hits,
            -- now() is this transaction's start: a window another instance opened a moment later
            -- would otherwise look a few ms longer than the window (Retry-After 61 of 60).
            least($3::double precision,
                  greatest(0, ceil(extract(epoch from window_ends_at - now()) * 1000)))::int as ttl`

interface PendingHit {
  key: string
  resolve(hit: Hit): void
  reject(error: unknown): void
}

export function postgresCounterStore(db: Queryable, log: FastifyBaseLogger): FastifyRateLimitStoreCtor {
  let lastCleanup = Date.now()
  const deleteFinishedWindows = () => {
    lastCleanup = Date.now()
    db.query('delete from rate_limit_counters where window_ends_at < now()').catch((error: unknown) =>
      log.warn({ err: error }, 'rate limits: deleting finished counter windows failed (retried later)'),
    )
  }
  const pendingByWindow = new Map<number, PendingHit[]>()

  async function flush(windowMs: number, pending: PendingHit[]): Promise<void> {
    const counts = new Map<string, number>()
    for (const { key } of pending) counts.set(key, (counts.get(key) ?? 0) + 1)
    const keys = [...counts.keys()].sort()
    try {
      const rows = await db.query<{ key: string; hits: number; ttl: number }>(HITS_SQL, [
        keys,
        keys.map((key) => counts.get(key)),
        windowMs,
      ])
      const byKey = new Map(rows.map((row) => [row.key, row]))
      // The hits of one key in this batch get consecutive counts, ending at the stored total.
      const handedOut = new Map<string, number>()
      for (const hit of pending) {
        const row = byKey.get(hit.key)!
        const earlier = handedOut.get(hit.key) ?? 0
        handedOut.set(hit.key, earlier + 1)
        hit.resolve({ current: row.hits - counts.get(hit.key)! + earlier + 1, ttl: row.ttl })
      }
    } catch (error) {
      for (const hit of pending) hit.reject(error)
    }
  }

  return storeClass((key, windowMs) => {
    if (Date.now() - lastCleanup > RATE_WINDOW_MS) deleteFinishedWindows()
    return new Promise<Hit>((resolve, reject) => {
      const pending = pendingByWindow.get(windowMs)
      if (pending) return void pending.push({ key, resolve, reject })
      pendingByWindow.set(windowMs, [{ key, resolve, reject }])
      setImmediate(() => {
        const batch = pendingByWindow.get(windowMs) ?? []
        pendingByWindow.delete(windowMs)
        void flush(windowMs, batch)
      })
    })
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
