/**
 * What staff do with after-sales requests (the merchant routes): approve, reject, confirm a
 * returned parcel, and send a refused refund again. Each is a transition of transitions.ts, what
 * it sets off (stock back, the refund recorded) and its audit entry, in ONE transaction: there is
 * never a decision without its entry, nor an entry without its decision. Refunds go to Alipay
 * after the commit.
 *
 * Safe to retry: an action already done (two staff approving at once, a retry after a lost
 * answer) changes nothing, writes no second entry and no second refund, and answers
 * `replayed: true`. An action the request's state does not allow is a 409.
 */
import type { Queryable } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { retryFailedRefund, type Refund } from '../payments/refunds'
import { audit } from '../staff/repository'
import { findRequestRow, lockRefundOf, orderStatusOf, returnStock, type RequestRow } from './repository'
import { recordRefund, sendAfterCommit, withSqlRefusals, type AfterSalesDeps } from './refunds'
import { notActionable } from './service'
import { approve, approvedStatus, receiveReturn, reject } from './transitions'

export const AFTER_SALES_ACTIONS = {
  approve: 'after_sales.approve',
  reject: 'after_sales.reject',
  returnReceived: 'after_sales.return_received',
  refundRetry: 'after_sales.refund_retry',
} as const

export interface StaffOutcome {
  /** The action was done before: nothing changed now. */
  replayed: boolean
}

interface Done extends StaffOutcome {
  refund?: Refund
}

const target = (requestId: string) => ({ type: 'after_sales', id: requestId })

async function requestOrNotFound(tx: Queryable, requestId: string): Promise<RequestRow> {
  const row = await findRequestRow(tx, requestId)
  if (!row) throw notFound(`No after-sales request ${requestId}.`)
  return row
}

/** One staff action in one transaction, SQL refusals answered as 409s, the refund sent after. */
async function act(deps: AfterSalesDeps, work: (tx: Queryable) => Promise<Done>): Promise<StaffOutcome> {
  const { replayed, refund } = await withSqlRefusals(() => deps.db.transaction(work))
  await sendAfterCommit(deps, refund)
  return { replayed }
}

const refundFields = (refund: Refund) => ({ refundFen: refund.amountFen, outRequestNo: refund.outRequestNo })

/**
 * requested → refunding (refund_only: the refund is recorded, and the stock returns when the order
 * is not shipped) or awaiting_return (return_and_refund: the buyer sends the goods back first).
 */
export function approveAsStaff(deps: AfterSalesDeps, requestId: string, staffId: string) {
  return act(deps, async (tx) => {
    const row = await requestOrNotFound(tx, requestId)
    if (await approve(tx, requestId, staffId)) {
      let refund: Refund | undefined
      if (row.kind === 'refund_only') {
        // An open request keeps the order from being shipped meanwhile (fulfilment.ts).
        if ((await orderStatusOf(tx, row.order_id)) === 'paid') await returnStock(tx, requestId)
        refund = await recordRefund(tx, row)
      }
      await audit(tx, {
        staffId,
        action: AFTER_SALES_ACTIONS.approve,
        target: target(requestId),
        before: { status: 'requested' },
        after: { status: approvedStatus(row.kind), ...(refund ? refundFields(refund) : {}) },
      })
      return { replayed: false, refund }
    }
    // A new statement: under a race it sees the winner's decision.
    const current = await requestOrNotFound(tx, requestId)
    if (!['requested', 'rejected', 'cancelled'].includes(current.status)) return { replayed: true }
    throw notActionable(current, 'only a requested one can be approved')
  })
}

/** requested → rejected, with the reason the buyer sees; the same rejection again is a replay. */
export function rejectAsStaff(deps: AfterSalesDeps, requestId: string, staffId: string, reason: string) {
  return act(deps, async (tx) => {
    await requestOrNotFound(tx, requestId)
    if (await reject(tx, requestId, staffId, reason)) {
      await audit(tx, {
        staffId,
        action: AFTER_SALES_ACTIONS.reject,
        target: target(requestId),
        before: { status: 'requested' },
        after: { status: 'rejected', reason },
      })
      return { replayed: false }
    }
    const current = await requestOrNotFound(tx, requestId)
    if (current.status === 'rejected' && current.reject_reason === reason) return { replayed: true }
    throw notActionable(current, 'only a requested one can be rejected')
  })
}

/** returning → refunding: the parcel came back, its stock returns and the refund is recorded. */
export function receiveReturnAsStaff(deps: AfterSalesDeps, requestId: string, staffId: string) {
  return act(deps, async (tx) => {
    const row = await requestOrNotFound(tx, requestId)
    if (await receiveReturn(tx, requestId)) {
      await returnStock(tx, requestId)
      const refund = await recordRefund(tx, row)
      await audit(tx, {
        staffId,
        action: AFTER_SALES_ACTIONS.returnReceived,
        target: target(requestId),
        before: { status: 'returning' },
        after: { status: 'refunding', ...refundFields(refund) },
      })
      return { replayed: false, refund }
    }
    const current = await requestOrNotFound(tx, requestId)
    if (current.kind === 'return_and_refund' && ['refunding', 'refunded'].includes(current.status))
      return { replayed: true }
    throw notActionable(current, 'only a returning one (its parcel on the way back) can be received')
  })
}

/**
 * Sends a refund Alipay refused again, with the same out_request_no (failed → pending). A refund
 * pending or refunded is left as it is: `replayed: true`, nothing resent.
 */
export function retryRefundAsStaff(deps: AfterSalesDeps, requestId: string, staffId: string) {
  return act(deps, async (tx) => {
    const row = await requestOrNotFound(tx, requestId)
    const refund = await lockRefundOf(tx, requestId)
    if (!refund) throw notActionable(row, 'it has no refund to send again')
    if (refund.status !== 'failed') return { replayed: true }
    const retried = await retryFailedRefund(tx, refund.id)
    if (!('refund' in retried))
      throw new HttpError(
        409,
        'refund_exceeds_paid',
        `Order ${row.order_id} has only ${'refundableFen' in retried ? retried.refundableFen : 0} fen left to refund: other refunds took the rest.`,
      )
    await audit(tx, {
      staffId,
      action: AFTER_SALES_ACTIONS.refundRetry,
      target: target(requestId),
      before: { refundStatus: 'failed' },
      after: { refundStatus: 'pending', ...refundFields(retried.refund) },
    })
    return { replayed: false, refund: retried.refund }
  })
}
