/**
 * The buyer's side of after-sales: asking (createRequest), entering the return parcel and
 * cancelling. Every amount comes from the order's own lines, never from the client.
 *
 * A new request locks its order row first, so requests on one order are made one at a time and
 * each sees the ones before it; the checks here then give each refusal its own clear answer. The
 * tables refuse the same things again (migration 010: one open request per line, no more units
 * than bought; 008: no more refunds than paid), and withSqlRefusals answers those as the same
 * 409s, so no race gets through or gets a 500.
 */
import type {
  AfterSalesKind,
  CreateAfterSalesRequest,
  OrderStatus,
  ReturnShipmentInput,
} from '../../contract'
import type { Queryable } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { refundableFen, type Refund } from '../payments/refunds'
import { statusInWords } from '../orders/state'
import {
  findRequestRow,
  insertRequest,
  lineAllowances,
  buyerOrder,
  returnStock,
  type RequestRow,
} from './repository'
import { recordRefund, sendAfterCommit, withSqlRefusals, type AfterSalesDeps } from './refunds'
import { approve, cancel, shipReturn } from './transitions'
import { claimable, kindsAllowed } from './view'

export interface NewAfterSales {
  userId: string
  orderId: string
  request: CreateAfterSalesRequest
  /** config.afterSalesAutoApprove: a refund-only request on an order not yet shipped needs no staff. */
  autoApprove: boolean
}

function refuseKind(orderId: string, status: OrderStatus, kind: AfterSalesKind): void {
  if (kindsAllowed(status).includes(kind)) return
  const why =
    status === 'completed'
      ? 'its after-sales window has ended'
      : status === 'paid'
        ? 'it is not shipped yet, so there is nothing to send back: ask for a refund only'
        : 'nothing was paid for it'
  throw new HttpError(409, 'after_sales_not_allowed', `Order ${orderId} is ${statusInWords(status)}: ${why}.`)
}

/** Checks the lines asked for against the order's; returns the refund they add up to. */
async function priceLines(
  tx: Queryable,
  orderId: string,
  lines: CreateAfterSalesRequest['lines'],
): Promise<number> {
  const allowances = await lineAllowances(tx, orderId)
  const seen = new Set<number>()
  let amount = 0
  for (const { lineNo, quantity } of lines) {
    if (seen.has(lineNo))
      throw new HttpError(400, 'bad_request', `Line ${lineNo} is named twice; name each line once.`)
    seen.add(lineNo)
    const line = allowances.find((allowance) => allowance.line_no === lineNo)
    if (!line)
      throw new HttpError(
        400,
        'bad_request',
        `Order ${orderId} has no line ${lineNo}; it has lines 1 to ${allowances.length}.`,
      )
    if (line.open)
      throw new HttpError(
        409,
        'after_sales_line_open',
        `Line ${lineNo} already has an open after-sales request; wait for it to end.`,
      )
    if (quantity > claimable(line))
      throw new HttpError(
        409,
        'after_sales_quantity_exceeded',
        `Line ${lineNo} was bought ${line.bought} times and ${claimable(line)} can still be claimed, not ${quantity}.`,
      )
    amount += line.unit_price_fen * quantity
  }
  return amount
}

/**
 * Makes a request; a refund-only one on a paid order not yet shipped is approved at once when
 * `autoApprove`: its stock returns and its refund is recorded in the same transaction, then sent.
 * Returns the request's id.
 */
export async function createRequest(deps: AfterSalesDeps, asked: NewAfterSales): Promise<string> {
  const { userId, orderId, request } = asked
  const { requestId, refund } = await withSqlRefusals(() =>
    deps.db.transaction(async (tx): Promise<{ requestId: string; refund?: Refund }> => {
      const order = await buyerOrder(tx, orderId, userId, { lock: true })
      if (!order) throw notFound(`No order ${orderId}.`)
      refuseKind(orderId, order.status, request.kind)
      const amount = await priceLines(tx, orderId, request.lines)
      const left = await refundableFen(tx, orderId)
      if (left === undefined || amount === 0)
        throw new HttpError(409, 'after_sales_not_allowed', `Order ${orderId} has nothing paid to refund.`)
      if (amount > left)
        throw new HttpError(
          409,
          'refund_exceeds_paid',
          `These lines come to ${amount} fen, but only ${left} fen of order ${orderId} is left to refund.`,
        )
      const id = await insertRequest(tx, {
        orderId,
        userId,
        kind: request.kind,
        reason: request.reason,
        note: request.note,
        refundFen: amount,
        lines: request.lines,
      })
      if (!(asked.autoApprove && request.kind === 'refund_only' && order.status === 'paid'))
        return { requestId: id }
      await approve(tx, id)
      await returnStock(tx, id)
      return { requestId: id, refund: await recordRefund(tx, { id, order_id: orderId, refund_fen: amount }) }
    }),
  )
  await sendAfterCommit(deps, refund)
  return requestId
}

/** 409 after_sales_not_actionable, naming the request's status and what it allows. */
export const notActionable = (row: RequestRow, what: string) =>
  new HttpError(
    409,
    'after_sales_not_actionable',
    `After-sales request ${row.id} is ${statusInWords(row.status)}; ${what}.`,
  )

/**
 * awaiting_return → returning with the buyer's parcel. The same parcel again is a replay
 * (`replayed: true`); anything else on a request not awaiting its return is a 409.
 */
export async function enterReturnParcel(
  deps: AfterSalesDeps,
  requestId: string,
  userId: string,
  parcel: ReturnShipmentInput,
): Promise<{ replayed: boolean }> {
  return deps.db.transaction(async (tx) => {
    if (await shipReturn(tx, requestId, userId, parcel)) return { replayed: false }
    // A new statement: under a race it sees the winner's parcel.
    const row = await findRequestRow(tx, requestId, userId)
    if (!row) throw notFound(`No after-sales request ${requestId}.`)
    if (row.return_carrier === parcel.carrier && row.return_tracking_no === parcel.trackingNo)
      return { replayed: true }
    if (row.return_carrier)
      throw notActionable(row, `its return parcel is ${row.return_carrier} ${row.return_tracking_no}`)
    throw notActionable(row, 'a return parcel is entered once the shop approved the return (awaiting return)')
  })
}

/** requested | awaiting_return | returning → cancelled; cancelling again is a replay. */
export async function cancelRequest(
  deps: AfterSalesDeps,
  requestId: string,
  userId: string,
): Promise<{ replayed: boolean }> {
  return deps.db.transaction(async (tx) => {
    if (await cancel(tx, requestId, userId)) return { replayed: false }
    const row = await findRequestRow(tx, requestId, userId)
    if (!row) throw notFound(`No after-sales request ${requestId}.`)
    if (row.status === 'cancelled') return { replayed: true }
    throw notActionable(row, 'only one requested, awaiting return or returning can be cancelled')
  })
}
