/**
 * The payment hooks the rest of the server calls, built from one set of dependencies:
 *  - onOrdersClosed: for orderRoutes and the expiry sweeper (close.ts);
 *  - onOrderRead: before GET /api/orders/:id shows an unpaid order with a trade, ask Alipay, so a
 *    lost notify is recovered the moment the buyer looks (the client polls it after the cashier);
 *    parallel reads of one order share one query;
 *  - beforeOrdersExpire: before orders past their deadline are closed (on read or by the sweeper),
 *    ask Alipay about their open trades, so money taken just before the deadline pays the order
 *    instead of being refunded.
 */
import type { OrdersExpiringListener } from '../orders/expiry'
import type { OrdersClosedListener } from '../orders/state'
import { closeTradesOfClosedOrders } from './close'
import { forEachConcurrently } from './concurrently'
import type { PaymentDeps } from './deps'
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

/** Never throws: "not paid yet" is the answer whenever Alipay has nothing or cannot be reached. */
async function syncOpenTrade(deps: PaymentDeps, orderId: string): Promise<void> {
  try {
    const status = await syncTradeFromAlipay(deps, orderId)
    if (status === undefined) deps.log.info({ orderId }, 'Alipay has no trade for this order yet')
  } catch (error) {
    deps.log.warn(
      { err: error, orderId },
      'could not ask Alipay about an unpaid order; treating it as unpaid',
    )
  }
}

/** Unpaid orders among these whose trade Alipay may have settled without telling us yet. */
async function ordersWithOpenTrades(deps: PaymentDeps, orderIds: string[], userId?: string) {
  const rows = await deps.db.query<{ id: string }>(
    `select o.id from orders o join payments p on p.order_id = o.id
      where o.id = any($1::text[]) and ($2::bigint is null or o.user_id = $2)
        and o.status = 'awaiting_payment' and p.trade_status = 'WAIT_BUYER_PAY'`,
    [orderIds, userId ?? null],
  )
  return rows.map((row) => row.id)
}

type OrderSync = (orderId: string) => Promise<void>

/**
 * One Alipay query per order in flight at a time: reads of the same order while it runs share
 * it, so a client sending many GET /api/orders/:id at once cannot multiply calls to Alipay.
 */
function oneInFlightPerOrder(sync: OrderSync): OrderSync {
  const inFlight = new Map<string, Promise<void>>()
  return (orderId) => {
    const running = inFlight.get(orderId)
    if (running) return running
    const started = sync(orderId).finally(() => inFlight.delete(orderId))
    inFlight.set(orderId, started)
    return started
  }
}

async function refreshOrderPayment(deps: PaymentDeps, sync: OrderSync, userId: string, orderId: string) {
  try {
    for (const id of await ordersWithOpenTrades(deps, [orderId], userId)) await sync(id)
  } catch (error) {
    deps.log.warn({ err: error, orderId }, 'could not read the payment of an order; showing it unpaid')
  }
}

async function refreshExpiringPayments(deps: PaymentDeps, orderIds: string[]): Promise<void> {
  await forEachConcurrently(await ordersWithOpenTrades(deps, orderIds), (id) => syncOpenTrade(deps, id))
}

/** `refundGraceMs`: see REFUND_GRACE_MS in reconcile.ts (tests pass 0). */
export function createPayments(deps: PaymentDeps, options: { refundGraceMs?: number } = {}): Payments {
  const syncOnRead = oneInFlightPerOrder((orderId) => syncOpenTrade(deps, orderId))
  return {
    deps,
    onOrdersClosed: closeTradesOfClosedOrders(deps),
    onOrderRead: (userId, orderId) => refreshOrderPayment(deps, syncOnRead, userId, orderId),
    beforeOrdersExpire: (orderIds) => refreshExpiringPayments(deps, orderIds),
    reconcile: () => reconcilePayments(deps, { refundGraceMs: options.refundGraceMs }),
  }
}
