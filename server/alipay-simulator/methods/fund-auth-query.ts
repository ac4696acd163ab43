/**
 * `alipay.fund.auth.operation.detail.query`: one pre-authorization operation (the freeze the
 * cashier made from an orderStr), by `auth_no` or `out_order_no`, and `operation_id` or
 * `out_request_no`.
 */
import { fenToYuan, idField, toChinaTime } from '../../alipay/wire-format'
import type { StoredFreeze } from '../store'
import { gatewayError, type MethodHandler } from './types'

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

export const fundAuthOperationDetailQuery: MethodHandler = ({ app, bizContent, context }) => {
  const authNo = text(bizContent?.auth_no)
  const outOrderNo = text(bizContent?.out_order_no)
  const operationId = text(bizContent?.operation_id)
  const outRequestNo = text(bizContent?.out_request_no)
  if ((!authNo && !outOrderNo) || (!operationId && !outRequestNo)) {
    return gatewayError.businessFailed(
      'ACQ.INVALID_PARAMETER',
      '参数无效: 需要 auth_no 或 out_order_no，以及 operation_id 或 out_request_no',
    )
  }
  const freeze: StoredFreeze | undefined = context.store
    .freezesOf(app.appId)
    .find(
      (candidate) =>
        (!authNo || candidate.authNo === authNo) &&
        (!outOrderNo || candidate.outOrderNo === outOrderNo) &&
        (!operationId || candidate.operationId === operationId) &&
        (!outRequestNo || candidate.outRequestNo === outRequestNo),
    )
  if (!freeze) return gatewayError.businessFailed('AUTH_OPERATION_NOT_EXIST', '操作流水不存在')
  return {
    code: '10000',
    msg: 'Success',
    auth_no: freeze.authNo,
    out_order_no: freeze.outOrderNo,
    operation_id: freeze.operationId,
    out_request_no: freeze.outRequestNo,
    operation_type: 'FREEZE',
    amount: fenToYuan(freeze.amountFen),
    status: freeze.status,
    gmt_create: toChinaTime(freeze.at),
    gmt_trans: toChinaTime(freeze.at),
    order_title: freeze.orderTitle,
    total_freeze_amount: fenToYuan(freeze.amountFen),
    rest_amount: fenToYuan(freeze.amountFen),
    ...idField('freezePayer', freeze.payer.kind, freeze.payer.id),
  }
}
