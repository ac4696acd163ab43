/**
 * Applies server/db/migrations/NNN_name.sql in order, each in its own transaction, and records
 * it in schema_migrations. Already-applied files are skipped, so migrating twice is a no-op.
 * On PostgreSQL a transaction-scoped advisory lock (keyed by schema) makes concurrent start-ups
 * of several instances apply each migration exactly once.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from './types'

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations')

export interface Migration {
  version: string
  name: string
  sql: string
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: file.slice(0, 3),
      name: file.replace(/\.sql$/, ''),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }))
}

/** Returns the names of the migrations applied by this call (empty when up to date). */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = []
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') {
        await tx.query(`select pg_advisory_xact_lock(hashtext('shop-migrations:' || current_schema()))`)
      }
      await tx.exec(`create table if not exists schema_migrations (
        version text primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`)
      const existing = await tx.query('select 1 from schema_migrations where version = $1', [
        migration.version,
      ])
      if (existing.length > 0) return false
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ])
      return true
    })
    if (didApply) applied.push(migration.name)
  }
  return applied
}
