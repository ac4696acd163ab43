/**
 * The order after payment, the rest of the only code that changes an order's status (state.ts has
 * payment and closing):
 *
 *   paid ──shipOrder──▶ shipped ──confirmReceipt / receiveOverdueOrders──▶ received
 *        received ──completeSettledOrders──▶ completed
 *
 * As in state.ts, each transition is one conditional UPDATE (`... WHERE status = 'shipped'`):
 * whoever loses a race (a buyer's confirmation against the auto-receive sweep, two sweepers)
 * updates zero rows and is told so. Migration 007's trigger refuses any other change of state.
 *
 * Each transition also enqueues its report to Alipay's order center in the same transaction
 * (order-center/record.ts), so call these inside `db.transaction(tx => ...)`.
 *
 * After-sales requests (server/after-sales, migration 010) hold an order where it is: with one
 * open (order_has_open_after_sales) an order is not shipped, auto-received or completed, and the
 * trigger refuses to complete it. An order refunded in full before shipping is not shipped either.
 */
import { Value } from '@sinclair/typebox/value'
import { ShipmentInput, TRACKING_NO_PATTERN } from '../../contract'
import type { Queryable } from '../db/types'
import { recordOrderChange, recordOrderChanges } from '../order-center/record'
import { enqueueShippedMessage } from '../messages/outbox'
import { HttpError } from '../http/errors'

/** SQL: a shipped order is due for automatic receipt ($2 = AUTO_RECEIVE_DAYS). */
export const RECEIPT_OVERDUE = `shipped_at <= now() - make_interval(days => $2::int)`

/** SQL: a received order's after-sales window has ended ($2 = AFTER_SALES_DAYS). */
export const AFTER_SALES_ENDED = `received_at <= now() - make_interval(days => $2::int)`

export interface ShipOptions {
  /** The staff member shipping (staff.id); none from the command line or a test. */
  shippedBy?: string
  /** When it shipped; now by default (tests move time with it). */
  shippedAt?: Date
}

/**
 * paid → shipped, recording the carrier and tracking number. Returns false when the order is not
 * paid (not yet, already shipped, closed, or unknown), has an open after-sales request, or has
 * nothing left to refund (refunded in full: nothing left to ship). Throws a 400 for a shipment
 * the contract's ShipmentInput refuses, so no caller can store one the API would not accept.
 */
export async function shipOrder(
  tx: Queryable,
  orderId: string,
  shipment: ShipmentInput,
  options: ShipOptions = {},
): Promise<boolean> {
  if (!Value.Check(ShipmentInput, shipment)) {
    throw new HttpError(
      400,
      'bad_request',
      `A shipment needs a carrier name and a tracking number matching ${TRACKING_NO_PATTERN}.`,
    )
  }
  // Locked first, as a new request locks it: the UPDATE below (a new statement, so a fresh
  // snapshot) then sees every request committed before, even one made while it waited.
  await tx.query('select 1 from orders where id = $1 for update', [orderId])
  const rows = await tx.query(
    `update orders
        set status = 'shipped', carrier = $2, tracking_no = $3, shipped_by = $4,
            shipped_at = coalesce($5::timestamptz, now())
      where id = $1 and status = 'paid' and not order_has_open_after_sales(id)
        and refundable_fen(id) is distinct from 0
      returning id`,
    [
      orderId,
      shipment.carrier,
      shipment.trackingNo,
      options.shippedBy ?? null,
      // As text: PGlite recognises a Date only from its own realm (see native-require.ts).
      options.shippedAt?.toISOString() ?? null,
    ],
  )
  if (rows.length === 1) {
    await recordOrderChange(tx, orderId)
    await enqueueShippedMessage(tx, orderId)
  }
  return rows.length === 1
}

/**
 * shipped → received, because the buyer says so. Returns false when the order is not shipped (not
 * yet, or already received). The caller checks that the order is the buyer's.
 */
export async function confirmReceipt(tx: Queryable, orderId: string, receivedAt?: Date): Promise<boolean> {
  const rows = await tx.query(
    `update orders set status = 'received', received_at = coalesce($2::timestamptz, now())
      where id = $1 and status = 'shipped'
      returning id`,
    [orderId, receivedAt?.toISOString() ?? null],
  )
  if (rows.length === 1) await recordOrderChange(tx, orderId)
  return rows.length === 1
}

/**
 * shipped → received for those of `orderIds` shipped at least `autoReceiveDays` ago with no open
 * after-sales request. Returns the ids received by THIS call.
 */
export async function receiveOverdueOrders(
  tx: Queryable,
  orderIds: string[],
  autoReceiveDays: number,
): Promise<string[]> {
  if (orderIds.length === 0) return []
  const rows = await tx.query<{ id: string }>(
    `update orders set status = 'received', received_at = now()
      where id = any($1::text[]) and status = 'shipped'
        and ${RECEIPT_OVERDUE} and not order_has_open_after_sales(id)
      returning id`,
    [orderIds, autoReceiveDays],
  )
  await recordOrderChanges(
    tx,
    rows.map((row) => row.id),
  )
  return rows.map((row) => row.id)
}

/**
 * received → completed for those of `orderIds` whose after-sales window (`afterSalesDays` from
 * receipt) has ended with no open after-sales request. Returns the ids completed by THIS call.
 */
export async function completeSettledOrders(
  tx: Queryable,
  orderIds: string[],
  afterSalesDays: number,
): Promise<string[]> {
  if (orderIds.length === 0) return []
  const rows = await tx.query<{ id: string }>(
    `update orders set status = 'completed', completed_at = now()
      where id = any($1::text[]) and status = 'received'
        and ${AFTER_SALES_ENDED} and not order_has_open_after_sales(id)
      returning id`,
    [orderIds, afterSalesDays],
  )
  await recordOrderChanges(
    tx,
    rows.map((row) => row.id),
  )
  return rows.map((row) => row.id)
}
