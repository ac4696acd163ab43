/**
 * `alipay.trade.pay` for a pre-authorization (解冻转支付): the merchant takes part or all of a
 * freeze as a payment (AlipayDocs/open-docs mini/server-api/服务端 API 概览.md, 支付宝预授权 section →
 * https://opendocs.alipay.com/mini/02cth5?scene=34). The simulator answers only this scene:
 * product_code PREAUTH_PAY with auth_no; other trade.pay scenes (bar code, agreements) are not
 * simulated.
 *
 * biz_content: out_trade_no, total_amount, subject, product_code = PREAUTH_PAY, auth_no,
 * buyer_id (or buyer_open_id) = the freeze's payer, auth_confirm_mode:
 * - NOT_COMPLETE (the default): the rest stays frozen for later unfreezes or payments;
 * - COMPLETE: the rest is unfrozen at once and the freeze ends (FINISH).
 * A new payment is a TRADE_SUCCESS trade (alipay.trade.query finds it) and a `trade_status_sync`
 * notify to the request's notify_url.
 *
 * Errors (the ACQ codes Alipay lists for alipay.trade.pay's pre-authorization scene):
 * ACQ.TRADE_HAS_SUCCESS (out_trade_no already paid: a retry never pays twice),
 * ACQ.TRADE_HAS_CLOSE (a trade under that out_trade_no is closed),
 * ACQ.AUTH_NO_ERROR (unknown auth_no, or another buyer), ACQ.AUTH_ORDER_HAS_FINISHED,
 * ACQ.AUTH_ORDER_HAS_CLOSED, ACQ.AUTH_AMOUNT_NOT_ENOUGH (more than the rest),
 * ACQ.INVALID_PARAMETER.
 */
import { fenToYuan, toChinaTime, yuanToPayableFen, MERCHANT_NUMBER } from '../../alipay/wire-format'
import { freezeAmounts, freezeByAuthNo, nonEmptyText } from '../fund-auth'
import { tradeNotifyFields } from '../notify-fields'
import { signNotify } from '../signing'
import type { StoredFreeze, StoredFreezeOperation, StoredTrade } from '../store'
import { buyerResponseFields, newOperationId, newTradeNo, tradeErrors, tradeStatus } from '../trades'
import { validUrl } from './trade-create'
import { gatewayError, type MethodHandler } from './types'

export const AUTH_CONFIRM_MODES = ['COMPLETE', 'NOT_COMPLETE'] as const

const failed = gatewayError.businessFailed

export const tradePayFromAuth: MethodHandler = ({ app, params, bizContent, context }) => {
  const invalid = tradeErrors.invalidParameter
  const outTradeNo = nonEmptyText(bizContent?.out_trade_no)
  const subject = nonEmptyText(bizContent?.subject)
  const authNo = nonEmptyText(bizContent?.auth_no)
  const amountFen = yuanToPayableFen(bizContent?.total_amount)
  const mode = bizContent?.auth_confirm_mode ?? 'NOT_COMPLETE'
  const buyerId = nonEmptyText(bizContent?.buyer_id) ?? nonEmptyText(bizContent?.buyer_open_id)
  if (!outTradeNo || !MERCHANT_NUMBER.test(outTradeNo))
    return invalid('out_trade_no 必须是 1-64 位字母、数字或下划线')
  if (amountFen === undefined) return invalid('total_amount 必须是 0.01 起、最多两位小数的金额字符串')
  if (!subject) return invalid('subject 不能为空')
  if (bizContent?.product_code !== 'PREAUTH_PAY' || !authNo)
    return invalid('模拟器只支持预授权转支付: product_code 必须是 PREAUTH_PAY，并传 auth_no')
  if (!AUTH_CONFIRM_MODES.includes(mode as (typeof AUTH_CONFIRM_MODES)[number]))
    return invalid('auth_confirm_mode 只能是 COMPLETE 或 NOT_COMPLETE')
  if (!buyerId) return invalid('预授权转支付需要 buyer_id（或 buyer_open_id）')
  const notifyUrl = params.notify_url || undefined
  if (notifyUrl !== undefined && !validUrl(notifyUrl)) return invalid('notify_url 必须是 http(s) 地址')

  const existing = context.store.tradeByOutTradeNo(app.appId, outTradeNo)
  // Alipay keeps a trade under its out_trade_no: a closed one stays closed, a paid one is not paid twice.
  if (existing && tradeStatus(existing, context.now()) === 'TRADE_CLOSED') return tradeErrors.hasClose()
  if (existing) return tradeErrors.hasSuccess()
  const freeze = freezeByAuthNo(context.store, app.appId, authNo)
  if (!freeze || freeze.payer.id !== buyerId) return failed('ACQ.AUTH_NO_ERROR', '预授权号错误或状态不对')
  const { restFen, orderStatus } = freezeAmounts(freeze)
  if (orderStatus === 'FINISH') return failed('ACQ.AUTH_ORDER_HAS_FINISHED', '预授权订单已经完结')
  if (orderStatus === 'CLOSED') return failed('ACQ.AUTH_ORDER_HAS_CLOSED', '预授权订单已关闭')
  if (amountFen > restFen) return failed('ACQ.AUTH_AMOUNT_NOT_ENOUGH', '授权金额不足')

  const now = context.now()
  const trade: StoredTrade = {
    tradeNo: newTradeNo(now),
    appId: app.appId,
    outTradeNo,
    totalFen: amountFen,
    subject,
    productCode: 'PREAUTH_PAY',
    opAppId: app.appId,
    buyer: { ...freeze.payer },
    notifyUrl,
    createdAt: now,
    status: 'TRADE_SUCCESS',
    paidAt: now,
    refunds: [],
    pendingRefunds: [],
  }
  const operations: StoredFreezeOperation[] = [
    {
      kind: 'PAY',
      operationId: newOperationId(now),
      outRequestNo: outTradeNo,
      amountFen,
      at: now,
      tradeNo: trade.tradeNo,
    },
  ]
  const leftOver = restFen - amountFen
  if (mode === 'COMPLETE' && leftOver > 0) {
    // COMPLETE: "转交易完成后解冻剩余冻结金额" — the rest goes back with this payment.
    const operationId = newOperationId(now)
    operations.push({
      kind: 'UNFREEZE',
      operationId,
      outRequestNo: operationId,
      amountFen: leftOver,
      at: now,
    })
  }
  const after: StoredFreeze = { ...freeze, operations: [...freeze.operations, ...operations] }
  context.store.saveTrade(trade)
  context.store.saveFreeze(after)
  if (notifyUrl)
    context.notifier.send(notifyUrl, signNotify(tradeNotifyFields(trade, now), context.simulatorPrivateKey))
  return {
    code: '10000',
    msg: 'Success',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...buyerResponseFields(trade.buyer),
    total_amount: fenToYuan(amountFen),
    receipt_amount: fenToYuan(amountFen),
    gmt_payment: toChinaTime(now),
  }
}
