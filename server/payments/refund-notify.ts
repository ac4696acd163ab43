/**
 * The notify Alipay sends after a refund (trade_status_sync carrying out_biz_no = the refund's
 * out_request_no, refund_fee = the trade's total refunded, gmt_refund; Alipay's async-notify doc,
 * opendocs.alipay.com/open/203/105286). Its signature was verified and its trade checked by
 * notify.ts, which sends it here and never to payment settling.
 *
 * - trade_status TRADE_CLOSED (the trade is fully refunded) is recorded on the payment, in the
 *   same transaction as the notify; the order's own status is never touched (a paid order stays
 *   paid: what it shows after a refund is the after-sales module's business).
 * - a refund of ours still pending is then confirmed the documented way, by asking
 *   alipay.trade.fastpay.refund.query (refunds.ts); if Alipay cannot be asked now, the reconciler
 *   does it later, so the notify is still answered `success`.
 */
import type { PaymentDeps } from './deps'
import { findRefundByRequestNo } from './refund-repository'
import { finishRefund } from './refunds'
import { recordNotify, setTradeStatus } from './repository'
import type { NotifyRecord } from './settle'

export async function handleRefundNotify(
  deps: PaymentDeps,
  record: NotifyRecord,
  outRequestNo: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (record.status === 'TRADE_CLOSED') await setTradeStatus(tx, record.subjectId, 'TRADE_CLOSED')
    await recordNotify(tx, record)
  })
  const refund = await findRefundByRequestNo(deps.db, outRequestNo)
  if (refund?.orderId !== record.subjectId || refund.status !== 'pending') return
  try {
    await finishRefund(deps, refund)
  } catch (error) {
    deps.log.warn(
      { err: error, outRequestNo },
      'could not confirm a notified refund now; the reconciler will',
    )
  }
}
