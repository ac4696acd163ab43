/**
 * Reports an order's state to Alipay's order center through the outbox: called by every code path
 * that changes an order's state (orders/create.ts, orders/state.ts, orders/fulfilment.ts, and
 * payments/refund-repository.ts for refunds), with the transaction of that change, so the job is
 * committed exactly with the change. The order-center state is derived from the order as it is
 * now; a change that does not move it (completed after received: both FINISHED; a partial refund)
 * enqueues nothing, since Alipay accepts each state once per order (AlipayDocs/open-docs
 * support/支付宝小程序/常见问题/ORDER_ERROR_STATUS（订单状态错误）.md).
 */
import type { OrderCenterStatus } from '../alipay/order-center-format'
import type { Queryable } from '../db/types'
import { enqueueOutbox } from '../outbox/queue'
import { buildOrderSyncPayload, type OrderSnapshot, type SnapshotLine } from './payload'

/** The outbox kind of alipay.merchant.order.sync jobs. */
export const ORDER_SYNC_KIND = 'alipay.order.sync'

/** Our order's state as the order center names it; undefined for a state it has no name for. */
export function orderCenterStatusOf(order: Pick<OrderSnapshot, 'status' | 'paidFen' | 'refundedFen'>) {
  const fullyRefunded = order.paidFen !== null && order.paidFen > 0 && order.refundedFen >= order.paidFen
  const byStatus: Record<string, OrderCenterStatus> = {
    awaiting_payment: 'CREATE',
    paid: 'PAID',
    shipped: 'IN_DELIVERY',
    received: 'FINISHED',
    completed: 'FINISHED',
    closed: 'CLOSED',
  }
  const status = byStatus[order.status] as OrderCenterStatus | undefined
  // A closed order stays CLOSED even when a late payment for it was refunded.
  return fullyRefunded && status !== 'CLOSED' && status !== 'CREATE' ? 'REFUNDED' : status
}

async function loadSnapshot(tx: Queryable, orderId: string): Promise<OrderSnapshot | undefined> {
  // Locks the order: changes of one order (a refund confirmed beside another) enqueue one by one,
  // each seeing the one committed before it.
  const rows = await tx.query<OrderSnapshot & { synced: OrderCenterStatus | null }>(
    `select o.id, o.status, o.total_fen as "totalFen", o.created_at as "createdAt",
            o.paid_at as "paidAt", o.shipped_at as "shippedAt", o.received_at as "receivedAt",
            o.closed_at as "closedAt", o.carrier, o.tracking_no as "trackingNo",
            u.alipay_user_id as "alipayUserId", u.alipay_open_id as "alipayOpenId",
            p.trade_no as "tradeNo", p.amount_fen as "paidFen",
            (select coalesce(sum(r.amount_fen), 0) from refunds r
              where r.order_id = o.id and r.status = 'refunded')::int as "refundedFen",
            (select max(r.refunded_at) from refunds r
              where r.order_id = o.id and r.status = 'refunded') as "refundedAt",
            s.status as synced
       from orders o
       join users u on u.id = o.user_id
       left join payments p on p.order_id = o.id
       left join order_center_syncs s on s.order_id = o.id
      where o.id = $1
      for update of o`,
    [orderId],
  )
  const row = rows[0]
  if (!row) return undefined
  const lines = await tx.query<SnapshotLine>(
    `select sku_id as "skuId", title_zh as "title", sku_label_zh as "label", unit_price_fen as "unitPriceFen",
            quantity from order_lines where order_id = $1 order by line_no`,
    [orderId],
  )
  return { ...row, lines }
}

/**
 * Enqueues an alipay.merchant.order.sync job for the order's state now, unless that state was
 * already enqueued. Returns the state enqueued, or undefined when nothing was.
 */
export async function recordOrderChange(
  tx: Queryable,
  orderId: string,
): Promise<OrderCenterStatus | undefined> {
  const snapshot = await loadSnapshot(tx, orderId)
  if (!snapshot) return undefined
  const status = orderCenterStatusOf(snapshot)
  if (status === undefined) return undefined
  const changed = await tx.query(
    `insert into order_center_syncs (order_id, status) values ($1, $2)
     on conflict (order_id) do update set status = excluded.status, updated_at = now()
       where order_center_syncs.status is distinct from excluded.status
     returning order_id`,
    [orderId, status],
  )
  if (changed.length === 0) return undefined
  await enqueueOutbox(tx, {
    kind: ORDER_SYNC_KIND,
    aggregateId: orderId,
    payload: buildOrderSyncPayload(snapshot, status),
  })
  return status
}

/** recordOrderChange for each order, in id order (the order locks are taken in). */
export async function recordOrderChanges(tx: Queryable, orderIds: string[]): Promise<void> {
  for (const orderId of [...orderIds].sort()) await recordOrderChange(tx, orderId)
}
