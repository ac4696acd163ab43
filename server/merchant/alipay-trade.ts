/**
 * GET /orders/:id/alipay-trade: what Alipay says about an order's trade right now
 * (alipay.trade.query), for the console's order page. Read-only: the answer is shown, never acted
 * on; the notify and the buyer's, expiry's and reconciler's queries (payments/settle.ts) change our
 * state.
 *
 * Not throttled through alipay_queries (query-throttle.ts, migration 012): that row decides when
 * a BUYER's read may ask and settle a payment, so a staff look would use up the buyer's turn and
 * delay recovering a lost notify; and a throttled caller shows the stored state, while this route
 * promises a live answer. Staff are few and logged in, and each look is one query.
 */
import type { ConsoleAlipayTrade } from '../../contract'
import { yuanToFen } from '../alipay/wire-format'
import { HttpError } from '../http/errors'
import { alipaySubCode, requirePayments, type PaymentDeps } from '../payments/deps'

interface TradeQueryAnswer {
  tradeNo?: string
  outTradeNo?: string
  tradeStatus?: string
  totalAmount?: string
  /** Refunded so far; Alipay sends it once something was refunded. */
  refundFee?: string
  /** Alipay masks it itself, e.g. 159****5620. */
  buyerLogonId?: string
}

const unavailable = (orderId: string, why: string) =>
  new HttpError(502, 'alipay_unavailable', `Could not ask Alipay about order ${orderId}: ${why}`)

/** An amount Alipay sent, in fen; absent when it sent none; a 502 when it is not an amount. */
function fenOf(orderId: string, name: string, yuan: string | undefined): number | undefined {
  if (yuan === undefined) return undefined
  const fen = yuanToFen(yuan)
  if (fen === undefined) throw unavailable(orderId, `its ${name} "${yuan}" is not an amount.`)
  return fen
}

export async function queryTradeLive(
  payments: PaymentDeps | undefined,
  orderId: string,
): Promise<ConsoleAlipayTrade> {
  const deps = requirePayments(payments)
  let answer: TradeQueryAnswer
  try {
    answer = await deps.alipay.exec<TradeQueryAnswer>('alipay.trade.query', { out_trade_no: orderId })
  } catch (error) {
    const queriedAt = new Date().toISOString()
    if (alipaySubCode(error) === 'ACQ.TRADE_NOT_EXIST') return { found: false, queriedAt }
    deps.log.warn({ err: error, orderId }, 'staff could not query an Alipay trade')
    // The details stay in the log; staff see Alipay's code, or that it did not answer.
    const subCode = alipaySubCode(error)
    throw unavailable(orderId, subCode ? `Alipay answered ${subCode}.` : 'no answer; try again.')
  }
  if (answer.outTradeNo !== orderId) throw unavailable(orderId, 'it answered about another trade.')
  const totalAmount = fenOf(orderId, 'total_amount', answer.totalAmount)
  const refundedAmount = fenOf(orderId, 'refund_fee', answer.refundFee)
  return {
    found: true,
    ...(answer.tradeNo ? { tradeNo: answer.tradeNo } : {}),
    ...(answer.tradeStatus ? { tradeStatus: answer.tradeStatus } : {}),
    ...(totalAmount !== undefined ? { totalAmount } : {}),
    ...(refundedAmount !== undefined ? { refundedAmount } : {}),
    ...(answer.buyerLogonId ? { buyerLogonIdMasked: answer.buyerLogonId } : {}),
    queriedAt: new Date().toISOString(),
  }
}
