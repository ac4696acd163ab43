/**
 * Opening the Alipay trade of an order (alipay.trade.create), once: the trade is stored in
 * `payments` and reused while the order awaits payment. Concurrent calls are safe because Alipay
 * answers the same out_trade_no with the same trade_no, and the row is keyed by order.
 *
 * The buyer comes from the SESSION, never from the client: Alipay binds the trade to that account,
 * and the cashier refuses anyone else (6001).
 */
import { HttpError, notFound } from '../http/errors'
import { isPaidOrderStatus } from '../orders/state'
import type { BuyerRecord } from '../session/repository'
import { closeTradeOfClosedOrder } from './close'
import { alipaySubCode, type PaymentDeps } from './deps'
import { fenToYuan, idField, toChinaTime } from '../alipay/wire-format'
import {
  findOrderForPayment,
  findPayment,
  savePayment,
  type OrderForPayment,
  type PaymentRecord,
} from './repository'
import { syncTradeFromAlipay } from './settle'

export interface OpenTradeRequest {
  orderId: string
  buyer: BuyerRecord
  /** Where Alipay posts the payment notify. */
  notifyUrl: string
}

const notPayable = (message: string) => new HttpError(409, 'order_not_payable', message)
const alreadyPaid = (orderId: string) => notPayable(`Order ${orderId} is already paid.`)

/** The one rule for "can this order be paid now": every way to pay (trade, web-view ticket) asks it. */
export function assertPayable(order: OrderForPayment): void {
  if (isPaidOrderStatus(order.status)) throw alreadyPaid(order.id)
  if (order.status === 'closed') throw notPayable(`Order ${order.id} is closed; place a new order.`)
  if (order.expiresAt.getTime() <= Date.now())
    throw notPayable(`Order ${order.id} has expired; place a new order.`)
  if (order.totalFen < 1) throw notPayable(`Order ${order.id} has nothing to pay.`)
}

function alipayFailed(error: unknown): HttpError {
  const subCode = alipaySubCode(error)
  return new HttpError(
    502,
    'alipay_unavailable',
    subCode
      ? `Alipay refused to open the payment (${subCode}); please try again later.`
      : 'Alipay could not be reached to open the payment; please try again.',
  )
}

async function createTrade(
  deps: PaymentDeps,
  order: OrderForPayment,
  request: OpenTradeRequest,
): Promise<string> {
  const { alipay } = deps
  const buyer = idField('tradeBuyer', request.buyer.alipay.kind, request.buyer.alipay.value)
  try {
    const result = await alipay.exec<{ tradeNo?: string; outTradeNo?: string }>(
      'alipay.trade.create',
      {
        out_trade_no: order.id,
        total_amount: fenToYuan(order.totalFen),
        subject: order.subject,
        product_code: 'JSAPI_PAY',
        ...buyer,
        op_app_id: alipay.appId,
        // The trade closes at Alipay when the order expires here, so neither outlives the other.
        time_expire: toChinaTime(order.expiresAt),
      },
      { notify_url: request.notifyUrl },
    )
    if (!result.tradeNo || result.outTradeNo !== order.id) {
      throw new Error(`alipay.trade.create answered without this order's trade: ${JSON.stringify(result)}`)
    }
    return result.tradeNo
  } catch (error) {
    const subCode = alipaySubCode(error)
    if (subCode === 'ACQ.TRADE_HAS_SUCCESS') {
      // Paid already (e.g. a lost notify): settle it now from Alipay's own answer.
      await syncTradeFromAlipay(deps, order.id).catch((syncError: unknown) =>
        deps.log.error({ err: syncError, orderId: order.id }, 'could not settle a trade Alipay says is paid'),
      )
      throw alreadyPaid(order.id)
    }
    if (subCode === 'ACQ.TRADE_HAS_CLOSE')
      throw notPayable(`Order ${order.id}'s payment was closed; place a new order.`)
    deps.log.error({ err: error, orderId: order.id }, 'alipay.trade.create failed')
    throw alipayFailed(error)
  }
}

/** The order's stored trade, or a new one. 404 unless the buyer's; 409 unless payable. */
export async function openTrade(deps: PaymentDeps, request: OpenTradeRequest): Promise<PaymentRecord> {
  const { db } = deps
  const order = await findOrderForPayment(db, request.orderId)
  if (!order || order.userId !== request.buyer.id) throw notFound(`No order ${request.orderId}.`)
  assertPayable(order)
  const stored = await findPayment(db, order.id)
  if (stored?.tradeStatus === 'WAIT_BUYER_PAY') return stored
  if (stored) throw notPayable(`Order ${order.id}'s payment is ${stored.tradeStatus}.`)

  const tradeNo = await createTrade(deps, order, request)
  // Stored whatever the order's status now, so a later notify or refund finds it; the order row
  // is locked so a cancel cannot slip between the check and the insert.
  const { payment, status } = await db.transaction(async (tx) => {
    const locked = await findOrderForPayment(tx, order.id, { lock: true })
    return {
      payment: await savePayment(tx, { orderId: order.id, tradeNo, amountFen: order.totalFen }),
      status: locked?.status,
    }
  })
  if (status && isPaidOrderStatus(status)) throw alreadyPaid(order.id)
  if (status === 'closed') {
    // Closed while the trade was being created: its close listener found no trade yet.
    await closeTradeOfClosedOrder(deps, order.id).catch((error: unknown) =>
      deps.log.error(
        { err: error, orderId: order.id },
        'could not close the trade of an order closed meanwhile',
      ),
    )
    throw notPayable(`Order ${order.id} is closed; place a new order.`)
  }
  return payment
}
