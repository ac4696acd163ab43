/**
 * What the request budgets (server/limits/rate-limit.ts) cost order creation: POST /api/orders
 * on two apps over the same database, identical but for RATE_LIMIT=0 on one, measured in turns
 * off, on, on, off (and again), so a machine or database that slows down during the run
 * penalises both alike. The
 * budgets are wide (BENCH_LIMITS_ENV), so no request is refused: the figure is the counting itself
 * (two counter upserts per order on PostgreSQL, two memory lookups with PGlite). Issue 14 asks
 * for at most 10% less throughput with the limiter on.
 */
import { BENCH_ORDER, startTwinApp, type BenchServer } from './bench-server'
import type { LoadResult } from './direct-load'
import { authHeaders, CONNECTIONS, runLoadClient } from './server-load'

const TURNS = 2
const WARMUP_SECONDS = 1
const TURN_SECONDS = 4
/** Throughput off ÷ on: the budget from issue 14. */
export const LIMITER_COST_BUDGET = 1.1

export interface LimiterCost {
  off: LoadResult[]
  on: LoadResult[]
  offPerSecond: number
  onPerSecond: number
  /** Throughput without the limiter ÷ with it: 1.10 means 10% fewer orders per second. */
  ratio: number
}

const total = (results: LoadResult[]) => results.reduce((sum, result) => sum + result.ok, 0)
const elapsed = (results: LoadResult[]) => results.reduce((sum, result) => sum + result.seconds, 0)

export async function measureLimiterCost(
  server: BenchServer,
  stamp: string,
  progress: (line: string) => void,
): Promise<LimiterCost> {
  const apps = {
    off: await startTwinApp(server, { RATE_LIMIT: '0' }),
    on: await startTwinApp(server, {}),
  }
  const results: { off: LoadResult[]; on: LoadResult[] } = { off: [], on: [] }
  try {
    for (let turn = 1; turn <= TURNS; turn++) {
      for (const side of turn % 2
        ? (['off', 'on', 'on', 'off'] as const)
        : (['on', 'off', 'off', 'on'] as const)) {
        const result = await runLoadClient({
          url: `${apps[side].baseUrl}/api/orders`,
          method: 'POST',
          headers: authHeaders(server),
          body: BENCH_ORDER,
          connections: CONNECTIONS,
          warmupSeconds: WARMUP_SECONDS,
          durationSeconds: TURN_SECONDS,
          idempotencyKeyPrefix: `bench-limiter-${side}-${turn}-${results[side].length}-${stamp}`,
        })
        if (result.failed) throw new Error(`limiter ${side}, round ${turn}: ${result.firstError}`)
        results[side].push(result)
        progress(`  limiter ${side}, round ${turn}/${TURNS}: ${Math.round(result.perSecond)}/s`)
      }
    }
  } finally {
    await apps.off.close()
    await apps.on.close()
  }
  const offPerSecond = total(results.off) / elapsed(results.off)
  const onPerSecond = total(results.on) / elapsed(results.on)
  return { ...results, offPerSecond, onPerSecond, ratio: offPerSecond / onPerSecond }
}
