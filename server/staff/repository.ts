/**
 * Staff accounts, their sessions and the audit log in the database. Session tokens are made and
 * hashed as buyers' are (server/session/tokens.ts) but live in their own table, `staff_sessions`.
 */
import type { StaffRole } from '../../contract'
import type { Queryable } from '../db/types'
import { deleteExpiredRows } from '../session/repository'
import { hashToken, newToken } from '../session/tokens'

export interface StaffRecord {
  id: string
  name: string
  role: StaffRole
}

interface StaffRow {
  id: string
  name: string
  role: StaffRole
}

const staffFromRow = (row: StaffRow): StaffRecord => ({ id: String(row.id), name: row.name, role: row.role })

export class StaffNameTakenError extends Error {
  constructor(readonly staffName: string) {
    super(`A staff account named "${staffName}" already exists.`)
    this.name = 'StaffNameTakenError'
  }
}

export async function insertStaff(
  db: Queryable,
  staff: { name: string; role: StaffRole; passwordHash: string },
): Promise<StaffRecord> {
  const [row] = await db.query<StaffRow>(
    `insert into staff (name, role, password_hash) values ($1, $2, $3)
     on conflict (name) do nothing
     returning id, name, role`,
    [staff.name, staff.role, staff.passwordHash],
  )
  if (!row) throw new StaffNameTakenError(staff.name)
  return staffFromRow(row)
}

/** An account that may log in (not disabled), with its password hash; undefined otherwise. */
export async function findActiveStaffByName(
  db: Queryable,
  name: string,
): Promise<(StaffRecord & { passwordHash: string }) | undefined> {
  const [row] = await db.query<StaffRow & { password_hash: string }>(
    'select id, name, role, password_hash from staff where name = $1 and disabled_at is null',
    [name],
  )
  return row && { ...staffFromRow(row), passwordHash: row.password_hash }
}

export interface StaffListing extends StaffRecord {
  createdAt: Date
  disabledAt?: Date
}

type ListingRow = StaffRow & { created_at: Date; disabled_at: Date | null }
const LISTING_COLUMNS = 'id, name, role, created_at, disabled_at'

const listingFromRow = (row: ListingRow): StaffListing => ({
  ...staffFromRow(row),
  createdAt: new Date(row.created_at),
  ...(row.disabled_at ? { disabledAt: new Date(row.disabled_at) } : {}),
})

export async function listStaff(db: Queryable): Promise<StaffListing[]> {
  const rows = await db.query<ListingRow>(`select ${LISTING_COLUMNS} from staff order by name`)
  return rows.map(listingFromRow)
}

/** Any account by name, disabled or not, with its dates. */
export async function findStaffListing(db: Queryable, name: string): Promise<StaffListing | undefined> {
  const [row] = await db.query<ListingRow>(`select ${LISTING_COLUMNS} from staff where name = $1`, [name])
  return row && listingFromRow(row)
}

/** Any account by name, disabled or not. */
export async function findStaffByName(db: Queryable, name: string): Promise<StaffRecord | undefined> {
  const [row] = await db.query<StaffRow>('select id, name, role from staff where name = $1', [name])
  return row && staffFromRow(row)
}

/** Ends every session of the account; returns how many there were. */
async function endStaffSessions(db: Queryable, staffId: string): Promise<number> {
  const rows = await db.query('delete from staff_sessions where staff_id = $1 returning staff_id', [staffId])
  return rows.length
}

/** Sets a new password and ends the account's sessions (it logs in again everywhere): how many ended. */
export async function setStaffPassword(
  db: Queryable,
  staffId: string,
  passwordHash: string,
): Promise<number> {
  await db.query('update staff set password_hash = $2 where id = $1', [staffId, passwordHash])
  return endStaffSessions(db, staffId)
}

/**
 * Disables the account and ends its sessions: how many ended, or undefined when it was already
 * disabled (nothing changes then).
 */
export async function disableStaff(db: Queryable, staffId: string): Promise<number | undefined> {
  const rows = await db.query(
    'update staff set disabled_at = now() where id = $1 and disabled_at is null returning id',
    [staffId],
  )
  if (rows.length === 0) return undefined
  return endStaffSessions(db, staffId)
}

/** Lets a disabled account log in again. False when it was not disabled. */
export async function enableStaff(db: Queryable, staffId: string): Promise<boolean> {
  const rows = await db.query(
    'update staff set disabled_at = null where id = $1 and disabled_at is not null returning id',
    [staffId],
  )
  return rows.length > 0
}

/**
 * The enabled owners, locked until the transaction ends: two owners disabling each other at once
 * wait for one another, and the second sees the first's change (so one owner always remains).
 */
export async function lockEnabledOwners(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    "select id::text from staff where role = 'owner' and disabled_at is null order by id for update",
  )
  return rows.map((row) => row.id)
}

export async function createStaffSession(
  db: Queryable,
  staffId: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  // Housekeeping: this account's expired sessions go as a new one starts.
  await db.query('delete from staff_sessions where staff_id = $1 and expires_at <= now()', [staffId])
  const token = newToken()
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into staff_sessions (token_hash, staff_id, expires_at)
     values ($1, $2, now() + make_interval(secs => $3))
     returning expires_at`,
    [hashToken(token), staffId, ttlSeconds],
  )
  return { token, expiresAt: new Date(row.expires_at) }
}

/** One batch of expired staff sessions (the sweeper; a login also clears its own account's). */
export const deleteExpiredStaffSessions = (db: Queryable, limit?: number): Promise<number> =>
  deleteExpiredRows(db, 'staff_sessions', 'expires_at <= now()', limit)

export type StaffSessionLookup =
  { status: 'valid'; staff: StaffRecord; expiresAt: Date } | { status: 'expired' } | { status: 'unknown' }

/** The staff member of a token; a disabled account's sessions are unknown. */
export async function findStaffSession(db: Queryable, token: string): Promise<StaffSessionLookup> {
  const [row] = await db.query<StaffRow & { expired: boolean; expires_at: Date }>(
    `select st.id, st.name, st.role, s.expires_at, s.expires_at <= now() as expired
       from staff_sessions s join staff st on st.id = s.staff_id
      where s.token_hash = $1 and st.disabled_at is null`,
    [hashToken(token)],
  )
  if (!row) return { status: 'unknown' }
  if (row.expired) return { status: 'expired' }
  return { status: 'valid', staff: staffFromRow(row), expiresAt: new Date(row.expires_at) }
}

/** Ends a session; returns whose it was, or undefined when the token was unknown. */
export async function deleteStaffSession(db: Queryable, token: string): Promise<string | undefined> {
  const [row] = await db.query<{ staff_id: string }>(
    'delete from staff_sessions where token_hash = $1 returning staff_id',
    [hashToken(token)],
  )
  return row && String(row.staff_id)
}

export interface AuditEntry {
  /** Who acted; null when no staff member did (the command line, a failed login). */
  staffId: string | null
  /** What was done, as `<target type>.<verb>`, e.g. `order.ship`, `staff.login_failed`. */
  action: string
  target: { type: string; id: string }
  /** The record before and after the change (JSON); omit what does not apply. Never secrets. */
  before?: unknown
  after?: unknown
}

/**
 * Records a staff action. Pass the client of the transaction that makes the change, so the entry
 * is committed with it, or rolled back with it.
 */
export async function audit(tx: Queryable, entry: AuditEntry): Promise<void> {
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))
  await tx.query(
    `insert into audit_log (staff_id, action, target_type, target_id, before, after)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [entry.staffId, entry.action, entry.target.type, entry.target.id, json(entry.before), json(entry.after)],
  )
}
