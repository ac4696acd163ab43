/**
 * The reference server as server/main.ts assembles it — config from environment-style values,
 * migrations, seeded catalog, the official alipay-sdk against the simulator mounted in-process,
 * request logging at `info` (written to /dev/null, so its cost is paid but the terminal stays
 * readable) — on a free loopback port, with a database chosen by the benchmark. The buyer logs in
 * through the real flow (simulator auth code → POST /api/session).
 */
import type { FastifyInstance } from 'fastify'
import { createWriteStream } from 'node:fs'
import { freePort } from '../../server/testing/free-port'
import { setUpAlipay, type AlipaySetup } from '../../server/alipay/setup'
import { buildApp } from '../../server/app'
import { seedCatalog } from '../../server/catalog/seed'
import { loadConfig, type Env, type ServerConfig } from '../../server/config'
import { migrate, openDatabase } from '../../server/db'
import type { Db } from '../../server/db/types'
import { findSession, type BuyerRecord } from '../../server/session/repository'
import { BENCH_ORDER } from './bench-order'

export { BENCH_ORDER }

const ENDLESS_STOCK = 1_000_000_000

/**
 * The benchmark's one buyer places thousands of orders from one address within minutes: the
 * request budgets stay ON (their cost is part of what is measured) but wide enough never to
 * answer 429, and the per-buyer caps are off (0), or the buyer could hold only 5 unpaid orders.
 */
export const BENCH_LIMITS_ENV = {
  MAX_UNPAID_ORDERS_PER_BUYER: '0',
  MAX_UNPAID_UNITS_PER_SKU: '0',
  RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
  RATE_LIMIT_ORDERS_PER_MINUTE: '1000000',
  RATE_LIMIT_PAYMENTS_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
}

export interface BenchServer {
  app: FastifyInstance
  db: Db
  config: ServerConfig
  alipay: AlipaySetup
  baseUrl: string
  token: string
  buyer: BuyerRecord
  close(): Promise<void>
}

async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${url} → ${response.status} ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

/** What the soak (scripts/soak) changes: more settings, and the sweeper main.ts runs. */
export interface BenchServerOptions {
  /** Further environment-style settings, e.g. ORDER_EXPIRY_SWEEP_SECONDS. */
  env?: Env
  /** Runs the expiry sweeper (and the payment reconciler after each sweep) at this interval. */
  expirySweepMs?: number
}

/**
 * `database`: DATA_DIR for PGlite, or DATABASE_URL for PostgreSQL, exactly as main.ts reads them.
 * `logTo`: where the JSON request log goes (pass a stream to see what the server did).
 */
export async function startBenchServer(
  database: { dataDir: string; databaseUrl?: string },
  logTo: NodeJS.WritableStream = createWriteStream('/dev/null'),
  options: BenchServerOptions = {},
): Promise<BenchServer> {
  const port = await freePort()
  const config = loadConfig({
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl,
    LOG_LEVEL: 'info',
    ...BENCH_LIMITS_ENV,
  })
  if (!config.alipay) throw new Error('no Alipay settings: the benchmark needs the in-process simulator')
  const alipay = setUpAlipay(config.alipay, config)
  const db = await openDatabase(config)
  try {
    await migrate(db)
    await seedCatalog(db)
    // The benchmark must measure orders, not "out of stock" answers.
    await db.query('update skus set stock = $2 where id = any($1::text[])', [
      BENCH_ORDER.lines.map((line) => line.skuId),
      ENDLESS_STOCK,
    ])
    const app = await buildApp({
      db,
      config,
      alipay,
      logger: { stream: logTo },
      expirySweepMs: options.expirySweepMs,
    })
    await app.listen({ port, host: '127.0.0.1' })
    const baseUrl = `http://127.0.0.1:${port}`
    const { authCode } = await postJson<{ authCode: string }>(`${baseUrl}/alipay-sim/auth-codes`, {})
    const { token } = await postJson<{ token: string }>(`${baseUrl}/api/session`, { authCode })
    const session = await findSession(db, token)
    if (session.status !== 'valid') throw new Error('the session just created is not valid')
    return {
      app,
      db,
      config,
      alipay,
      baseUrl,
      token,
      buyer: session.buyer,
      async close() {
        await app.close()
        await db.close()
        logTo.end()
      },
    }
  } catch (error) {
    await db.close()
    logTo.end()
    throw error
  }
}

/**
 * Another app on the same database (so the same buyer and token work), built as the first but
 * with `env` added to its configuration; the caller closes it.
 */
export async function startTwinApp(
  server: BenchServer,
  env: Record<string, string>,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const port = await freePort()
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: server.config.dataDir,
    DATABASE_URL: server.config.databaseUrl,
    LOG_LEVEL: 'info',
    ...BENCH_LIMITS_ENV,
    ...env,
  })
  const app = await buildApp({
    db: server.db,
    config,
    alipay: server.alipay,
    logger: { stream: createWriteStream('/dev/null') },
  })
  await app.listen({ port, host: '127.0.0.1' })
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() }
}
