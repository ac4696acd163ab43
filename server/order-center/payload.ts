/**
 * The biz_content of alipay.merchant.order.sync for one state of an order, built when the state
 * changes (the job must not depend on what happens later). Fields from AlipayDocs/open-docs
 * support/支付宝小程序/常见问题/INVALID_PARAMETER（订单数据同步报错）.md and the SDKs'
 * AlipayMerchantOrderSyncModel: amounts are yuan strings with amount = pay_amount +
 * discount_amount (pay_amount is the trade's total_amount; the shop has no discounts), times are
 * China time, item_order_list[].unit_price a number (小程序订单中心常见问题.md), the state in
 * ext_info.merchant_order_status. The handler adds tiny_app_id (the app it calls as).
 */
import {
  EXT_KEYS,
  TRADE_ORDER,
  type OrderCenterStatus,
  type OrderExtInfo,
} from '../alipay/order-center-format'
import { fenToYuan, idField, toChinaTime } from '../alipay/wire-format'

export interface SnapshotLine {
  skuId: string
  title: string
  label: string
  unitPriceFen: number
  quantity: number
}

/** The order as the sync needs it, read in the transaction of the change (record.ts). */
export interface OrderSnapshot {
  id: string
  status: string
  totalFen: number
  createdAt: Date | string
  paidAt: Date | string | null
  shippedAt: Date | string | null
  receivedAt: Date | string | null
  closedAt: Date | string | null
  refundedAt: Date | string | null
  carrier: string | null
  trackingNo: string | null
  alipayUserId: string | null
  alipayOpenId: string | null
  tradeNo: string | null
  paidFen: number | null
  refundedFen: number
  lines: SnapshotLine[]
}

const chinaTime = (value: Date | string) => toChinaTime(new Date(value))

/** When the order reached `status` (never before it was created: Alipay refuses that). */
function changedAt(order: OrderSnapshot, status: OrderCenterStatus): Date | string {
  const when = {
    CREATE: order.createdAt,
    PAID: order.paidAt,
    IN_DELIVERY: order.shippedAt,
    FINISHED: order.receivedAt,
    CLOSED: order.closedAt,
    REFUNDED: order.refundedAt,
  }[status]
  const created = new Date(order.createdAt)
  return when && new Date(when) > created ? when : created
}

export function buildOrderSyncPayload(
  order: OrderSnapshot,
  status: OrderCenterStatus,
): Record<string, unknown> {
  const buyer = order.alipayUserId
    ? idField('orderSyncBuyer', 'user_id', order.alipayUserId)
    : idField('orderSyncBuyer', 'open_id', order.alipayOpenId ?? '')
  const extInfo: OrderExtInfo[] = [{ ext_key: EXT_KEYS.status, ext_value: status }]
  return {
    out_biz_no: order.id,
    ...buyer,
    order_type: TRADE_ORDER,
    order_create_time: chinaTime(order.createdAt),
    order_modified_time: chinaTime(changedAt(order, status)),
    amount: fenToYuan(order.totalFen),
    pay_amount: fenToYuan(order.totalFen),
    discount_amount: fenToYuan(0),
    // Ties the order to its Alipay trade once there is one (TINY_APP_ID_NULL doc).
    ...(order.tradeNo && status !== 'CREATE' && status !== 'CLOSED' ? { trade_no: order.tradeNo } : {}),
    item_order_list: order.lines.map((line) => ({
      item_name: line.label ? `${line.title} ${line.label}` : line.title,
      sku_id: line.skuId,
      quantity: line.quantity,
      unit_price: Number(fenToYuan(line.unitPriceFen)),
    })),
    ...(order.trackingNo && order.carrier
      ? { logistics_info_list: [{ tracking_no: order.trackingNo, logistics_code: order.carrier }] }
      : {}),
    ext_info: extInfo,
  }
}
