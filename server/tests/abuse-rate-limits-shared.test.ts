/**
 * Issue 14 #2: with several instances, a budget is one budget. Two app instances on one
 * PostgreSQL share the counters in rate_limit_counters (migration 011); two instances with
 * REDIS_URL share them in Redis (on PGlite, where each would otherwise count in its own memory). Once the first instance
 * spent the budget, the second answers 429.
 *
 * PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). Redis:
 * TEST_REDIS_URL (default redis://127.0.0.1:6379). A missing server skips its suite with a loud
 * warning, as for PostgreSQL everywhere else.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/types'
import { buildTestApp } from '../testing/app'
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  isPostgresReachable,
  TEST_DATABASE_URL,
  withoutPassword,
  type PostgresTestDatabase,
  type TestDatabase,
} from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { expectRateLimited, limitedRequest, tightLimits } from './abuse-rate-limit-helpers'

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const BUDGET = 3

/** Synchronous, like isPostgresReachable: jest declares suites synchronously. */
function isRedisReachable(url: string): boolean {
  const script = `
    const { Redis } = require(${JSON.stringify(require.resolve('ioredis'))})
    const redis = new Redis(process.env.PROBE_URL, { connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null })
    redis.on('error', () => {})
    redis.ping().then(() => process.exit(0), () => process.exit(1))`
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, PROBE_URL: url },
    timeout: 4000,
    stdio: 'ignore',
  })
  return result.status === 0
}

/** Spends the login budget of one address on `first`, then asks `second`. */
async function expectOneBudget(first: FastifyInstance, second: FastifyInstance): Promise<void> {
  const address = `10.15.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`
  for (let n = 0; n < BUDGET; n++) {
    expect((await limitedRequest(first, 'login', address)).statusCode).not.toBe(429)
  }
  expectRateLimited(await limitedRequest(second, 'login', address))
  expectRateLimited(await limitedRequest(first, 'login', address))
}

const postgresReachable = isPostgresReachable()
if (!postgresReachable)
  console.warn(
    `\n*** abuse-rate-limits-shared [postgres] SKIPPED: no PostgreSQL at ${withoutPassword(TEST_DATABASE_URL)} — set TEST_DATABASE_URL to run it ***\n`,
  )
;(postgresReachable ? describe : describe.skip)('request budgets shared on one PostgreSQL', () => {
  let testDb: PostgresTestDatabase
  let poolB: Db
  const apps: FastifyInstance[] = []

  beforeAll(async () => {
    testDb = await createPostgresTestDatabase()
    poolB = await testDb.openSecondPool(2)
    await prepareDatabase(testDb.db)
    const limits = tightLimits(BUDGET, 1000)
    apps.push(await buildTestApp(testDb.db, { limits }), await buildTestApp(poolB, { limits }))
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await poolB?.close()
    await testDb?.dispose()
  })

  it('the second instance answers 429 once the first spent the budget', async () => {
    await expectOneBudget(apps[0], apps[1])
    const [row] = await testDb.db.query<{ hits: number }>(
      `select hits from rate_limit_counters where key like 'login:address:%' order by hits desc limit 1`,
    )
    expect(row.hits).toBe(BUDGET + 2)
  })

  it('counts parallel requests exactly: of 8 at once over both instances, 3 pass', async () => {
    const address = '10.16.0.1'
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => limitedRequest(apps[n % 2], 'login', address)),
    )
    const refused = answers.filter((res) => res.statusCode === 429)
    expect(refused).toHaveLength(8 - BUDGET)
    for (const res of refused) expectRateLimited(res)
  })
})

const redisReachable = isRedisReachable(TEST_REDIS_URL)
if (!redisReachable)
  console.warn(
    `\n*** abuse-rate-limits-shared [redis] SKIPPED: no Redis at ${withoutPassword(TEST_REDIS_URL)} — set TEST_REDIS_URL to run it ***\n`,
  )
;(redisReachable ? describe : describe.skip)('request budgets shared in Redis (REDIS_URL)', () => {
  let database: TestDatabase
  const apps: FastifyInstance[] = []

  beforeAll(async () => {
    database = await createPgliteTestDatabase()
    await prepareDatabase(database.db)
    // A prefix of its own, so other runs (and other shops on this Redis) count apart.
    const prefix = `shop-test:${randomBytes(6).toString('hex')}:`
    const limits = tightLimits(BUDGET, 1000, { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix })
    apps.push(await buildTestApp(database.db, { limits }), await buildTestApp(database.db, { limits }))
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await database?.dispose()
  })

  it('two instances (on PGlite, each alone would count in its own memory): the second answers 429 once the first spent the budget', async () => {
    await expectOneBudget(apps[0], apps[1])
  })
})
