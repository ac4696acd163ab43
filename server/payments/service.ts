/**
 * The payment hooks the rest of the server calls, built from one set of dependencies:
 *  - onOrdersClosed: for orderRoutes and the expiry sweeper (close.ts);
 *  - onOrderRead: before GET /api/orders/:id shows an unpaid order with a trade, ask Alipay, so a
 *    lost notify is recovered the moment the buyer looks (the client polls it after the cashier).
 */
import type { OrdersClosedListener } from '../orders/state'
import { closeTradesOfClosedOrders } from './close'
import type { PaymentDeps } from './deps'
import { syncTradeFromAlipay } from './settle'

export type OrderReadListener = (userId: string, orderId: string) => Promise<void>

export interface Payments {
  deps: PaymentDeps
  onOrdersClosed: OrdersClosedListener
  onOrderRead: OrderReadListener
}

/** Never throws: "not paid yet" is the answer whenever Alipay has nothing or cannot be reached. */
export async function refreshOrderPayment(deps: PaymentDeps, userId: string, orderId: string): Promise<void> {
  try {
    const open = await deps.db.query(
      `select 1 from orders o join payments p on p.order_id = o.id
        where o.id = $1 and o.user_id = $2 and o.status = 'awaiting_payment'
          and p.trade_status = 'WAIT_BUYER_PAY'`,
      [orderId, userId],
    )
    if (open.length === 0) return // nothing to ask: no trade, or already settled
    const status = await syncTradeFromAlipay(deps, orderId)
    if (status === undefined) deps.log.info({ orderId }, 'Alipay has no trade for this order yet')
  } catch (error) {
    deps.log.warn({ err: error, orderId }, 'could not ask Alipay about an unpaid order; showing it unpaid')
  }
}

export function createPayments(deps: PaymentDeps): Payments {
  return {
    deps,
    onOrdersClosed: closeTradesOfClosedOrders(deps),
    onOrderRead: (userId, orderId) => refreshOrderPayment(deps, userId, orderId),
  }
}
