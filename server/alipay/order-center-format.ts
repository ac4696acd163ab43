/**
 * Alipay's mini-program order center (小程序订单中心) as both sides see it: the shop's sync
 * (server/order-center) and the simulator's alipay.merchant.order.sync
 * (server/alipay-simulator/methods/order-sync.ts) share these names and rules, so they cannot
 * disagree.
 *
 * Sources (AlipayDocs/open-docs):
 * - mini/server-api/服务端 API 概览.md, 小程序订单中心: alipay.merchant.order.sync "商户可以调用此
 *   接口同步对应订单数据至小程序订单中心";
 * - support/支付宝小程序/常见问题/ORDER_ERROR_STATUS（订单状态错误）.md: one call per
 *   merchant_order_status per order, states in the order 已付款 > 已确认 > 服务中/发货中 > 已完成,
 *   intermediate states may be skipped straight to 已完成, anything else is ORDER_ERROR_STATUS;
 * - support/支付宝小程序/常见问题/INVALID_PARAMETER（订单数据同步报错）.md: the status goes in
 *   ext_info's merchant_order_status (FINISHED, CREATE are its examples); amount = pay_amount +
 *   discount_amount; order_modified_time not before order_create_time; buyer_id, out_biz_no and
 *   item_order_list[].item_name required;
 * - support/支付宝小程序/常见问题/TINY_APP_ID_NULL（交易没有关联小程序id ）.md: ext_info carries the
 *   mini-program's app id (tiny_app_id), and trade_no ties the order to its Alipay trade;
 * - support/支付宝小程序/常见问题/小程序订单中心常见问题.md: item_order_list and ext_info are needed
 *   for the bill's "order details" entry; unit_price is a number, not a string.
 */

export const ORDER_SYNC_METHOD = 'alipay.merchant.order.sync'

/** Every request is a trade order (a mini-program purchase paid through Alipay). */
export const TRADE_ORDER = 'TRADE_ORDER'

/**
 * The trade-order states the shop syncs: created (unpaid), paid, shipped (发货中), finished
 * (已完成: received), closed unpaid, refunded in full.
 */
export const ORDER_CENTER_STATUSES = [
  'CREATE',
  'PAID',
  'IN_DELIVERY',
  'FINISHED',
  'CLOSED',
  'REFUNDED',
] as const
export type OrderCenterStatus = (typeof ORDER_CENTER_STATUSES)[number]

export const isOrderCenterStatus = (value: unknown): value is OrderCenterStatus =>
  (ORDER_CENTER_STATUSES as readonly unknown[]).includes(value)

/**
 * Which state may follow which (ORDER_ERROR_STATUS doc): forward only, each state once, paid before
 * delivery, delivery skippable on the way to FINISHED; CLOSED ends an unpaid order, REFUNDED a paid
 * one. The first sync of an order may be any state (an order may start syncing after it was paid).
 */
export const ORDER_CENTER_TRANSITIONS: Readonly<Record<OrderCenterStatus, readonly OrderCenterStatus[]>> = {
  CREATE: ['PAID', 'CLOSED'],
  PAID: ['IN_DELIVERY', 'FINISHED', 'REFUNDED'],
  IN_DELIVERY: ['FINISHED', 'REFUNDED'],
  FINISHED: ['REFUNDED'],
  CLOSED: [],
  REFUNDED: [],
}

export function mayFollow(previous: OrderCenterStatus | undefined, next: OrderCenterStatus): boolean {
  return previous === undefined || ORDER_CENTER_TRANSITIONS[previous].includes(next)
}

/** One `{ key, value }` of ext_info (the SDKs' OrderExtInfo). */
export interface OrderExtInfo {
  ext_key: string
  ext_value: string
}

export const EXT_KEYS = {
  status: 'merchant_order_status',
  tinyAppId: 'tiny_app_id',
} as const

/** ext_info's value for `key`, when present. */
export function extValue(extInfo: unknown, key: string): string | undefined {
  if (!Array.isArray(extInfo)) return undefined
  const entry = extInfo.find(
    (item): item is OrderExtInfo =>
      typeof item === 'object' && item !== null && (item as OrderExtInfo).ext_key === key,
  )
  return typeof entry?.ext_value === 'string' ? entry.ext_value : undefined
}
