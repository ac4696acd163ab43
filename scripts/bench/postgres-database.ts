/**
 * A throwaway PostgreSQL database for the benchmark (bench_<pid>_<time>), created on the server at
 * TEST_DATABASE_URL and dropped afterwards, so other test suites on that server are not disturbed.
 */
import pg from 'pg'
import { quoteIdentifier } from '../../server/db/postgres'
import { TEST_DATABASE_URL } from '../../server/testing/databases'

export interface BenchPostgres {
  url: string
  drop(): Promise<void>
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Undefined when no server answers at TEST_DATABASE_URL. */
export async function createBenchPostgres(adminUrl = TEST_DATABASE_URL): Promise<BenchPostgres | undefined> {
  const name = `bench_${process.pid}_${Date.now().toString(36)}`
  try {
    await withAdmin(adminUrl, (client) => client.query(`create database ${quoteIdentifier(name)}`))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || /timeout|ENOTFOUND/i.test(String(error)))
      return undefined
    throw error
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`),
      ).then(() => undefined),
  }
}
