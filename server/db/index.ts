import path from 'node:path'
import type { ServerConfig } from '../config'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Db } from './types'

export type { Db, DbKind, Queryable } from './types'
export { migrate } from './migrate'

/** PostgreSQL when DATABASE_URL is set, else PGlite persisted under DATA_DIR. */
export function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl)
  return openPglite(path.join(config.dataDir, 'pglite'))
}
