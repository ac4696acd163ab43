/**
 * What the pre-authorization methods share: a freeze's amounts and status after its operations,
 * and the lookups they make. Sources (AlipayDocs/open-docs mini/server-api/服务端 API 概览.md, 支付宝预授权
 * section, linking https://opendocs.alipay.com/mini/02f1pm for the unfreeze and
 * https://opendocs.alipay.com/mini/02f0g1 for the detail query):
 * - the freeze's `rest_amount` is what is still frozen: the freeze minus what was unfrozen and
 *   what was paid from it (alipay.trade.pay with auth_no);
 * - `order_status`: AUTHORIZED while something is frozen; FINISH once a payment took part of it
 *   and nothing is left; CLOSED once everything was unfrozen without a payment.
 */
import { fenToYuan, toChinaTime } from '../alipay/wire-format'
import type { SimulatorStore, StoredFreeze, StoredFreezeOperation } from './store'

/** Any operation of a freeze, the freeze itself included. */
export type AnyOperation = StoredFreezeOperation | (Omit<StoredFreezeOperation, 'kind'> & { kind: 'FREEZE' })

/** The freeze itself, as the first entry of its operations. */
export const freezeOperation = (freeze: StoredFreeze): AnyOperation => ({
  kind: 'FREEZE',
  operationId: freeze.operationId,
  outRequestNo: freeze.outRequestNo,
  amountFen: freeze.amountFen,
  at: freeze.at,
})

/**
 * The fields that name one operation of a freeze, as the unfreeze's answer, the detail query and
 * the fund-auth notifies all write them.
 */
export function operationFields(freeze: StoredFreeze, operation: AnyOperation): Record<string, string> {
  return {
    auth_no: freeze.authNo,
    out_order_no: freeze.outOrderNo,
    operation_id: operation.operationId,
    out_request_no: operation.outRequestNo,
    amount: fenToYuan(operation.amountFen),
    gmt_trans: toChinaTime(operation.at),
  }
}

export type FundAuthOrderStatus = 'AUTHORIZED' | 'FINISH' | 'CLOSED'

const sum = (operations: StoredFreezeOperation[], kind: StoredFreezeOperation['kind']) =>
  operations.filter((operation) => operation.kind === kind).reduce((total, op) => total + op.amountFen, 0)

export interface FreezeAmounts {
  restFen: number
  unfrozenFen: number
  paidFen: number
  orderStatus: FundAuthOrderStatus
}

export function freezeAmounts(freeze: StoredFreeze): FreezeAmounts {
  const unfrozenFen = sum(freeze.operations, 'UNFREEZE')
  const paidFen = sum(freeze.operations, 'PAY')
  const restFen = freeze.amountFen - unfrozenFen - paidFen
  const orderStatus = restFen > 0 ? 'AUTHORIZED' : paidFen > 0 ? 'FINISH' : 'CLOSED'
  return { restFen, unfrozenFen, paidFen, orderStatus }
}

/** The order-level fields of the detail query and the unfreeze notify, in yuan. */
export function freezeTotals(freeze: StoredFreeze): Record<string, string> {
  const amounts = freezeAmounts(freeze)
  return {
    order_status: amounts.orderStatus,
    total_freeze_amount: fenToYuan(freeze.amountFen),
    rest_amount: fenToYuan(amounts.restFen),
    total_unfreeze_amount: fenToYuan(amounts.unfrozenFen),
    total_pay_amount: fenToYuan(amounts.paidFen),
  }
}

/** An app's freeze by auth_no (what unfreeze and trade.pay name). */
export function freezeByAuthNo(
  store: SimulatorStore,
  appId: string,
  authNo: string,
): StoredFreeze | undefined {
  return store.freezesOf(appId).find((freeze) => freeze.authNo === authNo)
}

/** `value` as a non-empty string, else undefined. */
export const nonEmptyText = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined
