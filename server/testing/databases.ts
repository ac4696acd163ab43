/**
 * Runs a test suite against every database backend:
 *
 *   describeEachDatabase('orders', (getDb) => {
 *     beforeAll(async () => { await migrate(getDb()) })
 *     it('...', async () => { await getDb().query('select 1') })
 *   })
 *
 * - PGlite (in memory) always.
 * - PostgreSQL when reachable at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 *   unless TEST_DATABASES=pglite (a repeat pass whose subject is not the database, e.g. certificate
 *   mode, which `npm test` runs after both databases have passed).
 *   Each suite gets a freshly created schema with a random name, dropped afterwards, so parallel
 *   jest workers never see each other's tables. When the server is unreachable, the suite is
 *   registered with describe.skip (visible in jest's summary) and a loud warning is printed.
 *
 * Databases start EMPTY: call migrate() / seedCatalog() in the suite's beforeAll as needed.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openPglite } from '../db/pglite'
import { openPostgres, quoteIdentifier } from '../db/postgres'
import type { Db, DbKind } from '../db/types'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const PROBE_TIMEOUT_MS = 1500

/** The URL with any password masked, for messages. */
export const withoutPassword = (url: string) => url.replace(/(\/\/[^:@/]+):[^@/]*@/, '$1:***@')

/**
 * jest collects `describe` blocks synchronously, so the probe must be synchronous too: a child
 * process tries to connect. The answer is cached per worker process in an env variable.
 */
export function isPostgresReachable(url: string = TEST_DATABASE_URL): boolean {
  const cacheKey = `SHOP_TEST_PG_REACHABLE_${Buffer.from(url).toString('hex').slice(0, 80)}`
  const cached = process.env[cacheKey]
  if (cached) return cached === 'yes'
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))})
    const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: ${PROBE_TIMEOUT_MS} })
    client.connect().then(() => client.query('select 1')).then(() => client.end())
      .then(() => process.exit(0), () => process.exit(1))`
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, PROBE_URL: url },
    timeout: PROBE_TIMEOUT_MS + 2500,
    stdio: 'ignore',
  })
  const reachable = result.status === 0
  process.env[cacheKey] = reachable ? 'yes' : 'no'
  return reachable
}

/** Prints the skip warning once per jest run (workers share the parent process id). */
function warnPostgresSkippedOnce(url: string): void {
  const marker = path.join(os.tmpdir(), `shop-pg-skip-warned-${process.ppid}`)
  try {
    fs.writeFileSync(marker, url, { flag: 'wx' })
  } catch {
    return // another test file already warned
  }
  console.warn(
    `\n*** PostgreSQL suites SKIPPED: no server at ${withoutPassword(url)} — set TEST_DATABASE_URL to run them ***\n`,
  )
}

export interface TestDatabase {
  db: Db
  dispose(): Promise<void>
}

export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const db = await openPglite()
  return { db, dispose: () => db.close() }
}

export interface PostgresTestDatabase extends TestDatabase {
  /** Another pool on the same schema, as a second instance of the server has; the caller closes it. */
  openSecondPool(maxConnections: number): Promise<Db>
}

/** A fresh, randomly named schema on the test server; dispose() drops it. */
export async function createPostgresTestDatabase(
  url: string = TEST_DATABASE_URL,
): Promise<PostgresTestDatabase> {
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await admin.connect()
  try {
    await admin.query(`create schema ${quoteIdentifier(schema)}`)
  } finally {
    await admin.end()
  }
  const db = await openPostgres(url, { schema, maxConnections: 5 })
  return {
    db,
    openSecondPool: (maxConnections) => openPostgres(url, { schema, maxConnections }),
    async dispose() {
      await db.close()
      const cleanup = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
      await cleanup.connect()
      try {
        await cleanup.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
      } finally {
        await cleanup.end()
      }
    },
  }
}

type SuiteBody = (getDb: () => Db, kind: DbKind) => void

function describeWith(
  title: string,
  kind: DbKind,
  create: () => Promise<TestDatabase>,
  body: SuiteBody,
): void {
  describe(`${title} [${kind}]`, () => {
    let testDb: TestDatabase | undefined
    beforeAll(async () => {
      testDb = await create()
    })
    afterAll(async () => {
      await testDb?.dispose()
    })
    body(() => {
      if (!testDb)
        throw new Error(
          'Test database is not open yet: call getDb() inside hooks or tests, not at collection time',
        )
      return testDb.db
    }, kind)
  })
}

export function describeEachDatabase(title: string, body: SuiteBody): void {
  describeWith(title, 'pglite', createPgliteTestDatabase, body)
  if (process.env.TEST_DATABASES === 'pglite') {
    describe.skip(`${title} [postgres] (TEST_DATABASES=pglite)`, () => undefined)
  } else if (isPostgresReachable()) {
    describeWith(title, 'postgres', () => createPostgresTestDatabase(), body)
  } else {
    warnPostgresSkippedOnce(TEST_DATABASE_URL)
    describe.skip(`${title} [postgres] (no server at ${withoutPassword(TEST_DATABASE_URL)})`, () => {
      body(() => {
        throw new Error('PostgreSQL is not reachable')
      }, 'postgres')
    })
  }
}
