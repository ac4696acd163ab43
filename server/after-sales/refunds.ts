/**
 * The money side of after-sales, on the refund ledger (server/payments/refunds.ts): a request's
 * refund is recorded in the transaction that moves it to refunding (requestRefund, one
 * out_request_no per request), and sent to Alipay only after that commit (sendRefund). Migration
 * 010's trigger on refunds then moves the request: refunded once Alipay confirms, a
 * 'refund_failed' event when Alipay refuses.
 */
import type { Db, Queryable } from '../db/types'
import { HttpError } from '../http/errors'
import type { PaymentDeps, PaymentLogger } from '../payments/deps'
import { isOverPaidError } from '../payments/refund-repository'
import { requestRefund, sendRefund, type Refund } from '../payments/refunds'
import type { RequestRow } from './repository'

export interface AfterSalesDeps {
  db: Db
  /** Alipay, to send refunds; without it (no Alipay configured) they wait for the reconciler. */
  payments?: PaymentDeps
  log: PaymentLogger
}

/** What Alipay shows in the buyer's bill for the refund. */
const refundReason = (requestId: string) => `售后退款 ${requestId}`

const exceedsPaid = (orderId: string, left: number) =>
  new HttpError(
    409,
    'refund_exceeds_paid',
    `Order ${orderId} has only ${left} fen left to refund: other refunds took the rest.`,
  )

/**
 * Records the request's refund (pending) in `tx`. Throws 409 refund_exceeds_paid when the order's
 * other refunds left too little, so the caller's transaction rolls back.
 */
export async function recordRefund(
  tx: Queryable,
  request: Pick<RequestRow, 'id' | 'order_id' | 'refund_fen'>,
): Promise<Refund> {
  const result = await requestRefund(tx, {
    orderId: request.order_id,
    amountFen: request.refund_fen,
    kind: 'after_sales',
    afterSalesRequestId: request.id,
    reason: refundReason(request.id),
  })
  if ('refund' in result) return result.refund
  if (result.refused === 'exceeds_paid') throw exceedsPaid(request.order_id, result.refundableFen)
  throw new HttpError(409, 'after_sales_not_allowed', `Order ${request.order_id} has no payment to refund.`)
}

/**
 * After the commit: sends the refund to Alipay. Never throws: a refund that could not be sent
 * stays pending, and the reconciler (server/payments/reconcile.ts) finishes it.
 */
export async function sendAfterCommit(deps: AfterSalesDeps, refund: Refund | undefined): Promise<void> {
  if (!refund) return
  if (!deps.payments) {
    deps.log.warn({ outRequestNo: refund.outRequestNo }, 'no Alipay configured: the refund waits')
    return
  }
  try {
    await sendRefund(deps.payments, refund)
  } catch (error) {
    deps.log.error(
      { err: error, orderId: refund.orderId, outRequestNo: refund.outRequestNo },
      'could not send an after-sales refund; the reconciler will',
    )
  }
}

/** The SQL refusals of migration 010 (and 008) a race can still meet, as the API's 409s. */
export function refusalOf(error: unknown): HttpError | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint
  if (constraint === 'after_sales_lines_one_open_idx')
    return new HttpError(
      409,
      'after_sales_line_open',
      'Another open after-sales request holds one of these lines; wait for it to end.',
    )
  if (constraint === 'after_sales_lines_within_bought')
    return new HttpError(
      409,
      'after_sales_quantity_exceeded',
      'More units than were bought and not already claimed by other requests.',
    )
  if (isOverPaidError(error))
    return new HttpError(409, 'refund_exceeds_paid', 'Other refunds took what is left to refund.')
  return undefined
}

/** Runs `work`, answering SQL refusals as 409s. */
export async function withSqlRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw refusalOf(error) ?? error
  }
}
