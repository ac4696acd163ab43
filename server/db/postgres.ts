import pg from 'pg'
import type { Db, Queryable } from './types'

export interface PostgresOptions {
  /** Sets search_path on every connection, so tests can isolate themselves in a schema. */
  schema?: string
  /** Pool size; the default suits a small reference server. */
  maxConnections?: number
  connectionTimeoutMillis?: number
  onPoolError?: (error: Error) => void
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params)
      return result.rows as T[]
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(sql)
    },
  }
}

/** Location without credentials, safe to print. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', options.onPoolError ?? (() => undefined))
  // Fail at start-up rather than on the first request if the server is unreachable.
  await pool.query('select 1')

  return {
    kind: 'postgres',
    description: describePostgresUrl(url) + (options.schema ? ` (schema ${options.schema})` : ''),
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
          client.release()
        } catch (rollbackError) {
          // The connection is in an unknown state: destroy it instead of returning it to the pool.
          client.release(rollbackError as Error)
        }
        throw error
      }
    },
    close: () => pool.end(),
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
