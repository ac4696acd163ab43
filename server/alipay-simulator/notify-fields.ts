/**
 * The fields of the two notifications the simulator sends (before signing, see signNotify):
 * `trade_status_sync` when a trade is paid, `fund_auth_freeze` when a pre-authorization freezes.
 */
import { randomBytes } from 'node:crypto'
import { chinaTime, formatFen } from './money-time'
import type { StoredFreeze, StoredTrade } from './store'
import { SIMULATED_SELLER_ID } from './trades'

function common(notifyType: string, appId: string, now: number): Record<string, string> {
  return {
    notify_time: chinaTime(now),
    notify_type: notifyType,
    notify_id: randomBytes(16).toString('hex'),
    app_id: appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
  }
}

export function tradeNotifyFields(trade: StoredTrade, now: number): Record<string, string> {
  const amount = formatFen(trade.totalFen)
  return {
    ...common('trade_status_sync', trade.appId, now),
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...(trade.buyer.kind === 'open_id' ? { buyer_open_id: trade.buyer.id } : { buyer_id: trade.buyer.id }),
    seller_id: SIMULATED_SELLER_ID,
    trade_status: 'TRADE_SUCCESS',
    total_amount: amount,
    receipt_amount: amount,
    buyer_pay_amount: amount,
    subject: trade.subject,
    gmt_create: chinaTime(trade.createdAt),
    gmt_payment: chinaTime(trade.paidAt ?? now),
  }
}

export function freezeNotifyFields(freeze: StoredFreeze, now: number): Record<string, string> {
  const amount = formatFen(freeze.amountFen)
  return {
    ...common('fund_auth_freeze', freeze.appId, now),
    auth_no: freeze.authNo,
    out_order_no: freeze.outOrderNo,
    operation_id: freeze.operationId,
    out_request_no: freeze.outRequestNo,
    operation_type: 'FREEZE',
    amount,
    total_freeze_amount: amount,
    status: freeze.status,
    ...(freeze.payer.kind === 'open_id'
      ? { payer_open_id: freeze.payer.id }
      : { payer_user_id: freeze.payer.id }),
    gmt_create: chinaTime(freeze.at),
    gmt_trans: chinaTime(freeze.at),
  }
}
