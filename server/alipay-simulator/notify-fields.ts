/**
 * The fields of the notifications the simulator sends (before signing, see signNotify):
 * `trade_status_sync` when a trade is paid or refunded, `fund_auth_freeze` when a
 * pre-authorization freezes, `fund_auth_unfreeze` when part or all of it is unfrozen.
 */
import { randomBytes } from 'node:crypto'
import { fenToYuan, idField, toChinaTime } from '../alipay/wire-format'
import { freezeOperation, freezeTotals, operationFields } from './fund-auth'
import type { StoredFreeze, StoredFreezeOperation, StoredRefund, StoredTrade } from './store'
import { SIMULATED_SELLER_ID } from './trades'

function common(notifyType: string, appId: string, now: number): Record<string, string> {
  return {
    notify_time: toChinaTime(now),
    notify_type: notifyType,
    notify_id: randomBytes(16).toString('hex'),
    app_id: appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
  }
}

export function tradeNotifyFields(trade: StoredTrade, now: number): Record<string, string> {
  const amount = fenToYuan(trade.totalFen)
  return {
    ...common('trade_status_sync', trade.appId, now),
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...idField('tradeBuyer', trade.buyer.kind, trade.buyer.id),
    seller_id: SIMULATED_SELLER_ID,
    trade_status: trade.status === 'TRADE_CLOSED' ? 'TRADE_CLOSED' : 'TRADE_SUCCESS',
    total_amount: amount,
    receipt_amount: amount,
    buyer_pay_amount: amount,
    subject: trade.subject,
    gmt_create: toChinaTime(trade.createdAt),
    gmt_payment: toChinaTime(trade.paidAt ?? now),
  }
}

/** "2015-04-28 15:45:57.320": gmt_refund carries milliseconds (yyyy-MM-dd HH:mm:ss.S). */
const withMilliseconds = (at: number) => `${toChinaTime(at)}.${String(at % 1000).padStart(3, '0')}`

/**
 * After a refund: the trade's notify again, with `out_biz_no` = the refund's out_request_no,
 * `refund_fee` = the total refunded so far and `gmt_refund`; `trade_status` stays TRADE_SUCCESS
 * after a partial refund and is TRADE_CLOSED (with `gmt_close`) once everything is refunded.
 * Source: Alipay's 异步通知说明 (https://opendocs.alipay.com/open/203/105286: "out_biz_no 商户业务ID，
 * 主要是退款通知中返回退款申请的流水号", "refund_fee 退款通知中，返回总退款金额") and AlipayDocs/open-docs
 * support/支付宝小程序/常见问题/小程序支付常见问题.md for the statuses.
 */
export function refundNotifyFields(
  trade: StoredTrade,
  refund: StoredRefund,
  now: number,
): Record<string, string> {
  return {
    ...tradeNotifyFields(trade, now),
    out_biz_no: refund.outRequestNo,
    refund_fee: fenToYuan(refund.refundFeeFen),
    gmt_refund: withMilliseconds(refund.at),
    ...(trade.status === 'TRADE_CLOSED' ? { gmt_close: toChinaTime(trade.closedAt ?? refund.at) } : {}),
  }
}

export function freezeNotifyFields(freeze: StoredFreeze, now: number): Record<string, string> {
  const amount = fenToYuan(freeze.amountFen)
  return {
    ...common('fund_auth_freeze', freeze.appId, now),
    ...operationFields(freeze, freezeOperation(freeze)),
    operation_type: 'FREEZE',
    total_freeze_amount: amount,
    status: freeze.status,
    ...idField('freezePayer', freeze.payer.kind, freeze.payer.id),
    gmt_create: toChinaTime(freeze.at),
  }
}

/**
 * After alipay.fund.auth.order.unfreeze: the operation, and the freeze's totals after it
 * (rest_amount, total_unfreeze_amount, total_pay_amount). Fields as in Alipay's fund-auth notify
 * (notify_type fund_auth_unfreeze, operation_type UNFREEZE, status SUCCESS), linked from
 * AlipayDocs/open-docs mini/server-api/服务端 API 概览.md (alipay.fund.auth.order.unfreeze).
 */
export function unfreezeNotifyFields(
  freeze: StoredFreeze,
  operation: StoredFreezeOperation,
  now: number,
): Record<string, string> {
  const { order_status: _status, ...totals } = freezeTotals(freeze)
  return {
    ...common('fund_auth_unfreeze', freeze.appId, now),
    ...operationFields(freeze, operation),
    operation_type: 'UNFREEZE',
    status: 'SUCCESS',
    ...totals,
    ...idField('freezePayer', freeze.payer.kind, freeze.payer.id),
    gmt_create: toChinaTime(operation.at),
  }
}
