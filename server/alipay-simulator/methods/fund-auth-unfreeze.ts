/**
 * `alipay.fund.auth.order.unfreeze`: gives part or all of a freeze's rest back to the buyer
 * (AlipayDocs/open-docs mini/server-api/服务端 API 概览.md → https://opendocs.alipay.com/mini/02f1pm).
 * biz_content: auth_no, out_request_no, amount (yuan), remark — all required.
 *
 * Answers, with the sub codes Alipay documents for this method:
 * - a new unfreeze: 10000 with the operation (status SUCCESS), and a `fund_auth_unfreeze` notify
 *   to the request's notify_url;
 * - the same out_request_no and amount again: the same operation, nothing unfrozen twice;
 *   another amount: UNIQUE_VIOLATION (解冻信息被篡改);
 * - more than the rest: REQUEST_AMOUNT_EXCEED (请求解冻金额超限);
 * - no such auth_no: AUTH_ORDER_NOT_EXIST; nothing left because a payment took it:
 *   ORDER_ALREADY_FINISH; everything already unfrozen: ORDER_ALREADY_CLOSED;
 * - missing or malformed fields: ILLEGAL_ARGUMENT.
 */
import { yuanToPayableFen, MERCHANT_NUMBER } from '../../alipay/wire-format'
import { freezeAmounts, freezeByAuthNo, nonEmptyText, operationFields } from '../fund-auth'
import { unfreezeNotifyFields } from '../notify-fields'
import { signNotify } from '../signing'
import type { StoredFreeze, StoredFreezeOperation } from '../store'
import { newOperationId } from '../trades'
import { validUrl } from './trade-create'
import { gatewayError, type MethodHandler } from './types'

const illegal = (detail: string) =>
  gatewayError.businessFailed('ILLEGAL_ARGUMENT', `参数异常或参数缺失: ${detail}`)

function answer(freeze: StoredFreeze, operation: StoredFreezeOperation) {
  return {
    code: '10000',
    msg: 'Success',
    ...operationFields(freeze, operation),
    status: 'SUCCESS',
  }
}

export const fundAuthOrderUnfreeze: MethodHandler = ({ app, params, bizContent, context }) => {
  const authNo = nonEmptyText(bizContent?.auth_no)
  const outRequestNo = nonEmptyText(bizContent?.out_request_no)
  const remark = nonEmptyText(bizContent?.remark)
  const amountFen = yuanToPayableFen(bizContent?.amount)
  if (!authNo) return illegal('auth_no 不能为空')
  if (!outRequestNo || !MERCHANT_NUMBER.test(outRequestNo))
    return illegal('out_request_no 必须是 1-64 位字母、数字或下划线')
  if (amountFen === undefined) return illegal('amount 必须是 0.01 起、最多两位小数的金额字符串')
  if (!remark) return illegal('remark 不能为空')
  const notifyUrl = params.notify_url || undefined
  if (notifyUrl !== undefined && !validUrl(notifyUrl)) return illegal('notify_url 必须是 http(s) 地址')

  const freeze = freezeByAuthNo(context.store, app.appId, authNo)
  if (!freeze) return gatewayError.businessFailed('AUTH_ORDER_NOT_EXIST', '支付宝资金授权订单不存在')
  // A request already seen is answered as it stands: a retry never unfreezes twice.
  const seen = freeze.operations.find((op) => op.kind === 'UNFREEZE' && op.outRequestNo === outRequestNo)
  if (seen) {
    return seen.amountFen === amountFen
      ? answer(freeze, seen)
      : gatewayError.businessFailed('UNIQUE_VIOLATION', '解冻信息被篡改')
  }
  const { restFen, orderStatus } = freezeAmounts(freeze)
  if (orderStatus === 'FINISH')
    return gatewayError.businessFailed('ORDER_ALREADY_FINISH', '授权订单已经完结，无法再进行资金操作')
  if (orderStatus === 'CLOSED')
    return gatewayError.businessFailed('ORDER_ALREADY_CLOSED', '授权订单已经关闭，无法再进行资金操作')
  if (amountFen > restFen) return gatewayError.businessFailed('REQUEST_AMOUNT_EXCEED', '请求解冻金额超限')

  const now = context.now()
  const operation: StoredFreezeOperation = {
    kind: 'UNFREEZE',
    operationId: newOperationId(now),
    outRequestNo,
    amountFen,
    at: now,
    remark,
  }
  const after: StoredFreeze = { ...freeze, operations: [...freeze.operations, operation] }
  context.store.saveFreeze(after)
  if (notifyUrl)
    context.notifier.send(
      notifyUrl,
      signNotify(unfreezeNotifyFields(after, operation, now), context.simulatorPrivateKey),
    )
  return answer(after, operation)
}
