/**
 * The sweeper's housekeeping of credentials (server/orders/expiry.ts runs it after each sweep):
 * expired buyer sessions (their web-view tickets go with them), expired staff sessions, and
 * web-view tickets past their use. Without it a database keeps every login ever made.
 */
import type { Queryable } from '../db/types'
import { deleteStaleTickets } from '../payments/webview-tickets'
import { deleteExpiredStaffSessions } from '../staff/repository'
import { deleteExpiredSessions, EXPIRED_DELETE_BATCH } from './repository'

export interface CredentialSweepLogger {
  info(details: object, message: string): void
}

const HOUSEKEEPING = [
  { what: 'expired sessions', deleteBatch: deleteExpiredSessions },
  { what: 'expired staff sessions', deleteBatch: deleteExpiredStaffSessions },
  { what: 'stale web-view tickets', deleteBatch: deleteStaleTickets },
] as const

/** Deletes batch after batch until none is full (or `stopped()`); logs what went. Throws on a database error. */
export async function sweepExpiredCredentials(
  db: Queryable,
  logger: CredentialSweepLogger,
  stopped: () => boolean,
): Promise<void> {
  for (const { what, deleteBatch } of HOUSEKEEPING) {
    let deleted: number
    do {
      deleted = stopped() ? 0 : await deleteBatch(db, EXPIRED_DELETE_BATCH)
      if (deleted) logger.info({ deleted }, `deleted ${what}`)
    } while (deleted === EXPIRED_DELETE_BATCH)
  }
}
