/**
 * Tickets for the web-view checkout page, which has no session: a ticket lets whoever holds it
 * pay ONE order as ONE buyer, once, within a few minutes. Random, stored only as a hash (like
 * session tokens), and consumed atomically, so two taps cannot both use it. A ticket lives no
 * longer than the session that minted it: logout deletes it (on delete cascade), and it is refused
 * once the session has expired, even before the sweeper deletes the session.
 */
import type { Queryable } from '../db/types'
import { buyerFromRow, deleteExpiredRows, type BuyerRecord, type UserRow } from '../session/repository'
import { hashToken, newToken } from '../session/tokens'

export const WEBVIEW_TICKET_TTL_SECONDS = 300
export const TICKET_PATTERN = '^[A-Za-z0-9_-]{43}$'

export async function mintTicket(
  db: Queryable,
  orderId: string,
  userId: string,
  sessionToken: string,
): Promise<string> {
  const ticket = newToken()
  await db.query(
    `insert into webview_tickets (ticket_hash, order_id, user_id, session_hash, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [hashToken(ticket), orderId, userId, hashToken(sessionToken), WEBVIEW_TICKET_TTL_SECONDS],
  )
  return ticket
}

/** One batch of tickets that expired over a day ago (kept that long as a record of their use). */
export const deleteStaleTickets = (db: Queryable, limit?: number): Promise<number> =>
  deleteExpiredRows(db, 'webview_tickets', `expires_at < now() - interval '1 day'`, limit)

const VALID = `t.ticket_hash = $1 and t.order_id = $2 and t.used_at is null and t.expires_at > now()
  and exists (select 1 from sessions s where s.token_hash = t.session_hash and s.expires_at > now())`

/** The buyer a still-usable ticket for this order stands for, without using it (to show the page). */
export async function peekTicket(
  db: Queryable,
  ticket: string,
  orderId: string,
): Promise<BuyerRecord | undefined> {
  const [row] = await db.query<UserRow>(
    `select u.id, u.alipay_user_id, u.alipay_open_id
       from webview_tickets t join users u on u.id = t.user_id where ${VALID}`,
    [hashToken(ticket), orderId],
  )
  return row && buyerFromRow(row)
}

/** Uses the ticket up: the buyer it stands for, or undefined if unknown, used, expired or for another order. */
export async function consumeTicket(
  db: Queryable,
  ticket: string,
  orderId: string,
): Promise<BuyerRecord | undefined> {
  const [row] = await db.query<UserRow>(
    `update webview_tickets t set used_at = now() from users u
      where u.id = t.user_id and ${VALID}
      returning u.id, u.alipay_user_id, u.alipay_open_id`,
    [hashToken(ticket), orderId],
  )
  return row && buyerFromRow(row)
}
