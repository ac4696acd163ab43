/**
 * `alipay.fund.auth.operation.detail.query` (AlipayDocs/open-docs mini/server-api/服务端 API 概览.md →
 * https://opendocs.alipay.com/mini/02f0g1): one operation of a pre-authorization — the freeze the
 * cashier made from an orderStr, an unfreeze, or a payment from it — by `auth_no` or
 * `out_order_no`, and `operation_id` or `out_request_no` (a payment's is its out_trade_no). The
 * answer carries the operation (operation_type FREEZE / UNFREEZE / PAY, amount, status) and the
 * freeze's totals after everything done so far: order_status, rest_amount, total_unfreeze_amount,
 * total_pay_amount (fund-auth.ts).
 */
import { idField, toChinaTime } from '../../alipay/wire-format'
import { freezeTotals, freezeOperation, nonEmptyText, operationFields, type AnyOperation } from '../fund-auth'
import type { StoredFreeze } from '../store'
import { gatewayError, type MethodHandler } from './types'

export const fundAuthOperationDetailQuery: MethodHandler = ({ app, bizContent, context }) => {
  const authNo = nonEmptyText(bizContent?.auth_no)
  const outOrderNo = nonEmptyText(bizContent?.out_order_no)
  const operationId = nonEmptyText(bizContent?.operation_id)
  const outRequestNo = nonEmptyText(bizContent?.out_request_no)
  if ((!authNo && !outOrderNo) || (!operationId && !outRequestNo)) {
    return gatewayError.businessFailed(
      'ACQ.INVALID_PARAMETER',
      '参数无效: 需要 auth_no 或 out_order_no，以及 operation_id 或 out_request_no',
    )
  }
  const matches = (operation: AnyOperation) =>
    (!operationId || operation.operationId === operationId) &&
    (!outRequestNo || operation.outRequestNo === outRequestNo)
  let found: { freeze: StoredFreeze; operation: AnyOperation } | undefined
  for (const freeze of context.store.freezesOf(app.appId)) {
    if ((authNo && freeze.authNo !== authNo) || (outOrderNo && freeze.outOrderNo !== outOrderNo)) continue
    const operation = [freezeOperation(freeze), ...freeze.operations].find(matches)
    if (operation) {
      found = { freeze, operation }
      break
    }
  }
  if (!found) return gatewayError.businessFailed('AUTH_OPERATION_NOT_EXIST', '操作流水不存在')
  const { freeze, operation } = found
  return {
    code: '10000',
    msg: 'Success',
    ...operationFields(freeze, operation),
    operation_type: operation.kind,
    status: freeze.status,
    gmt_create: toChinaTime(operation.at),
    order_title: freeze.orderTitle,
    ...freezeTotals(freeze),
    ...idField('freezePayer', freeze.payer.kind, freeze.payer.id),
  }
}
