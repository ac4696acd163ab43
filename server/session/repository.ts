/** Buyers and sessions in the database. Tokens are random and opaque; only their hash is stored. */
import type { AlipayIdKind } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import { hashToken, newToken } from './tokens'

export interface AlipayIdentity {
  kind: AlipayIdKind
  value: string
}

export interface BuyerRecord {
  /** The shop's own user id. */
  id: string
  alipay: AlipayIdentity
}

/** A `users` row as the queries below return it (and others joining `users`, e.g. web-view tickets). */
export interface UserRow {
  id: string
  alipay_user_id: string | null
  alipay_open_id: string | null
}

/** The buyer of a `users` row: one of its two Alipay id columns is set, by the app's id mode. */
export const buyerFromRow = (row: UserRow): BuyerRecord => ({
  id: String(row.id),
  alipay: row.alipay_user_id
    ? { kind: 'user_id', value: row.alipay_user_id }
    : { kind: 'open_id', value: row.alipay_open_id ?? '' },
})

/** Finds the buyer with this Alipay identity, creating them on first login. */
export async function upsertBuyer(db: Queryable, identity: AlipayIdentity): Promise<BuyerRecord> {
  const column = identity.kind === 'user_id' ? 'alipay_user_id' : 'alipay_open_id'
  // `do update` (not `do nothing`) so the row comes back whether it was inserted or found.
  const [row] = await db.query<UserRow>(
    `insert into users (${column}) values ($1)
     on conflict (${column}) do update set ${column} = excluded.${column}
     returning id, alipay_user_id, alipay_open_id`,
    [identity.value],
  )
  return buyerFromRow(row)
}

export async function createSession(
  db: Queryable,
  userId: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken()
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into sessions (token_hash, user_id, expires_at)
     values ($1, $2, now() + make_interval(secs => $3))
     returning expires_at`,
    [hashToken(token), userId, ttlSeconds],
  )
  return { token, expiresAt: new Date(row.expires_at) }
}

export type SessionLookup =
  { status: 'valid'; buyer: BuyerRecord; expiresAt: Date } | { status: 'expired' } | { status: 'unknown' }

export async function findSession(db: Queryable, token: string): Promise<SessionLookup> {
  const [row] = await db.query<UserRow & { expires_at: Date; expired: boolean }>(
    `select u.id, u.alipay_user_id, u.alipay_open_id, s.expires_at, s.expires_at <= now() as expired
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1`,
    [hashToken(token)],
  )
  if (!row) return { status: 'unknown' }
  if (row.expired) return { status: 'expired' }
  return { status: 'valid', buyer: buyerFromRow(row), expiresAt: new Date(row.expires_at) }
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [hashToken(token)])
}

/** Most rows one housekeeping statement deletes (sessions, staff sessions, web-view tickets). */
export const EXPIRED_DELETE_BATCH = 1000

/**
 * Housekeeping (the sweeper, session/sweep.ts): deletes up to `limit` rows of `table` (keyed by
 * `token_hash`, with an `expires_at`) that `expired` says are useless, oldest first; returns how
 * many went. SKIP LOCKED: several instances' sweepers split the rows instead of waiting on each other.
 * `table` and `expired` are fixed SQL from this code base, never input.
 */
export async function deleteExpiredRows(
  db: Queryable,
  table: 'sessions' | 'staff_sessions' | 'webview_tickets',
  expired: string,
  limit = EXPIRED_DELETE_BATCH,
): Promise<number> {
  const key = table === 'webview_tickets' ? 'ticket_hash' : 'token_hash'
  const rows = await db.query(
    `delete from ${table} where ${key} in (
       select ${key} from ${table} where ${expired} order by expires_at limit $1 for update skip locked)
     returning ${key}`,
    [limit],
  )
  return rows.length
}

/** One batch of expired sessions; their web-view tickets go with them (on delete cascade). */
export const deleteExpiredSessions = (db: Queryable, limit?: number): Promise<number> =>
  deleteExpiredRows(db, 'sessions', 'expires_at <= now()', limit)

/** "2088102177846880" → "2088****6880": enough for a buyer to recognise, no more. */
export function maskAlipayId(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 2)}****`
  return `${value.slice(0, 4)}****${value.slice(-4)}`
}
