/**
 * Server throughput at 32 concurrent connections, per database, each HTTP figure next to the same
 * server function called directly on the same database in this process:
 *  - POST /api/orders (validation, session, one transaction, the order read back, logging)
 *    vs createOrder() — the transaction alone. Order creation does not call Alipay;
 *  - POST /api/orders/:id/payment (alipay.trade.create through alipay-sdk: request signed,
 *    simulator verifies and signs, SDK verifies) vs openTrade() — the same SDK call and rows.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createOrder } from '../../server/orders/create'
import { openTrade } from '../../server/payments/open-trade'
import { BENCH_ORDER, startBenchServer, type BenchServer } from './bench-server'
import { runForJson } from './child-json'
import { runDirectLoad, type LoadResult } from './direct-load'
import { LIMITER_COST_BUDGET, measureLimiterCost, type LimiterCost } from './limiter-cost'

export const CONNECTIONS = 32
const WARMUP_SECONDS = 2
const DURATION_SECONDS = 10
/** Orders opened for payment per side (HTTP, direct); warm-up included. */
const PAYMENT_ORDERS = 400

export interface LoadPair {
  what: string
  http: LoadResult
  direct: LoadResult
}

type Progress = (line: string) => void

export interface DatabaseLoad {
  database: 'PGlite' | 'PostgreSQL'
  pairs: LoadPair[]
  limiter: LimiterCost
}

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined }

const summary = (side: string, result: LoadResult) =>
  `  ${side}: ${Math.round(result.perSecond)}/s, p50 ${Math.round(result.latencyMs.p50)} ms, p99 ${Math.round(result.latencyMs.p99)} ms${result.failed ? `, ${result.failed} failed` : ''}`

interface LoadClientResult {
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: unknown
  seconds: number
  perSecond: number
  latencyMs: LoadResult['latencyMs']
}

export async function runLoadClient(spec: Record<string, unknown>): Promise<LoadResult> {
  const result = await runForJson<LoadClientResult>('load client', [
    path.join(__dirname, 'load-client.mjs'),
    JSON.stringify(spec),
  ])
  const failed = result.non2xx + result.errors + result.timeouts
  return {
    ok: result.ok,
    failed,
    seconds: result.seconds,
    perSecond: result.perSecond,
    latencyMs: result.latencyMs,
    firstError: failed
      ? `status codes ${JSON.stringify(result.statusCodes)}, ${result.errors} errors, ${result.timeouts} timeouts`
      : undefined,
  }
}

/** Orders made directly (not over HTTP) expire as the server's would. */
const orderTtlMinutes = (server: BenchServer) => server.config.orderTtlMinutes

export const authHeaders = (server: BenchServer) => ({
  authorization: `Bearer ${server.token}`,
  'content-type': 'application/json',
})

async function measureOrders(server: BenchServer, stamp: string, progress: Progress): Promise<LoadPair> {
  const http = await runLoadClient({
    url: `${server.baseUrl}/api/orders`,
    method: 'POST',
    headers: authHeaders(server),
    body: BENCH_ORDER,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    durationSeconds: DURATION_SECONDS,
    idempotencyKeyPrefix: `bench-http-${stamp}`,
  })
  progress(summary('HTTP', http))
  const ttlMinutes = orderTtlMinutes(server)
  const direct = await runDirectLoad(
    (n) =>
      createOrder(server.db, {
        userId: server.buyer.id,
        idempotencyKey: `bench-direct-${stamp}-${n}`,
        request: BENCH_ORDER,
        ttlMinutes,
      }),
    { workers: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, durationSeconds: DURATION_SECONDS },
  )
  progress(summary('direct createOrder()', direct))
  return { what: 'create order', http, direct }
}

async function newOrders(server: BenchServer, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = []
  const ttlMinutes = orderTtlMinutes(server)
  for (let start = 0; start < count; start += CONNECTIONS) {
    const batch = Array.from({ length: Math.min(CONNECTIONS, count - start) }, (_, i) =>
      createOrder(server.db, {
        userId: server.buyer.id,
        idempotencyKey: `${prefix}-${start + i}`,
        request: BENCH_ORDER,
        ttlMinutes,
      }),
    )
    ids.push(...(await Promise.all(batch)).map((created) => created.orderId))
  }
  return ids
}

async function measurePayments(server: BenchServer, stamp: string, progress: Progress): Promise<LoadPair> {
  // Both sides warm up on the same number of orders.
  const warmupCalls = Math.min(CONNECTIONS * 4, Math.floor(PAYMENT_ORDERS / 5))
  const httpOrders = await newOrders(server, PAYMENT_ORDERS, `bench-pay-http-${stamp}`)
  const http = await runLoadClient({
    url: `${server.baseUrl}/api/orders`,
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    connections: CONNECTIONS,
    paths: httpOrders.map((id) => `/api/orders/${id}/payment`),
    warmupRequests: warmupCalls,
  })
  progress(summary('HTTP', http))
  const directOrders = await newOrders(server, PAYMENT_ORDERS, `bench-pay-direct-${stamp}`)
  const deps = {
    db: server.db,
    alipay: server.alipay.client,
    settings: server.config.alipay.payments,
    log: silentLog,
  }
  const direct = await runDirectLoad(
    (n) =>
      openTrade(deps, {
        orderId: directOrders[n],
        buyer: server.buyer,
        notifyUrl: `${server.baseUrl}/api/alipay/notify`,
      }),
    { workers: CONNECTIONS, warmupSeconds: 0, warmupCalls, calls: PAYMENT_ORDERS - warmupCalls },
  )
  progress(summary('direct openTrade()', direct))
  return { what: 'open payment (alipay.trade.create via SDK)', http, direct }
}

export async function measureServerLoad(
  database: DatabaseLoad['database'],
  databaseUrl: string | undefined,
  progress: Progress,
): Promise<DatabaseLoad> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shop-bench-'))
  const stamp = Date.now().toString(36)
  progress(`${database}: starting the server (migrations, seed, login)…`)
  const server = await startBenchServer({ dataDir, databaseUrl })
  try {
    progress(`${database}: POST /api/orders, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each side…`)
    const orders = await measureOrders(server, stamp, progress)
    progress(`${database}: POST /api/orders/:id/payment, ${PAYMENT_ORDERS} orders each side…`)
    const payments = await measurePayments(server, stamp, progress)
    progress(`${database}: POST /api/orders with rate limits off vs on, in turns…`)
    const limiter = await measureLimiterCost(server, stamp, progress)
    progress(`  off ÷ on: ${limiter.ratio.toFixed(3)} (budget ≤ ${LIMITER_COST_BUDGET})`)
    return { database, pairs: [orders, payments], limiter }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
