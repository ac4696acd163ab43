/**
 * Cancelling an order awaiting payment, for the buyer (orders/plugin.ts) and for staff
 * (merchant/cancel.ts): awaiting_payment → closed (cancelled) with its stock back, in one
 * transaction (state.ts's conditional UPDATE), then the onClosed hook closes its Alipay trade
 * (payments/close.ts), which refunds a payment that raced in. Anything but an unpaid order is a
 * 409 `order_not_cancellable` that says what the order is.
 */
import type { Db, Queryable } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { findOrderStatus } from './repository'
import { closeOrder, statusInWords, type OrdersClosedListener } from './state'

export interface CancelOptions {
  /** Runs in the closing transaction once this call closed the order (e.g. its audit entry). */
  withinClose?: (tx: Queryable) => Promise<void>
  /** After the commit: closes the Alipay trade. Its errors are logged, never undo the cancel. */
  onClosed?: OrdersClosedListener
  log: { error(details: object, message: string): void }
}

/** Why an order that is not awaiting payment cannot be cancelled, as a 409 (404 when there is none). */
export async function notCancellable(db: Queryable, orderId: string): Promise<HttpError> {
  const status = await findOrderStatus(db, orderId)
  if (!status) return notFound(`No order ${orderId}.`)
  const state = status === 'closed' ? 'already closed' : statusInWords(status)
  return new HttpError(
    409,
    'order_not_cancellable',
    `Order ${orderId} is ${state}; only unpaid orders can be cancelled.`,
  )
}

export async function cancelUnpaidOrder(db: Db, orderId: string, options: CancelOptions): Promise<void> {
  const cancelled = await db.transaction(async (tx) => {
    if (!(await closeOrder(tx, orderId, 'cancelled'))) return false
    await options.withinClose?.(tx)
    return true
  })
  if (!cancelled) throw await notCancellable(db, orderId)
  try {
    await options.onClosed?.([orderId], 'cancelled')
  } catch (error) {
    options.log.error({ err: error, orderId }, 'onOrdersClosed failed for a cancelled order')
  }
}
