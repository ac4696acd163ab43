import type { PGlite as PGliteClass, Transaction } from '@electric-sql/pglite'
import { nativeRequire } from '../native-require'
import { openPrivateDir } from './data-dir'
import { lockPgliteDir } from './pglite-lock'
import type { Db, Queryable } from './types'

// Loaded natively: PGlite's dynamic import() of its WASM fails inside jest's sandbox.
const { PGlite } = nativeRequire('@electric-sql/pglite') as typeof import('@electric-sql/pglite')
type PGlite = PGliteClass

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await target.query<T>(sql, params)
      return result.rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  }
}

/**
 * Embedded PostgreSQL (WASM). `dataDir` persists to disk (created if missing, private to this user:
 * see data-dir.ts) and is locked to this process while open (pglite-lock.ts); omit it for an
 * in-memory database (tests). PGlite has a single connection and queues every query and
 * transaction behind one lock, so transactions are serialised — real, just not concurrent.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) openPrivateDir(dataDir)
  const unlock = dataDir ? lockPgliteDir(dataDir) : () => {}
  let pglite: PGlite
  try {
    pglite = new PGlite(dataDir)
    await pglite.waitReady
  } catch (error) {
    unlock()
    throw error
  }
  // A new database is unpacked with explicit chmods (0666), which no umask limits: tighten it.
  // What PostgreSQL creates from here on is 0600 anyway, and openPrivateDir set the umask.
  if (dataDir) openPrivateDir(dataDir)
  return {
    kind: 'pglite',
    description: dataDir ? `PGlite at ${dataDir}` : 'PGlite in memory',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await pglite.close()
      } finally {
        unlock()
      }
    },
  }
}
