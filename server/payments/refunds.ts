/**
 * Refunds through Alipay: the one way money goes back to a buyer.
 *
 * 1. requestRefund(tx, …) records a pending refund in the caller's transaction; the table refuses
 *    one that would take refunds past what was paid (migration 008), even under races.
 * 2. sendRefund(deps, refund), after that commit, calls alipay.trade.refund with the refund's own
 *    out_request_no and its amount in yuan. A refund is done only when Alipay confirms it:
 *    `fund_change: 'Y'` in the answer, or alipay.trade.fastpay.refund.query answering
 *    `refund_status: 'REFUND_SUCCESS'` — its code 10000 alone "仅代表本次查询操作成功，不代表退款成功"
 *    (docs.open.alipay.com/api_1/alipay.trade.fastpay.refund.query; fund_change: "本次退款是否发生了
 *    资金变化", docs.open.alipay.com/api_1/alipay.trade.refund). So a 10000 without either stays
 *    pending.
 * 3. No trustworthy answer (timeout, 20000, ACQ.SYSTEM_ERROR) leaves it pending, in doubt;
 *    finishRefund (the reconciler) asks the refund query first and resends only when Alipay does
 *    not know the refund, always with the same out_request_no ("重试时请务必保证退款请求号一致",
 *    same doc), so Alipay refunds once. A verified refusal (ACQ.*) marks it failed, unless the
 *    query shows the refund went through after all.
 */
import { SYSTEM_ERROR_SUB_CODES } from '../alipay/errors'
import { fenToYuan, yuanToFen } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import { alipaySubCode, type PaymentDeps } from './deps'
import {
  findRefund,
  findRefundByRequestNo,
  insertRefund,
  isOverPaidError,
  markRefundConfirmed,
  markRefundFailed,
  noteRefundInDoubt,
  recordRefundAttempt,
  refundableFen,
  reopenFailedRefund,
  type Refund,
  type RefundStatus,
} from './refund-repository'

export type { Refund, RefundKind, RefundStatus } from './refund-repository'
/** For callers that show or check refunds (the after-sales module). */
export { findRefundByRequestNo, listRefunds, refundableFen } from './refund-repository'

/** out_request_no of the full refund of money that landed on a closed order (as before 008). */
export const closedOrderRequestNo = (orderId: string) => `refund_${orderId}`
/** out_request_no of the refund of an after-sales request: one refund per request. */
export const afterSalesRequestNo = (orderId: string, requestId: string) => `R${orderId}_${requestId}`

export type RefundRequest =
  | { orderId: string; amountFen: number; kind: 'closed_order'; reason?: string }
  | { orderId: string; amountFen: number; kind: 'after_sales'; afterSalesRequestId: string; reason: string }

export type RequestRefundResult =
  | { refund: Refund }
  /** More than is left to refund (refunds not failed count); nothing was recorded. */
  | { refused: 'exceeds_paid'; refundableFen: number }
  /** The order has no payment to refund. */
  | { refused: 'not_paid' }

/**
 * Records a pending refund in `tx` (a transaction: a refusal rolls back to a savepoint only).
 * Idempotent per out_request_no: the same request again returns the refund already recorded,
 * whatever its status. Send it with sendRefund once `tx` has committed.
 */
export async function requestRefund(tx: Queryable, request: RefundRequest): Promise<RequestRefundResult> {
  if ((await refundableFen(tx, request.orderId)) === undefined) return { refused: 'not_paid' }
  const outRequestNo =
    request.kind === 'closed_order'
      ? closedOrderRequestNo(request.orderId)
      : afterSalesRequestNo(request.orderId, request.afterSalesRequestId)
  let refund: Refund
  try {
    refund = await insertRefund(tx, {
      orderId: request.orderId,
      outRequestNo,
      amountFen: request.amountFen,
      kind: request.kind,
      afterSalesRequestId: request.kind === 'after_sales' ? request.afterSalesRequestId : undefined,
      reason: request.reason ?? '订单已关闭',
    })
  } catch (error) {
    if (!isOverPaidError(error)) throw error
    // The trigger runs before the unique check: the same request again may be over the cap.
    const existing = await findRefundByRequestNo(tx, outRequestNo)
    if (!existing)
      return { refused: 'exceeds_paid', refundableFen: (await refundableFen(tx, request.orderId)) ?? 0 }
    refund = existing
  }
  if (refund.orderId !== request.orderId || refund.amountFen !== request.amountFen) {
    throw new Error(`out_request_no ${outRequestNo} is already a refund of ${refund.amountFen} fen`)
  }
  return { refund }
}

/**
 * A failed refund becomes pending again, to be sent with the same out_request_no (Alipay's
 * advice after e.g. ACQ.SELLER_BALANCE_NOT_ENOUGH: top up, then refund again). Refused like a new
 * refund when the others took what was left meanwhile.
 */
export async function retryFailedRefund(tx: Queryable, refundId: string): Promise<RequestRefundResult> {
  try {
    const reopened = await reopenFailedRefund(tx, refundId)
    const refund = reopened ?? (await findRefund(tx, refundId))
    if (!refund) throw new Error(`no refund ${refundId}`)
    return { refund }
  } catch (error) {
    if (!isOverPaidError(error)) throw error
    const refund = await findRefund(tx, refundId)
    return { refused: 'exceeds_paid', refundableFen: (await refundableFen(tx, refund?.orderId ?? '')) ?? 0 }
  }
}

interface RefundAnswer {
  fundChange?: string
}

interface RefundQueryAnswer {
  outRequestNo?: string
  refundAmount?: string
  refundStatus?: string
}

/** Whether Alipay's refund query shows this refund done, at its amount. */
async function confirmedByQuery(deps: PaymentDeps, refund: Refund): Promise<boolean> {
  const answer = await deps.alipay.exec<RefundQueryAnswer>('alipay.trade.fastpay.refund.query', {
    out_trade_no: refund.orderId,
    out_request_no: refund.outRequestNo,
  })
  if (answer.refundStatus !== 'REFUND_SUCCESS') return false
  if (answer.outRequestNo !== refund.outRequestNo || yuanToFen(answer.refundAmount) !== refund.amountFen) {
    throw new Error(
      `alipay.trade.fastpay.refund.query for ${refund.outRequestNo} answered another refund: ${JSON.stringify(answer)}`,
    )
  }
  return true
}

/** Records Alipay's confirmation; returns the status the refund has afterwards. */
async function confirm(deps: PaymentDeps, refund: Refund, how: string): Promise<RefundStatus> {
  const where = { orderId: refund.orderId, outRequestNo: refund.outRequestNo, how }
  if (await deps.db.transaction((tx) => markRefundConfirmed(tx, refund))) {
    deps.log.info(where, 'refund confirmed')
    return 'refunded'
  }
  const status = (await findRefund(deps.db, refund.id))?.status ?? 'failed'
  // Only a racer that saw Alipay refuse it can have left it failed: a person must look.
  if (status === 'failed') deps.log.error(where, 'Alipay confirmed a refund recorded as failed')
  return status
}

async function inDoubt(deps: PaymentDeps, refund: Refund, why: string): Promise<'pending'> {
  await noteRefundInDoubt(deps.db, refund.id, why)
  deps.log.warn({ orderId: refund.orderId, outRequestNo: refund.outRequestNo, why }, 'refund in doubt')
  return 'pending'
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Sends the refund to Alipay (alipay.trade.refund) and records what Alipay confirmed. Returns the
 * refund's status afterwards; an in-doubt refund stays 'pending' for finishRefund. Throws only
 * when the database fails (the refund is then still pending, and safe to send again).
 */
export async function sendRefund(deps: PaymentDeps, refund: Refund): Promise<RefundStatus> {
  if (!(await recordRefundAttempt(deps.db, refund.id))) {
    return (await findRefund(deps.db, refund.id))?.status ?? 'failed'
  }
  let answer: RefundAnswer
  try {
    answer = await deps.alipay.exec<RefundAnswer>('alipay.trade.refund', {
      out_trade_no: refund.orderId,
      out_request_no: refund.outRequestNo,
      refund_amount: fenToYuan(refund.amountFen),
      refund_reason: refund.reason,
    })
  } catch (error) {
    const subCode = alipaySubCode(error)
    if (subCode === undefined || SYSTEM_ERROR_SUB_CODES.has(subCode))
      return inDoubt(deps, refund, messageOf(error))
    // Refused. The query tells a refusal from a refund that went through earlier.
    try {
      if (await confirmedByQuery(deps, refund)) return confirm(deps, refund, 'query')
    } catch (queryError) {
      return inDoubt(
        deps,
        refund,
        `${messageOf(error)}; then the refund query failed: ${messageOf(queryError)}`,
      )
    }
    if (await markRefundFailed(deps.db, refund.id, messageOf(error))) {
      deps.log.error(
        { orderId: refund.orderId, outRequestNo: refund.outRequestNo, subCode },
        'Alipay refused the refund',
      )
    }
    return (await findRefund(deps.db, refund.id))?.status ?? 'failed'
  }
  if (answer.fundChange === 'Y') return confirm(deps, refund, 'fund_change')
  // 10000 without fund_change Y: a resend of a refund done before, or not done yet. Ask.
  try {
    if (await confirmedByQuery(deps, refund)) return confirm(deps, refund, 'query')
  } catch (error) {
    return inDoubt(deps, refund, `refund query failed: ${messageOf(error)}`)
  }
  return inDoubt(
    deps,
    refund,
    'alipay.trade.refund answered 10000 without fund_change Y, and the query does not show it',
  )
}

/**
 * Finishes a refund left in doubt: asks alipay.trade.fastpay.refund.query first, and sends it
 * again (same out_request_no) only when Alipay does not know it. Throws when Alipay cannot be
 * asked (the caller retries later).
 */
export async function finishRefund(deps: PaymentDeps, refund: Refund): Promise<RefundStatus> {
  let known: boolean
  try {
    known = await confirmedByQuery(deps, refund)
  } catch (error) {
    await inDoubt(deps, refund, `refund query failed: ${messageOf(error)}`)
    throw error
  }
  if (known) return confirm(deps, refund, 'query')
  return sendRefund(deps, refund)
}
