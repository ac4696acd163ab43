/**
 * Repairs what a failed call to Alipay left half done; runs after every expiry sweep (the
 * sweeper buildApp starts), a batch at a time, a few Alipay calls at once (concurrently.ts):
 *  - a closed order whose trade is still open (alipay.trade.close failed, e.g. Alipay was
 *    unreachable): close it now, so the buyer cannot pay for stock that went back;
 *  - a refund left in doubt (pending REFUND_GRACE_MS after its last attempt: a timeout, a crash,
 *    Alipay's 20000): finishRefund asks alipay.trade.fastpay.refund.query, and sends it again
 *    only when Alipay does not know it. The out_request_no is the same on every attempt, so
 *    Alipay refunds once however often this runs.
 * Each failure is logged and retried at the next sweep; nothing here throws.
 */
import { closeTradeOfClosedOrder } from './close'
import { forEachConcurrently } from './concurrently'
import type { PaymentDeps } from './deps'
import { pendingRefundsToFinish, reopenFailedClosedOrderRefunds } from './refund-repository'
import { finishRefund } from './refunds'

const BATCH = 50
/**
 * How long a refund's last attempt must be past before it is looked at again: Alipay advises
 * querying a refund 10 seconds or more after it was sent (alipay.trade.fastpay.refund.query,
 * refund_status: "建议商户在退款发起后间隔10秒以上再发起退款查询请求").
 */
export const REFUND_GRACE_MS = 10_000
/** How long a refused refund of a closed order waits before it is sent again. */
export const CLOSED_ORDER_REFUND_RETRY_MS = 10 * 60_000

export async function reconcilePayments(
  deps: PaymentDeps,
  {
    limit = BATCH,
    refundGraceMs = REFUND_GRACE_MS,
    closedOrderRefundRetryMs = CLOSED_ORDER_REFUND_RETRY_MS,
  }: { limit?: number; refundGraceMs?: number; closedOrderRefundRetryMs?: number } = {},
): Promise<void> {
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
    await reopenFailedClosedOrderRefunds(deps.db, closedOrderRefundRetryMs, limit)
    // A refund that cannot be finished is noted in doubt, which moves it to the back.
    await forEachConcurrently(await pendingRefundsToFinish(deps.db, refundGraceMs, limit), async (refund) => {
      try {
        await finishRefund(deps, refund)
      } catch (error) {
        deps.log.error(
          { err: error, orderId: refund.orderId, outRequestNo: refund.outRequestNo },
          'reconcile: could not finish a refund; retrying at the next sweep',
        )
      }
    })
  } catch (error) {
    deps.log.error({ err: error }, 'reconcile: could not read the payments to repair')
  }
}
