/**
 * Repairs what a failed call to Alipay left half done; runs after every expiry sweep (the
 * sweeper buildApp starts), a batch at a time, a few Alipay calls at once (concurrently.ts):
 *  - a closed order whose trade is still open (alipay.trade.close failed, e.g. Alipay was
 *    unreachable): close it now, so the buyer cannot pay for stock that went back;
 *  - a refund Alipay has not confirmed: send it again. The out_request_no is the same on every
 *    attempt, so Alipay refunds once however often this runs.
 * Each failure is logged and retried at the next sweep; nothing here throws.
 */
import { closeTradeOfClosedOrder } from './close'
import { forEachConcurrently } from './concurrently'
import type { PaymentDeps } from './deps'
import { refundClosedOrder } from './settle'

const BATCH = 50

export async function reconcilePayments(deps: PaymentDeps, limit = BATCH): Promise<void> {
  const attempt = async (orderId: string, what: string, run: () => Promise<void>) => {
    try {
      await run()
    } catch (error) {
      deps.log.error({ err: error, orderId }, `reconcile: could not ${what}; retrying at the next sweep`)
      // To the back of the queue: rows that keep failing must not starve the others.
      await deps.db
        .query('update payments set updated_at = now() where order_id = $1', [orderId])
        .catch(() => undefined)
    }
  }
  try {
    const openTrades = await deps.db.query<{ order_id: string }>(
      `select p.order_id from payments p join orders o on o.id = p.order_id
        where o.status = 'closed' and p.trade_status = 'WAIT_BUYER_PAY'
        order by p.updated_at limit $1`,
      [limit],
    )
    await forEachConcurrently(openTrades, ({ order_id: orderId }) =>
      attempt(orderId, 'close the trade of a closed order', () => closeTradeOfClosedOrder(deps, orderId)),
    )
    const pendingRefunds = await deps.db.query<{ order_id: string; trade_no: string; amount_fen: number }>(
      `select order_id, trade_no, amount_fen from payments
        where refund_status = 'pending' order by updated_at limit $1`,
      [limit],
    )
    await forEachConcurrently(pendingRefunds, (row) =>
      attempt(row.order_id, 'refund a payment for a closed order', () =>
        refundClosedOrder(deps, { orderId: row.order_id, tradeNo: row.trade_no, amountFen: row.amount_fen }),
      ),
    )
  } catch (error) {
    deps.log.error({ err: error }, 'reconcile: could not read the payments to repair')
  }
}
