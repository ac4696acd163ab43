/**
 * The payment hooks the rest of the server calls, built from one set of dependencies:
 *  - onOrdersClosed: for orderRoutes and the expiry sweeper (close.ts);
 *  - onOrderRead: before GET /api/orders/:id shows an unpaid order with a trade, ask Alipay, so a
 *    lost notify is recovered soon after the buyer looks (the client polls it after the cashier);
 *    parallel reads of one order share one query, and reads ask at most once per
 *    ALIPAY_QUERY_INTERVAL_MS across instances (query-throttle.ts);
 *  - beforeOrdersExpire: before orders past their deadline are closed (by the sweeper, or on
 *    listing the buyer's orders), always ask Alipay about their open trades, never throttled, so money taken just before the deadline pays the order
 *    instead of being refunded.
 */
import type { OrdersExpiringListener } from '../orders/expiry'
import type { OrdersClosedListener } from '../orders/state'
import { closeTradesOfClosedOrders } from './close'
import { forEachConcurrently, sharedWhileRunning } from './concurrently'
import type { PaymentDeps } from './deps'
import { askThrottled } from './query-throttle'
import { reconcilePayments } from './reconcile'
import { syncTradeFromAlipay } from './settle'

export type OrderReadListener = (userId: string, orderId: string) => Promise<void>

export interface Payments {
  deps: PaymentDeps
  onOrdersClosed: OrdersClosedListener
  onOrderRead: OrderReadListener
  beforeOrdersExpire: OrdersExpiringListener
  /** Repairs trades and refunds a failed Alipay call left half done (reconcile.ts). */
  reconcile: () => Promise<void>
}

/** Asks Alipay and acts on the answer; throws when Alipay cannot be asked. */
async function queryTrade(deps: PaymentDeps, orderId: string): Promise<void> {
  const status = await syncTradeFromAlipay(deps, orderId)
  if (status === undefined) deps.log.info({ orderId }, 'Alipay has no trade for this order yet')
}

const warnUnpaid = (deps: PaymentDeps, orderId: string, error: unknown) =>
  deps.log.warn({ err: error, orderId }, 'could not ask Alipay about an unpaid order; treating it as unpaid')

/** Never throws: "not paid yet" is the answer whenever Alipay has nothing or cannot be reached. */
async function syncOpenTrade(deps: PaymentDeps, orderId: string): Promise<void> {
  try {
    await queryTrade(deps, orderId)
  } catch (error) {
    warnUnpaid(deps, orderId, error)
  }
}

interface OpenTrade {
  id: string
  expiresAt: Date
}

/** Unpaid orders among these whose trade Alipay may have settled without telling us yet. */
async function ordersWithOpenTrades(
  deps: PaymentDeps,
  orderIds: string[],
  userId?: string,
): Promise<OpenTrade[]> {
  const rows = await deps.db.query<{ id: string; expires_at: Date }>(
    `select o.id, o.expires_at from orders o join payments p on p.order_id = o.id
      where o.id = any($1::text[]) and ($2::bigint is null or o.user_id = $2)
        and o.status = 'awaiting_payment' and p.trade_status = 'WAIT_BUYER_PAY'`,
    [orderIds, userId ?? null],
  )
  return rows.map((row) => ({ id: row.id, expiresAt: new Date(row.expires_at) }))
}

/**
 * On a buyer's read: parallel reads of one order share one query in this process, and across
 * instances a read asks only if no other did within ALIPAY_QUERY_INTERVAL_MS (query-throttle.ts);
 * the others show what is stored. Never throws.
 */
async function refreshOrderPayment(deps: PaymentDeps, userId: string, orderId: string): Promise<void> {
  try {
    for (const trade of await ordersWithOpenTrades(deps, [orderId], userId)) {
      await sharedWhileRunning(deps, `order:${trade.id}`, async () => {
        const subject = { kind: 'order', id: trade.id, deadline: trade.expiresAt } as const
        await askThrottled(deps.db, deps.settings.queries, subject, () => queryTrade(deps, trade.id)).catch(
          (error: unknown) => warnUnpaid(deps, trade.id, error),
        )
      })
    }
  } catch (error) {
    deps.log.warn({ err: error, orderId }, 'could not read the payment of an order; showing it unpaid')
  }
}

/** Not throttled: an order is closed only on a fresh answer. */
async function refreshExpiringPayments(deps: PaymentDeps, orderIds: string[]): Promise<void> {
  const trades = await ordersWithOpenTrades(deps, orderIds)
  await forEachConcurrently(trades, (trade) => syncOpenTrade(deps, trade.id))
}

/** `refundGraceMs`: see REFUND_GRACE_MS in reconcile.ts (tests pass 0). */
export function createPayments(deps: PaymentDeps, options: { refundGraceMs?: number } = {}): Payments {
  return {
    deps,
    onOrdersClosed: closeTradesOfClosedOrders(deps),
    onOrderRead: (userId, orderId) => refreshOrderPayment(deps, userId, orderId),
    beforeOrdersExpire: (orderIds) => refreshExpiringPayments(deps, orderIds),
    reconcile: () => reconcilePayments(deps, { refundGraceMs: options.refundGraceMs }),
  }
}
