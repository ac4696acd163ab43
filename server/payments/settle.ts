/**
 * Deciding that an order is paid — the ONLY way it happens — from a trade Alipay itself reported
 * as paid: a verified notify (notify.ts) or our own alipay.trade.query (here). The client's
 * result code never gets here.
 *
 * Money taken for an order that was closed meanwhile (expired or cancelled while the buyer was at
 * the cashier) is refunded in full, never kept: the order's stock has already gone back.
 */
import { markOrderPaid } from '../orders/state'
import { fromChinaTime } from './china-time'
import { alipaySubCode, type PaymentDeps } from './deps'
import { fenToYuan, yuanToFen } from './money'
import {
  findOrderForPayment,
  isPaidStatus,
  markRefunded,
  markRefundPending,
  recordNotify,
  savePayment,
  setTradeStatus,
  TRADE_STATUSES,
  type TradeStatus,
} from './repository'

export interface PaidTrade {
  orderId: string
  tradeNo: string
  amountFen: number
  status: 'TRADE_SUCCESS' | 'TRADE_FINISHED'
  paidAt: Date
}

/** A notify to record once its effect is durable (see recordNotify). */
export interface NotifyRecord {
  notifyId: string
  notifyType: string
  subjectId: string
  status: string
}

export type SettleOutcome = 'paid' | 'already_paid' | 'refunded'

/**
 * Marks the order paid; if it was closed meanwhile, refunds the trade instead. Throws when the
 * refund could not be confirmed, so a notify is answered with an error and redelivered (the refund
 * is idempotent). `notify` is recorded in the same transaction as the order change, or after the
 * refund, never before the effect it stands for.
 */
export async function settlePaidTrade(
  deps: PaymentDeps,
  trade: PaidTrade,
  notify?: NotifyRecord,
): Promise<SettleOutcome> {
  const outcome = await deps.db.transaction(async (tx) => {
    await savePayment(tx, trade)
    if (await markOrderPaid(tx, trade.orderId, trade.paidAt)) {
      await setTradeStatus(tx, trade.orderId, trade.status)
      if (notify) await recordNotify(tx, notify)
      return 'paid' as const
    }
    const order = await findOrderForPayment(tx, trade.orderId)
    if (order?.status === 'paid') {
      if (notify) await recordNotify(tx, notify)
      return 'already_paid' as const
    }
    return 'closed' as const
  })
  if (outcome === 'paid') deps.log.info({ orderId: trade.orderId, tradeNo: trade.tradeNo }, 'order paid')
  if (outcome !== 'closed') return outcome
  await refundClosedOrder(deps, trade)
  if (notify) await recordNotify(deps.db, notify)
  return 'refunded'
}

/** One full refund per order: the same out_request_no on every retry, so Alipay refunds once. */
export const refundRequestNo = (orderId: string) => `refund_${orderId}`

/** Refunds in full and records it; throws when Alipay did not confirm (reconcile.ts retries). */
export async function refundClosedOrder(
  deps: PaymentDeps,
  trade: Pick<PaidTrade, 'orderId' | 'tradeNo' | 'amountFen'>,
): Promise<void> {
  const outRequestNo = refundRequestNo(trade.orderId)
  await markRefundPending(deps.db, trade.orderId, outRequestNo)
  deps.log.warn(
    { orderId: trade.orderId, tradeNo: trade.tradeNo },
    'payment arrived for a closed order: refunding it in full',
  )
  const result = await deps.alipay.exec<{ fundChange?: string; refundFee?: string }>('alipay.trade.refund', {
    out_trade_no: trade.orderId,
    refund_amount: fenToYuan(trade.amountFen),
    out_request_no: outRequestNo,
    refund_reason: '订单已关闭',
  })
  // code 10000 alone is no proof: a repeated request answers fund_change N, so the cumulative
  // refund_fee is what says the money went back.
  const refundedFen = yuanToFen(result.refundFee)
  if (refundedFen === undefined || refundedFen < trade.amountFen) {
    throw new Error(
      `alipay.trade.refund for order ${trade.orderId} did not confirm the refund (fund_change ${result.fundChange}, refund_fee ${result.refundFee})`,
    )
  }
  await markRefunded(deps.db, trade.orderId, refundedFen)
  deps.log.warn({ orderId: trade.orderId, refundedFen }, 'refunded a payment for a closed order')
}

interface TradeQueryResult {
  tradeNo?: string
  outTradeNo?: string
  tradeStatus?: string
  totalAmount?: string
  sendPayDate?: string
}

/**
 * Asks Alipay (alipay.trade.query) about the order's trade and acts on a payment it reports, so a
 * lost or late notify is recovered. Returns the trade status, or undefined when Alipay has no such
 * trade (the buyer never reached the cashier). Throws AlipayUnavailableError and unexpected errors.
 */
export async function syncTradeFromAlipay(
  deps: PaymentDeps,
  orderId: string,
): Promise<TradeStatus | undefined> {
  let result: TradeQueryResult
  try {
    result = await deps.alipay.exec<TradeQueryResult>('alipay.trade.query', { out_trade_no: orderId })
  } catch (error) {
    if (alipaySubCode(error) === 'ACQ.TRADE_NOT_EXIST') return undefined
    throw error
  }
  const status = TRADE_STATUSES.find((known) => known === result.tradeStatus)
  if (!status || result.outTradeNo !== orderId || !result.tradeNo) {
    throw new Error(
      `alipay.trade.query for order ${orderId} answered an unexpected trade: ${JSON.stringify(result)}`,
    )
  }
  const order = await findOrderForPayment(deps.db, orderId)
  if (!order) throw new Error(`alipay.trade.query: no order ${orderId}`)
  if (isPaidStatus(status)) {
    const amountFen = yuanToFen(result.totalAmount)
    if (amountFen !== order.totalFen) {
      // Our trades are created for the order's total: anything else is not this order's payment.
      deps.log.error({ orderId, totalAmount: result.totalAmount }, 'paid trade amount differs from the order')
      return status
    }
    const paidAt = fromChinaTime(result.sendPayDate) ?? new Date()
    await settlePaidTrade(deps, { orderId, tradeNo: result.tradeNo, amountFen, status, paidAt })
  } else if (status === 'TRADE_CLOSED') {
    await setTradeStatus(deps.db, orderId, status)
  }
  return status
}
