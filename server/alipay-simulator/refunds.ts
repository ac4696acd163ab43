/**
 * What happens when a refund goes through, shared by alipay.trade.refund (at once, or later in
 * "slow" mode) and read by alipay.trade.fastpay.refund.query:
 * - the refund is recorded; refunds add up, and once they reach the total the trade is
 *   TRADE_CLOSED (a partial refund leaves it TRADE_SUCCESS). Source: AlipayDocs/open-docs
 *   support/支付宝小程序/常见问题/小程序支付常见问题.md ("可退款期限是多久？", "交易状态").
 * - a notify goes to the trade's notify_url, as for the payment (notify-fields.ts).
 *
 * The switch POST /control sets: `normal` refunds at once; `slow` accepts the refund, answers
 * `20000 isp.unknow-error` (the documented abnormal answer of alipay.trade.refund) and lets it go
 * through `delayMs` later, so the shop has to query; `fail` answers
 * `40004 ACQ.SELLER_BALANCE_NOT_ENOUGH` and moves no money.
 */
import { fenToYuan } from '../alipay/wire-format'
import type { SimulatorContext } from './methods/types'
import { refundNotifyFields } from './notify-fields'
import { signNotify } from './signing'
import type { PendingRefund, StoredRefund, StoredTrade } from './store'
import { refundedFen } from './trades'

export const REFUND_MODES = ['normal', 'slow', 'fail'] as const
export type RefundMode = (typeof REFUND_MODES)[number]

export interface RefundSwitch {
  mode: RefundMode
  /** How long a `slow` refund takes to go through. */
  delayMs: number
}

export const DEFAULT_REFUND_DELAY_MS = 3_000

export interface RefundRequest {
  outRequestNo: string
  amountFen: number
}

/** Money promised by slow refunds still on their way: counts against the total like refunded money. */
export const pendingFen = (trade: StoredTrade) =>
  trade.pendingRefunds.reduce((sum, refund) => sum + refund.amountFen, 0)

/** Records the refund (dropping it from the pending ones), closes a fully refunded trade, notifies. */
export function completeRefund(
  context: SimulatorContext,
  tradeNo: string,
  request: RefundRequest,
): { trade: StoredTrade; refund: StoredRefund } | undefined {
  const found = context.store.tradeByNo(tradeNo)
  if (!found) return undefined
  const at = context.now()
  const refund: StoredRefund = { ...request, refundFeeFen: refundedFen(found) + request.amountFen, at }
  const full = refund.refundFeeFen === found.totalFen
  const trade: StoredTrade = {
    ...found,
    refunds: [...found.refunds, refund],
    pendingRefunds: found.pendingRefunds.filter((pending) => pending.outRequestNo !== request.outRequestNo),
    ...(full ? { status: 'TRADE_CLOSED', closedAt: at } : {}),
  }
  context.store.saveTrade(trade)
  if (trade.notifyUrl)
    context.notifier.send(
      trade.notifyUrl,
      signNotify(refundNotifyFields(trade, refund, at), context.simulatorPrivateKey),
    )
  return { trade, refund }
}

/** `slow` mode: the refund is accepted now and goes through `delayMs` later. */
export function startSlowRefund(context: SimulatorContext, trade: StoredTrade, request: RefundRequest): void {
  const pending: PendingRefund = { ...request, requestedAt: context.now() }
  context.store.saveTrade({ ...trade, pendingRefunds: [...trade.pendingRefunds, pending] })
  context.notifier.defer(context.refunds.delayMs, () => {
    completeRefund(context, trade.tradeNo, request)
  })
}

/** `query_options` of a refund or refund query: extra answer fields the caller asked for. */
export function queryOptions(biz: Record<string, unknown> | undefined): Set<string> {
  const options = biz?.query_options
  return new Set(Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [])
}

/**
 * `send_back_fee` and `refund_detail_item_list`, which both methods return only when
 * query_options holds `refund_detail_item_list` (alipay/alipay-sdk-java-all
 * AlipayTradeRefundResponse.java, AlipayTradeFastpayRefundQueryResponse.java). The simulated
 * buyer always paid from the Alipay balance.
 */
export function refundDetailFields(refund: StoredRefund, options: Set<string>): Record<string, unknown> {
  if (!options.has('refund_detail_item_list')) return {}
  const amount = fenToYuan(refund.amountFen)
  return {
    send_back_fee: amount,
    refund_detail_item_list: [{ fund_channel: 'ALIPAYACCOUNT', amount, real_amount: amount }],
  }
}
