import path from 'node:path'
import type { ServerConfig } from '../config'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Db } from './types'

export type { Db, DbKind, Queryable } from './types'
export { migrate } from './migrate'

/** Where the embedded PGlite database lives inside DATA_DIR. */
export const pgliteDir = (dataDir: string): string => path.join(dataDir, 'pglite')

/** PostgreSQL when DATABASE_URL is set, else PGlite persisted under DATA_DIR. */
export function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl)
  return openPglite(pgliteDir(config.dataDir))
}
