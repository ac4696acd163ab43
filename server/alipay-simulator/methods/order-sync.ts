/**
 * `alipay.merchant.order.sync` (小程序订单中心, AlipayDocs/open-docs mini/server-api/服务端 API 概览.md):
 * keeps each (app, out_biz_no)'s synced state and history in the order-center book
 * (../order-center.ts) and refuses what Alipay refuses, with 40004 and the sub codes merchants hit:
 * - ORDER_ERROR_STATUS 订单状态错误: a state twice, backwards, or skipping payment
 *   (support/支付宝小程序/常见问题/ORDER_ERROR_STATUS（订单状态错误）.md; order-center-format.ts);
 * - INVALID_PARAMETER with the doc's sub_msg (support/支付宝小程序/常见问题/INVALID_PARAMETER
 *   （订单数据同步报错）.md): no out_biz_no, no buyer, no or unknown merchant_order_status,
 *   amount ≠ pay_amount + discount_amount, order_modified_time before order_create_time, an item
 *   without item_name, a string unit_price (小程序订单中心常见问题.md), an unknown trade_no, a
 *   pay_amount other than the trade's total_amount, another buyer than the trade's, a trade_no
 *   already used by another order;
 * - TINY_APP_ID_NULL: the trade was not paid inside this mini-program
 *   (support/支付宝小程序/常见问题/TINY_APP_ID_NULL（交易没有关联小程序id ）.md).
 * Success answers record_id (the same for every sync of one order) and order_status.
 */
import {
  EXT_KEYS,
  extValue,
  isOrderCenterStatus,
  mayFollow,
  TRADE_ORDER,
  type OrderCenterStatus,
} from '../../alipay/order-center-format'
import { fromChinaTime, yuanToFen } from '../../alipay/wire-format'
import type { OrderCenterEntry } from '../order-center'
import { randomDigits } from '../trades'
import { gatewayError, type MethodCall, type MethodHandler, type MethodResponse } from './types'

const invalid = (subMsg: string) => gatewayError.businessFailed('INVALID_PARAMETER', subMsg)
const present = (value: unknown): value is string => typeof value === 'string' && value !== ''

interface Accepted {
  outBizNo: string
  buyerId: string
  status: OrderCenterStatus
  amounts: { amount?: string; payAmount?: string; discountAmount?: string }
  tradeNo?: string
  trackingNo?: string
  orderModifiedTime?: string
}

/** amount = pay_amount + discount_amount, when amounts are sent at all. */
function checkAmounts(biz: Record<string, unknown>): MethodResponse | undefined {
  const { amount, pay_amount: pay, discount_amount: discount } = biz
  if (amount === undefined && pay === undefined && discount === undefined) return undefined
  const amountFen = yuanToFen(amount)
  const payFen = yuanToFen(pay)
  const discountFen = discount === undefined ? 0 : yuanToFen(discount)
  if (amountFen === undefined || payFen === undefined || discountFen === undefined)
    return invalid('金额格式错误：amount、pay_amount、discount_amount 为最多两位小数的元')
  if (amountFen !== payFen + discountFen) return invalid('订单金额不等于支付金额加优惠金额')
  return undefined
}

function checkItems(items: unknown): MethodResponse | undefined {
  if (items === undefined) return undefined
  if (!Array.isArray(items)) return invalid('商品信息不完整')
  for (const item of items as Array<Record<string, unknown>>) {
    if (!present(item?.item_name)) return invalid('缺少必填属性：item_order_list.item_name')
    if (item.unit_price !== undefined && typeof item.unit_price !== 'number') return invalid('商品信息不完整')
  }
  return undefined
}

/** The trade the order names: this app's, paid in this mini-program, by the same buyer, for pay_amount. */
function checkTrade(
  call: MethodCall,
  biz: Record<string, unknown>,
  buyerId: string,
): MethodResponse | undefined {
  const tradeNo = biz.trade_no
  if (tradeNo === undefined) return undefined
  const trade = present(tradeNo) ? call.context.store.tradeByNo(tradeNo) : undefined
  if (!trade || trade.appId !== call.app.appId) return invalid('交易不存在')
  const tinyAppId = extValue(biz.ext_info, EXT_KEYS.tinyAppId) ?? call.app.appId
  if (trade.opAppId !== tinyAppId)
    return gatewayError.businessFailed('TINY_APP_ID_NULL', '交易没有关联小程序id')
  if (trade.buyer.id !== buyerId) return invalid('订单买家与交易买家不一致')
  if (biz.pay_amount !== undefined && yuanToFen(biz.pay_amount) !== trade.totalFen)
    return invalid('支付金额与实际交易金额不一致')
  const usedBy = call.context.orderCenter.orderOfTrade(call.app.appId, tradeNo as string)
  if (usedBy !== undefined && usedBy !== biz.out_biz_no) return invalid('交易号已存在于另外一笔订单中')
  return undefined
}

function read(call: MethodCall): Accepted | MethodResponse {
  const biz = call.bizContent
  if (!biz) return invalid('缺少 biz_content')
  const outBizNo = biz.out_biz_no
  if (!present(outBizNo)) return invalid('业务订单号不能为空')
  const buyerId = biz.buyer_id ?? biz.buyer_open_id
  if (!present(buyerId)) return invalid('买家信息不能为空')
  if (biz.order_type !== undefined && biz.order_type !== TRADE_ORDER && !present(biz.order_auth_code))
    return invalid('服务订单必须传入 order_auth_code')
  const status = extValue(biz.ext_info, EXT_KEYS.status)
  if (status === undefined) return invalid('订单状态不可空')
  if (!isOrderCenterStatus(status)) return invalid('订单状态不合法')
  const created = fromChinaTime(biz.order_create_time)
  const modified = fromChinaTime(biz.order_modified_time)
  if (biz.order_modified_time !== undefined && modified === undefined)
    return invalid('order_modified_time 格式错误')
  if (created && modified && modified < created) return invalid('业务修改时间不能早于业务创建时间')
  const refused = checkAmounts(biz) ?? checkItems(biz.item_order_list) ?? checkTrade(call, biz, buyerId)
  if (refused) return refused
  const logistics = Array.isArray(biz.logistics_info_list)
    ? (biz.logistics_info_list[0] as Record<string, unknown> | undefined)
    : undefined
  return {
    outBizNo,
    buyerId,
    status,
    amounts: {
      ...(present(biz.amount) ? { amount: biz.amount } : {}),
      ...(present(biz.pay_amount) ? { payAmount: biz.pay_amount } : {}),
      ...(present(biz.discount_amount) ? { discountAmount: biz.discount_amount } : {}),
    },
    ...(present(biz.trade_no) ? { tradeNo: biz.trade_no } : {}),
    ...(present(logistics?.tracking_no) ? { trackingNo: logistics.tracking_no } : {}),
    ...(present(biz.order_modified_time) ? { orderModifiedTime: biz.order_modified_time } : {}),
  }
}

const isAccepted = (value: Accepted | MethodResponse): value is Accepted =>
  'status' in value && !('code' in value)

export const merchantOrderSync: MethodHandler = (call) => {
  const book = call.context.orderCenter
  if (book.mode === 'fail') return gatewayError.unavailable()
  const accepted = read(call)
  const appId = call.app.appId
  const outBizNo = typeof call.bizContent?.out_biz_no === 'string' ? call.bizContent.out_biz_no : ''
  const refuse = (response: MethodResponse, status?: string) => {
    if (outBizNo) book.refuse(appId, outBizNo, String(response.sub_code), status)
    return response
  }
  if (!isAccepted(accepted)) return refuse(accepted)
  const previous = book.get(appId, accepted.outBizNo)
  if (previous && previous.buyerId !== accepted.buyerId)
    return refuse(invalid('订单买家与交易买家不一致'), accepted.status)
  if (!mayFollow(previous?.status, accepted.status))
    return refuse(gatewayError.businessFailed('ORDER_ERROR_STATUS', '订单状态错误'), accepted.status)
  const recordId = previous?.recordId ?? `${Date.now()}${randomDigits(8)}`
  const entry: OrderCenterEntry = {
    appId,
    outBizNo: accepted.outBizNo,
    buyerId: accepted.buyerId,
    status: accepted.status,
    recordId,
    history: [
      ...(previous?.history ?? []),
      {
        recordId,
        status: accepted.status,
        ...accepted.amounts,
        ...(accepted.tradeNo ? { tradeNo: accepted.tradeNo } : {}),
        ...(accepted.trackingNo ? { trackingNo: accepted.trackingNo } : {}),
        ...(accepted.orderModifiedTime ? { orderModifiedTime: accepted.orderModifiedTime } : {}),
        syncedAt: call.context.now(),
      },
    ],
    refusals: previous?.refusals ?? [],
  }
  book.save(entry)
  return { code: '10000', msg: 'Success', record_id: recordId, order_status: accepted.status }
}
