/**
 * `alipay.trade.refund`: refunds part or all of a paid trade. `out_request_no` identifies one
 * refund (default: the out_trade_no, as on Alipay); refunds add up to at most the total, and a
 * full refund closes the trade (refunds.ts).
 *
 * Answers, as documented on https://docs.open.alipay.com/api_1/alipay.trade.refund (linked from
 * AlipayDocs/open-docs mini/server-api/服务端 API 概览.md; fields per alipay/alipay-sdk-java-all
 * AlipayTradeRefundResponse.java):
 * - a new refund: 10000 with `fund_change: 'Y'`; `refund_fee` is the trade's total refunded so far;
 * - the same out_request_no and amount again: the refund is not repeated, 10000 with
 *   `fund_change: 'N'` (a 10000 alone proves nothing: the caller confirms with
 *   alipay.trade.fastpay.refund.query or the cumulative refund_fee);
 * - the same out_request_no with another amount: ACQ.DISCORDANT_REPEAT_REQUEST (不一致的请求);
 * - more than what is left to refund: ACQ.REFUND_AMT_NOT_EQUAL_TOTAL (退款金额超限);
 * - an unpaid or closed trade: ACQ.TRADE_STATUS_ERROR; no such trade: ACQ.TRADE_NOT_EXIST.
 */
import { fenToYuan, toChinaTime, yuanToPayableFen, MERCHANT_NUMBER } from '../../alipay/wire-format'
import { completeRefund, pendingFen, queryOptions, refundDetailFields, startSlowRefund } from '../refunds'
import type { StoredRefund, StoredTrade } from '../store'
import { buyerResponseFields, findTrade, isTrade, refundedFen, tradeErrors, tradeStatus } from '../trades'
import { gatewayError, type MethodHandler } from './types'

function answer(trade: StoredTrade, refund: StoredRefund, fundChange: 'Y' | 'N', options: Set<string>) {
  return {
    code: '10000',
    msg: 'Success',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...buyerResponseFields(trade.buyer),
    fund_change: fundChange,
    refund_fee: fenToYuan(refundedFen(trade)),
    gmt_refund_pay: toChinaTime(refund.at),
    ...refundDetailFields(refund, options),
  }
}

const discordant = () =>
  gatewayError.businessFailed(
    'ACQ.DISCORDANT_REPEAT_REQUEST',
    '不一致的请求：该 out_request_no 已用于另一金额的退款',
  )

export const tradeRefund: MethodHandler = ({ app, bizContent, context }) => {
  const found = findTrade(context.store, app.appId, bizContent)
  if (!isTrade(found)) return found
  const amountFen = yuanToPayableFen(bizContent?.refund_amount)
  if (amountFen === undefined)
    return tradeErrors.invalidParameter('refund_amount 必须是 0.01 起、最多两位小数的金额字符串')
  const rawRequestNo = bizContent?.out_request_no
  const outRequestNo = rawRequestNo === undefined || rawRequestNo === '' ? found.outTradeNo : rawRequestNo
  if (typeof outRequestNo !== 'string' || !MERCHANT_NUMBER.test(outRequestNo))
    return tradeErrors.invalidParameter('out_request_no 必须是 1-64 位字母、数字或下划线')
  const options = queryOptions(bizContent)

  // A request already seen is answered as it stands, whatever the switch and the trade's status.
  const done = found.refunds.find((refund) => refund.outRequestNo === outRequestNo)
  if (done) return done.amountFen === amountFen ? answer(found, done, 'N', options) : discordant()
  const pending = found.pendingRefunds.find((refund) => refund.outRequestNo === outRequestNo)
  if (pending) return pending.amountFen === amountFen ? gatewayError.unavailable() : discordant()

  if (tradeStatus(found, context.now()) !== 'TRADE_SUCCESS') return tradeErrors.statusError()
  if (refundedFen(found) + pendingFen(found) + amountFen > found.totalFen)
    return gatewayError.businessFailed('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限')

  const request = { outRequestNo, amountFen }
  switch (context.refunds.mode) {
    case 'fail':
      return gatewayError.businessFailed('ACQ.SELLER_BALANCE_NOT_ENOUGH', '卖家余额不足')
    case 'slow':
      startSlowRefund(context, found, request)
      return gatewayError.unavailable()
    case 'normal': {
      const completed = completeRefund(context, found.tradeNo, request)
      if (!completed) return tradeErrors.notExist()
      return answer(completed.trade, completed.refund, 'Y', options)
    }
  }
}
