/**
 * The order life cycle, and with fulfilment.ts (paid → shipped → received → completed) the ONLY
 * code that changes an order's status:
 *
 *   awaiting_payment ──markOrderPaid──▶ paid ──▶ shipped ──▶ received ──▶ completed
 *          └────────closeOrder(s)─────▶ closed (expired | cancelled)   — the order's stock returns
 *
 * Each transition is one conditional UPDATE (`... WHERE status = 'awaiting_payment'`). Whoever
 * loses a race (a payment against an expiry, two sweepers, a double cancel) updates zero rows and
 * is told the transition did not happen; PostgreSQL's row lock makes the loser wait for the winner
 * and then re-check the condition. A trigger (migrations 003 and 007) additionally refuses any
 * other change of state, so no other statement can break the rule either.
 *
 * Call these inside `db.transaction(tx => ...)`: closing returns stock in the same transaction,
 * so an order is never closed without its stock coming back, nor its stock returned twice. Each
 * change also enqueues its report to Alipay's order center in that transaction (order-center/).
 */
import type { CloseReason, OrderStatus } from '../../contract'
import type { Queryable } from '../db/types'
import { recordOrderChange, recordOrderChanges } from '../order-center/record'

export type { CloseReason }

/** Whether an order in this status has been paid for (and so must never be refunded as closed). */
export function isPaidOrderStatus(status: OrderStatus): boolean {
  return status === 'paid' || status === 'shipped' || status === 'received' || status === 'completed'
}

/**
 * Called after orders were closed and the transaction committed. Seam for the payment issue: the
 * Alipay trade of a closed order must be closed too (alipay.trade.close), so a late payment
 * cannot succeed. Errors are logged by the caller, never undo the close.
 */
export type OrdersClosedListener = (orderIds: string[], reason: CloseReason) => void | Promise<void>

/**
 * awaiting_payment → paid. Returns false when the order is not awaiting payment (already paid,
 * closed, or unknown): the caller decides what that means (e.g. refund a payment for a closed
 * order). Deliberately does not look at expires_at: money Alipay has taken for an order that
 * expired but was not swept yet still buys it, and its stock is still reserved.
 */
export async function markOrderPaid(
  tx: Queryable,
  orderId: string,
  paidAt: Date = new Date(),
): Promise<boolean> {
  const rows = await tx.query(
    `update orders set status = 'paid', paid_at = $2::timestamptz
      where id = $1 and status = 'awaiting_payment'
      returning id`,
    // As text: PGlite recognises a Date only from its own realm (see native-require.ts).
    [orderId, paidAt.toISOString()],
  )
  if (rows.length === 1) await recordOrderChange(tx, orderId)
  return rows.length === 1
}

/**
 * awaiting_payment → closed, returning the stock of the orders that actually changed. Returns the
 * ids that were closed by THIS call; an id already paid or closed (or, for 'expired', not yet
 * past expires_at) is left alone and not returned.
 */
export async function closeOrders(tx: Queryable, orderIds: string[], reason: CloseReason): Promise<string[]> {
  if (orderIds.length === 0) return []
  const closed = await tx.query<{ id: string }>(
    `update orders set status = 'closed', close_reason = $2, closed_at = now()
      where id = any($1::text[]) and status = 'awaiting_payment'
        and ($2 <> 'expired' or expires_at <= now())
      returning id`,
    [orderIds, reason],
  )
  const closedIds = closed.map((row) => row.id)
  await releaseStock(tx, closedIds)
  await recordOrderChanges(tx, closedIds)
  return closedIds
}

/** One order: awaiting_payment → closed. True when this call closed it. */
export async function closeOrder(tx: Queryable, orderId: string, reason: CloseReason): Promise<boolean> {
  return (await closeOrders(tx, [orderId], reason)).length === 1
}

/**
 * Puts the orders' quantities back on their SKUs. The SKU rows are locked in id order first, the
 * same order order creation locks them in, so closing and creating orders cannot deadlock.
 */
async function releaseStock(tx: Queryable, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return
  await tx.query(
    `select s.id from skus s
      where s.id in (select sku_id from order_lines where order_id = any($1::text[]))
      order by s.id
      for update`,
    [orderIds],
  )
  await tx.query(
    `update skus s set stock = s.stock + released.quantity
       from (select sku_id, sum(quantity)::int as quantity
               from order_lines where order_id = any($1::text[])
              group by sku_id) released
      where s.id = released.sku_id`,
    [orderIds],
  )
}

/** A status as a message says it: "awaiting payment", "shipped" (an order's, or an after-sales request's). */
export const statusInWords = (status: string): string => status.replace('_', ' ')
