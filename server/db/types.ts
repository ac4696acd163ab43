/**
 * The one database interface the server uses. Both backends (embedded PGlite, PostgreSQL via `pg`)
 * run the same SQL, so everything above this layer is written once.
 */
export interface Queryable {
  /** Runs one parameterised statement ($1, $2, ...) and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export type DbKind = 'pglite' | 'postgres'

export interface Db extends Queryable {
  readonly kind: DbKind
  /** Human-readable location for logs, e.g. "PGlite at .data/pglite". Never contains a password. */
  readonly description: string
  /**
   * Runs `fn` in a real transaction: committed when it resolves, rolled back when it throws.
   * Inside `fn` use only `tx`: on PGlite, calling the outer Db would wait for the transaction to end.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}
