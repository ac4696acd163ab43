/**
 * `alipay.trade.query` and `alipay.trade.close`, by `trade_no` or `out_trade_no` (trade_no wins),
 * limited to the calling app's trades.
 */
import { fenToYuan, toChinaTime } from '../../alipay/wire-format'
import { buyerResponseFields, findTrade, isTrade, refundedFen, tradeErrors, tradeStatus } from '../trades'
import type { MethodHandler } from './types'

export const tradeQuery: MethodHandler = ({ app, bizContent, context }) => {
  const found = findTrade(context.store, app.appId, bizContent)
  if (!isTrade(found)) return found
  const status = tradeStatus(found, context.now())
  const paid = found.paidAt !== undefined
  const refunded = refundedFen(found)
  return {
    code: '10000',
    msg: 'Success',
    trade_no: found.tradeNo,
    out_trade_no: found.outTradeNo,
    trade_status: status,
    total_amount: fenToYuan(found.totalFen),
    ...buyerResponseFields(found.buyer),
    ...(paid
      ? {
          buyer_pay_amount: fenToYuan(found.totalFen),
          receipt_amount: fenToYuan(found.totalFen),
          send_pay_date: toChinaTime(found.paidAt as number),
        }
      : {}),
    ...(refunded > 0 ? { refund_fee: fenToYuan(refunded) } : {}),
  }
}

export const tradeClose: MethodHandler = ({ app, bizContent, context }) => {
  const found = findTrade(context.store, app.appId, bizContent)
  if (!isTrade(found)) return found
  const now = context.now()
  if (tradeStatus(found, now) !== 'WAIT_BUYER_PAY') return tradeErrors.statusError()
  context.store.saveTrade({ ...found, status: 'TRADE_CLOSED', closedAt: now })
  return { code: '10000', msg: 'Success', trade_no: found.tradeNo, out_trade_no: found.outTradeNo }
}
