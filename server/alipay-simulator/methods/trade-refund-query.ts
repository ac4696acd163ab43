/**
 * `alipay.trade.fastpay.refund.query`: did the refund `out_request_no` of a trade go through?
 *
 * As documented (https://docs.open.alipay.com/api_1/alipay.trade.fastpay.refund.query; fields per
 * alipay/alipay-sdk-java-all AlipayTradeFastpayRefundQueryResponse.java): code 10000 only means
 * the query worked. A refund that went through answers `refund_status: 'REFUND_SUCCESS'` with
 * `refund_amount` (this refund), `total_amount` (the trade's), `out_request_no`; an unknown or
 * not yet finished refund answers 10000 with no refund fields at all ("未返回该字段表示退款请求未
 * 收到或者退款失败"). `gmt_refund_pay` comes only when query_options holds `gmt_refund_pay`,
 * `send_back_fee` / `refund_detail_item_list` only with `refund_detail_item_list`.
 */
import { fenToYuan, toChinaTime } from '../../alipay/wire-format'
import { queryOptions, refundDetailFields } from '../refunds'
import { findTrade, isTrade, tradeErrors } from '../trades'
import type { MethodHandler } from './types'

export const tradeFastpayRefundQuery: MethodHandler = ({ app, bizContent, context }) => {
  const found = findTrade(context.store, app.appId, bizContent)
  if (!isTrade(found)) return found
  const outRequestNo = bizContent?.out_request_no
  if (typeof outRequestNo !== 'string' || outRequestNo === '')
    return tradeErrors.invalidParameter('out_request_no 不能为空')
  const refund = found.refunds.find((done) => done.outRequestNo === outRequestNo)
  if (!refund) return { code: '10000', msg: 'Success' }
  const options = queryOptions(bizContent)
  return {
    code: '10000',
    msg: 'Success',
    trade_no: found.tradeNo,
    out_trade_no: found.outTradeNo,
    out_request_no: refund.outRequestNo,
    total_amount: fenToYuan(found.totalFen),
    refund_amount: fenToYuan(refund.amountFen),
    refund_status: 'REFUND_SUCCESS',
    ...(options.has('gmt_refund_pay') ? { gmt_refund_pay: toChinaTime(refund.at) } : {}),
    ...refundDetailFields(refund, options),
  }
}
