/**
 * When an unpaid order closes (cancelled, or expired by the sweeper or on read), its Alipay trade
 * is closed too (alipay.trade.close), so the buyer cannot pay for an order whose stock went back.
 * If Alipay refuses because the trade was paid in the meantime, the payment is settled through
 * settle.ts, which refunds it: the order is closed for good.
 */
import type { OrdersClosedListener } from '../orders/state'
import { forEachConcurrently } from './concurrently'
import { alipaySubCode, type PaymentDeps } from './deps'
import { findPayment, setTradeStatus } from './repository'
import { syncTradeFromAlipay } from './settle'

export async function closeTradeOfClosedOrder(deps: PaymentDeps, orderId: string): Promise<void> {
  const payment = await findPayment(deps.db, orderId)
  if (!payment || payment.tradeStatus === 'TRADE_CLOSED') return // no trade was ever opened
  try {
    await deps.alipay.exec('alipay.trade.close', { out_trade_no: orderId })
    await setTradeStatus(deps.db, orderId, 'TRADE_CLOSED')
    deps.log.info({ orderId, tradeNo: payment.tradeNo }, 'closed the Alipay trade of a closed order')
    return
  } catch (error) {
    const subCode = alipaySubCode(error)
    // The buyer never opened the cashier: Alipay has nothing to close, so nothing can be paid
    // (a payment would still arrive as a notify, and be refunded).
    if (subCode === 'ACQ.TRADE_NOT_EXIST') {
      await setTradeStatus(deps.db, orderId, 'TRADE_CLOSED', 'WAIT_BUYER_PAY')
      return
    }
    // Any other refusal (ACQ.TRADE_STATUS_ERROR...) means the trade is not WAIT_BUYER_PAY any
    // more: find out why, and refund if it was paid.
    if (subCode === undefined) throw error
  }
  const status = await syncTradeFromAlipay(deps, orderId)
  deps.log.warn({ orderId, status }, 'the trade of a closed order could not be closed: checked it instead')
}

/**
 * For orderRoutes' onOrdersClosed and the expiry sweeper's onClosed. One order's failure does not
 * stop the others; it is logged (the refund of a paid trade is retried by the next notify).
 */
export function closeTradesOfClosedOrders(deps: PaymentDeps): OrdersClosedListener {
  return (orderIds) =>
    forEachConcurrently(orderIds, async (orderId) => {
      try {
        await closeTradeOfClosedOrder(deps, orderId)
      } catch (error) {
        deps.log.error({ err: error, orderId }, 'could not close the Alipay trade of a closed order')
      }
    })
}
