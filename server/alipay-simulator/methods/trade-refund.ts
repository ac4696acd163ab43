/**
 * `alipay.trade.refund`: refunds part or all of a paid trade. `out_request_no` identifies one
 * refund (default: the out_trade_no, as on Alipay): sending it again answers the same refund
 * without moving money twice. Refunds add up; once they reach the total the trade is closed.
 */
import { chinaTime, formatFen, parseAmount } from '../money-time'
import type { StoredRefund, StoredTrade } from '../store'
import { buyerResponseFields, findTrade, isTrade, refundedFen, tradeErrors, tradeStatus } from '../trades'
import { gatewayError, type MethodHandler } from './types'

const OUT_REQUEST_NO = /^[A-Za-z0-9_]{1,64}$/

function answer(trade: StoredTrade, refund: StoredRefund) {
  return {
    code: '10000',
    msg: 'Success',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...buyerResponseFields(trade.buyer),
    fund_change: 'Y',
    refund_fee: formatFen(refund.refundFeeFen),
    send_back_fee: formatFen(refund.amountFen),
    gmt_refund_pay: chinaTime(refund.at),
  }
}

export const tradeRefund: MethodHandler = ({ app, bizContent, context }) => {
  const found = findTrade(context.store, app.appId, bizContent)
  if (!isTrade(found)) return found
  const amountFen = parseAmount(bizContent?.refund_amount)
  if (amountFen === undefined)
    return tradeErrors.invalidParameter('refund_amount 必须是 0.01 起、最多两位小数的金额字符串')
  const rawRequestNo = bizContent?.out_request_no
  const outRequestNo = rawRequestNo === undefined || rawRequestNo === '' ? found.outTradeNo : rawRequestNo
  if (typeof outRequestNo !== 'string' || !OUT_REQUEST_NO.test(outRequestNo))
    return tradeErrors.invalidParameter('out_request_no 必须是 1-64 位字母、数字或下划线')

  const previous = found.refunds.find((refund) => refund.outRequestNo === outRequestNo)
  if (previous) {
    if (previous.amountFen !== amountFen)
      return tradeErrors.invalidParameter('同一 out_request_no 的退款金额与首次请求不一致')
    return answer(found, previous)
  }
  if (found.paidAt === undefined) return tradeErrors.statusError()
  const now = context.now()
  if (tradeStatus(found, now) !== 'TRADE_SUCCESS') return tradeErrors.statusError()
  const refundFeeFen = refundedFen(found) + amountFen
  if (refundFeeFen > found.totalFen)
    return gatewayError.businessFailed('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限')
  const refund: StoredRefund = { outRequestNo, amountFen, refundFeeFen, at: now }
  const full = refundFeeFen === found.totalFen
  context.store.saveTrade({
    ...found,
    refunds: [...found.refunds, refund],
    ...(full ? { status: 'TRADE_CLOSED', closedAt: now } : {}),
  })
  return answer(found, refund)
}
