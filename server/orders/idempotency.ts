/**
 * Idempotency keys for POST /api/orders. The key row is inserted FIRST in the order's own
 * transaction, so:
 *  - on PostgreSQL, a second request with the same key blocks on the key's primary key until the
 *    first commits (then it finds the order) or rolls back (then it goes ahead itself);
 *  - a request that fails (e.g. insufficient stock) leaves no key behind and may be retried.
 * Keys are honoured for IDEMPOTENCY_KEY_RETENTION_HOURS, far longer than any client retries one
 * (the app keeps an unanswered key for minutes); the sweeper deletes older ones.
 */
import { createHash } from 'node:crypto'
import type { Address } from '../../contract'
import type { Queryable } from '../db/types'
import { HttpError } from '../http/errors'

export interface NormalisedLine {
  skuId: string
  quantity: number
}

/**
 * Same order, same hash: property order and line order do not matter, and `lines` are already
 * merged (mergeLines), so a SKU split over two lines hashes like one line with the sum.
 */
export function requestHash(lines: NormalisedLine[], address: Address): string {
  const sorted = [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0))
  const canonical = JSON.stringify({
    lines: sorted.map((line) => [line.skuId, line.quantity]),
    address: [address.name, address.phone, address.region, address.detail],
  })
  return createHash('sha256').update(canonical).digest('hex')
}

export type KeyClaim = { kind: 'claimed' } | { kind: 'replay'; orderId: string }

/**
 * Claims (userId, key) for this request, or finds the order an earlier identical request made.
 * The same key with a different body is a client bug: 409 `idempotency_key_reused`.
 */
export async function claimIdempotencyKey(
  tx: Queryable,
  userId: string,
  key: string,
  hash: string,
): Promise<KeyClaim> {
  const inserted = await tx.query(
    `insert into idempotency_keys (user_id, key, request_hash) values ($1, $2, $3)
     on conflict (user_id, key) do nothing
     returning key`,
    [userId, key, hash],
  )
  if (inserted.length === 1) return { kind: 'claimed' }

  const [existing] = await tx.query<{ request_hash: string; order_id: string | null }>(
    'select request_hash, order_id from idempotency_keys where user_id = $1 and key = $2',
    [userId, key],
  )
  // Deleted by the sweeper between the two statements (the key just passed retention): claim it anew.
  if (!existing) return claimIdempotencyKey(tx, userId, key, hash)
  if (existing.request_hash !== hash) {
    throw new HttpError(
      409,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different order; use a new key for a new order.',
    )
  }
  // A committed key row always has its order (both are written in one transaction).
  if (!existing.order_id) throw new Error(`idempotency key of user ${userId} has no order`)
  return { kind: 'replay', orderId: existing.order_id }
}

export async function attachOrderToKey(tx: Queryable, userId: string, key: string, orderId: string) {
  await tx.query('update idempotency_keys set order_id = $3 where user_id = $1 and key = $2', [
    userId,
    key,
    orderId,
  ])
}

export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24
export const IDEMPOTENCY_KEY_DELETE_BATCH = 1000

/**
 * Deletes up to one batch of keys past retention, oldest first; returns how many went. SKIP
 * LOCKED: several instances' sweepers split the rows instead of waiting on each other.
 */
export async function deleteExpiredIdempotencyKeys(db: Queryable): Promise<number> {
  const deleted = await db.query(
    `delete from idempotency_keys where (user_id, key) in (
       select user_id, key from idempotency_keys
        where created_at < now() - make_interval(hours => $1)
        order by created_at limit $2
        for update skip locked)
     returning key`,
    [IDEMPOTENCY_KEY_RETENTION_HOURS, IDEMPOTENCY_KEY_DELETE_BATCH],
  )
  return deleted.length
}
