/**
 * A staff member cancels an order awaiting payment (POST /orders/:id/cancel), the buyer's way
 * (orders/cancel.ts: closed with its stock back, then its Alipay trade closed) plus one step first:
 * an order whose trade is open is asked about at Alipay, so money the buyer already paid marks it
 * paid (settle.ts) and the cancel is refused with 409 instead of closing a paid order. If Alipay
 * cannot be asked, nothing changes (502). A payment that lands between that answer and the close
 * is refunded when the trade is closed (payments/close.ts), as for the buyer's cancel.
 *
 * The audit entry (`order.cancel`, before → after) is written in the closing transaction.
 */
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { cancelUnpaidOrder } from '../orders/cancel'
import { findOrderStatus } from '../orders/repository'
import type { OrdersClosedListener } from '../orders/state'
import { requirePayments, type PaymentDeps } from '../payments/deps'
import { findPayment, isPaidStatus, type TradeStatus } from '../payments/repository'
import { syncTradeFromAlipay } from '../payments/settle'
import { audit } from '../staff/repository'

export const CANCEL_ACTION = 'order.cancel'

export interface StaffCancelDeps {
  db: Db
  /** Absent on a server without payments: an order with a trade then cannot be cancelled (502). */
  payments?: PaymentDeps
  onOrdersClosed?: OrdersClosedListener
  log: { error(details: object, message: string): void }
}

/**
 * Asks Alipay about the order's open trade (none: nothing to ask; a paid or closed one: the
 * cancel is refused anyway), settling a payment it reports; throws a 502 when it cannot, and a 409
 * when Alipay says paid but the payment could not be settled (another amount): staff must look.
 */
async function settleOpenTrade(deps: StaffCancelDeps, orderId: string): Promise<void> {
  const payment = await findPayment(deps.db, orderId)
  if (payment?.tradeStatus !== 'WAIT_BUYER_PAY') return
  let status: TradeStatus | undefined
  try {
    status = await syncTradeFromAlipay(requirePayments(deps.payments), orderId)
  } catch (error) {
    if (error instanceof HttpError) throw error
    deps.log.error({ err: error, orderId }, 'could not ask Alipay before cancelling an order')
    throw new HttpError(
      502,
      'alipay_unavailable',
      `Could not ask Alipay whether order ${orderId} was paid; nothing changed. Try again.`,
    )
  }
  const settled = (await findOrderStatus(deps.db, orderId)) !== 'awaiting_payment'
  if (status && isPaidStatus(status) && !settled)
    throw new HttpError(
      409,
      'order_not_cancellable',
      `Alipay reports order ${orderId} as paid (${status}), for an amount other than the order's; nothing changed. Check the trade at Alipay before acting on this order.`,
    )
}

export async function cancelAsStaff(deps: StaffCancelDeps, orderId: string, staffId: string): Promise<void> {
  await settleOpenTrade(deps, orderId)
  await cancelUnpaidOrder(deps.db, orderId, {
    onClosed: deps.onOrdersClosed,
    log: deps.log,
    withinClose: (tx) =>
      audit(tx, {
        staffId,
        action: CANCEL_ACTION,
        target: { type: 'order', id: orderId },
        before: { status: 'awaiting_payment' },
        after: { status: 'closed', closeReason: 'cancelled' },
      }),
  })
}
