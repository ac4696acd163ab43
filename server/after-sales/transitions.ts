/**
 * The only code that changes an after-sales request's status (contract/after-sales.ts):
 *
 *   requested ──approve──▶ refunding (refund_only) | awaiting_return (return_and_refund)
 *   awaiting_return ──shipReturn──▶ returning ──receiveReturn──▶ refunding
 *   refunding ──(its refund is confirmed: migration 010's trigger on refunds)──▶ refunded
 *   requested ──reject──▶ rejected;  requested | awaiting_return | returning ──cancel──▶ cancelled
 *
 * Each is one conditional UPDATE (`... WHERE status = 'requested'`) plus its timeline event, so
 * whoever loses a race (two staff approving, a buyer cancelling while staff approve) updates zero
 * rows, records nothing and is told so. Migration 010's trigger refuses any other change.
 * Call them inside a transaction.
 */
import type { AfterSalesKind, ReturnShipmentInput } from '../../contract'
import type { Queryable } from '../db/types'
import { addEvent } from './repository'

async function moved(tx: Queryable, sql: string, params: unknown[]): Promise<boolean> {
  return (await tx.query(sql, params)).length === 1
}

/** Where approval takes a request of this kind. */
export const approvedStatus = (kind: AfterSalesKind) =>
  kind === 'refund_only' ? ('refunding' as const) : ('awaiting_return' as const)

/**
 * requested → refunding | awaiting_return (by kind). `staffId` is who decided; none when the shop
 * approved it automatically.
 */
export async function approve(tx: Queryable, requestId: string, staffId?: string): Promise<boolean> {
  const done = await moved(
    tx,
    `update after_sales_requests
        set status = case kind when 'refund_only' then 'refunding' else 'awaiting_return' end,
            decided_by = $2, updated_at = now()
      where id = $1 and status = 'requested'
      returning id`,
    [requestId, staffId ?? null],
  )
  if (done) await addEvent(tx, requestId, 'approved', staffId ? 'staff' : 'system')
  return done
}

/** requested → rejected, with the reason the buyer sees. */
export async function reject(
  tx: Queryable,
  requestId: string,
  staffId: string,
  reason: string,
): Promise<boolean> {
  const done = await moved(
    tx,
    `update after_sales_requests set status = 'rejected', reject_reason = $3, decided_by = $2, updated_at = now()
      where id = $1 and status = 'requested'
      returning id`,
    [requestId, staffId, reason],
  )
  if (done) await addEvent(tx, requestId, 'rejected', 'staff', reason)
  return done
}

/** awaiting_return → returning: the buyer's parcel back to the shop. Only the buyer's own request. */
export async function shipReturn(
  tx: Queryable,
  requestId: string,
  userId: string,
  parcel: ReturnShipmentInput,
): Promise<boolean> {
  const done = await moved(
    tx,
    `update after_sales_requests
        set status = 'returning', return_carrier = $3, return_tracking_no = $4, updated_at = now()
      where id = $1 and user_id = $2 and status = 'awaiting_return'
      returning id`,
    [requestId, userId, parcel.carrier, parcel.trackingNo],
  )
  if (done) await addEvent(tx, requestId, 'return_shipped', 'buyer', `${parcel.carrier} ${parcel.trackingNo}`)
  return done
}

/** returning → refunding: the parcel came back. The caller returns the stock and records the refund. */
export async function receiveReturn(tx: Queryable, requestId: string): Promise<boolean> {
  const done = await moved(
    tx,
    `update after_sales_requests set status = 'refunding', updated_at = now()
      where id = $1 and status = 'returning'
      returning id`,
    [requestId],
  )
  if (done) await addEvent(tx, requestId, 'return_received', 'staff')
  return done
}

/** requested | awaiting_return | returning → cancelled, by the buyer: their own request only. */
export async function cancel(tx: Queryable, requestId: string, userId: string): Promise<boolean> {
  const done = await moved(
    tx,
    `update after_sales_requests set status = 'cancelled', updated_at = now()
      where id = $1 and user_id = $2 and status in ('requested', 'awaiting_return', 'returning')
      returning id`,
    [requestId, userId],
  )
  if (done) await addEvent(tx, requestId, 'cancelled', 'buyer')
  return done
}
