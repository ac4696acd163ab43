/**
 * Deciding that an order is paid — the ONLY way it happens — from a trade Alipay itself reported
 * as paid: a verified notify (notify.ts) or our own alipay.trade.query (here). The client's
 * result code never gets here.
 *
 * Money taken for an order that was closed meanwhile (expired or cancelled while the buyer was at
 * the cashier) is refunded in full through refunds.ts, never kept: the order's stock has already
 * gone back.
 */
import { isPaidOrderStatus, markOrderPaid } from '../orders/state'
import { alipaySubCode, type PaymentDeps } from './deps'
import { fromChinaTime, yuanToFen } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import type { Refund } from './refund-repository'
import { requestRefund, retryFailedRefund, sendRefund } from './refunds'
import {
  findOrderForPayment,
  isPaidStatus,
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
    if (order && isPaidOrderStatus(order.status)) {
      if (notify) await recordNotify(tx, notify)
      return 'already_paid' as const
    }
    // Alipay took the money: the trade is no longer open (the reconciler must not close it), and
    // its refund is recorded in the same commit, so a crash after it leaves a pending refund for
    // the reconciler rather than money kept with no record of what is owed.
    await setTradeStatus(tx, trade.orderId, trade.status, 'WAIT_BUYER_PAY')
    return recordClosedOrderRefund(tx, trade)
  })
  if (outcome === 'paid') deps.log.info({ orderId: trade.orderId, tradeNo: trade.tradeNo }, 'order paid')
  if (outcome === 'paid' || outcome === 'already_paid') return outcome
  await sendClosedOrderRefund(deps, trade, outcome)
  if (notify) await recordNotify(deps.db, notify)
  return 'refunded'
}

/**
 * Records the full refund of a payment for a closed order (kind closed_order, one out_request_no
 * per order, refunds.ts) in `tx`. A refund Alipay refused before is reopened, to be sent again with
 * the same out_request_no: money for a closed order is never kept.
 */
async function recordClosedOrderRefund(
  tx: Queryable,
  trade: Pick<PaidTrade, 'orderId' | 'amountFen'>,
): Promise<Refund> {
  const request = { orderId: trade.orderId, amountFen: trade.amountFen, kind: 'closed_order' } as const
  const recorded = await requestRefund(tx, request)
  const requested =
    'refund' in recorded && recorded.refund.status === 'failed'
      ? await retryFailedRefund(tx, recorded.refund.id)
      : recorded
  if (!('refund' in requested)) {
    throw new Error(`cannot refund order ${trade.orderId} in full: ${JSON.stringify(requested)}`)
  }
  return requested.refund
}

/**
 * Sends the refund of a closed order's payment and throws unless Alipay confirmed it, so a notify
 * is answered with an error and redelivered; the reconciler finishes a refund left in doubt.
 */
async function sendClosedOrderRefund(
  deps: PaymentDeps,
  trade: Pick<PaidTrade, 'orderId' | 'tradeNo'>,
  refund: Refund,
): Promise<void> {
  if (refund.status === 'refunded') return
  deps.log.warn(
    { orderId: trade.orderId, tradeNo: trade.tradeNo },
    'payment arrived for a closed order: refunding it in full',
  )
  const status = await sendRefund(deps, refund)
  if (status !== 'refunded') {
    throw new Error(`the refund of closed order ${trade.orderId} is ${status}, not confirmed by Alipay`)
  }
  deps.log.warn(
    { orderId: trade.orderId, refundedFen: refund.amountFen },
    'refunded a payment for a closed order',
  )
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
