/**
 * What happens when a buyer finishes `my.tradePay` in the simulated wallet: the outcome chosen
 * (pay, cancel, …) becomes a result code and, for payments, a paid trade or a freeze plus its
 * notify. Shared by the JSON cashier (tests, harnesses) and the HTML cashier page (H5, people).
 */
import type { OrderCenterBook } from './order-center'
import { DEFAULT_BUYER_KEY } from './buyers'
import type { SimulatedApp } from './methods/types'
import { freezeNotifyFields, tradeNotifyFields } from './notify-fields'
import type { Notifier } from './notifier'
import { readOrderStr, type FreezeOrder } from './order-str'
import type { QuerySwitch } from './queries'
import type { RefundSwitch } from './refunds'
import { signNotify } from './signing'
import type { SimulatorStore, StoredFreeze, StoredTrade } from './store'
import { buyerIdFor, newAuthNo, newOperationId, tradeStatus } from './trades'

/** outcome → my.tradePay resultCode (see docs/dev/simulator-payments.md). */
export const OUTCOME_CODES = {
  pay: '9000',
  processing: '8000',
  unknown: '6004',
  cancel: '6001',
  fail: '4000',
  network_error: '6002',
  forgot_password: '99',
  no_permission: '4',
} as const
export type Outcome = keyof typeof OUTCOME_CODES
export const OUTCOMES = Object.keys(OUTCOME_CODES) as Outcome[]

export const RESULT_MEMOS: Record<string, string> = {
  '9000': '订单处理成功',
  '8000': '正在处理中，支付结果未知（有可能已经支付成功）',
  '6004': '支付结果未知（有可能已经支付成功）',
  '6001': '用户中途取消',
  '4000': '订单处理失败',
  '6002': '网络连接出错',
  '99': '用户点击忘记密码导致快捷界面退出',
  '4': '无权限调用（N22104）',
}

export const DEFAULT_PROCESSING_DELAY_MS = 3_000

export interface PaymentRuntime {
  apps: Map<string, SimulatedApp>
  store: SimulatorStore
  now: () => number
  notifier: Notifier
  simulatorPrivateKey: string
  /** How long an "8000 processing" payment takes to go through; POST /control may change it. */
  processingDelayMs: number
  /** How alipay.trade.refund behaves (the gateway's switch, shared); POST /control may change it. */
  refunds: RefundSwitch
  /** Whether status queries answer (the gateway's switch, shared); POST /control may change it. */
  queries: QuerySwitch
  /** The order center; POST /control `{ orderSync }` switches its outage (order-center.ts). */
  orderCenter: OrderCenterBook
}

export interface CashierRequest {
  tradeNO?: string
  orderStr?: string
  paymentUrl?: string
  /** Default: the trade's own buyer (for an orderStr: buyer-1). */
  buyer?: string
  outcome: Outcome
}

export interface CashierResult {
  resultCode: string
  memo: string
}

export type CashierTarget =
  | { kind: 'trade'; trade: StoredTrade }
  | { kind: 'freeze'; order: FreezeOrder }
  | { kind: 'invalid'; reason: string }

/** `paymentUrl` (the wallet's hosted cashier, Alipay+ style) names its trade in `?tradeNO=`. */
export function tradeNoOfPaymentUrl(paymentUrl: string): string | undefined {
  try {
    return new URL(paymentUrl).searchParams.get('tradeNO') ?? undefined
  } catch {
    return undefined
  }
}

/** What the wallet would open, before any buyer check. */
export function cashierTarget(
  runtime: PaymentRuntime,
  request: Omit<CashierRequest, 'outcome'>,
): CashierTarget {
  if (request.orderStr !== undefined) {
    const order = readOrderStr(request.orderStr, runtime.apps)
    return 'error' in order ? { kind: 'invalid', reason: order.error } : { kind: 'freeze', order }
  }
  const tradeNo =
    request.tradeNO ??
    (request.paymentUrl === undefined ? undefined : tradeNoOfPaymentUrl(request.paymentUrl))
  if (tradeNo === undefined) return { kind: 'invalid', reason: 'paymentUrl 无效或不含 tradeNO' }
  const trade = runtime.store.tradeByNo(tradeNo)
  if (!trade) {
    return {
      kind: 'invalid',
      reason: `交易不存在：tradeNO 必须是 alipay.trade.create 返回的 trade_no（不是 out_trade_no）`,
    }
  }
  return { kind: 'trade', trade }
}

const result = (resultCode: string, memo = RESULT_MEMOS[resultCode]): CashierResult => ({ resultCode, memo })

function markPaid(runtime: PaymentRuntime, tradeNo: string): void {
  const trade = runtime.store.tradeByNo(tradeNo)
  if (!trade) return
  const now = runtime.now()
  if (tradeStatus(trade, now) !== 'WAIT_BUYER_PAY') {
    runtime.store.saveTrade({ ...trade, paymentPending: false })
    return // closed (or expired) while an "8000" payment was on its way: it does not go through
  }
  const paid: StoredTrade = { ...trade, status: 'TRADE_SUCCESS', paidAt: now, paymentPending: false }
  runtime.store.saveTrade(paid)
  if (paid.notifyUrl)
    runtime.notifier.send(
      paid.notifyUrl,
      signNotify(tradeNotifyFields(paid, now), runtime.simulatorPrivateKey),
    )
}

function freeze(runtime: PaymentRuntime, order: FreezeOrder, buyerKey: string): void {
  const { app } = order
  if (runtime.store.freezeByOutRequestNo(app.appId, order.outOrderNo, order.outRequestNo)) return
  const now = runtime.now()
  const frozen: StoredFreeze = {
    authNo: newAuthNo(now),
    operationId: newOperationId(now),
    appId: app.appId,
    outOrderNo: order.outOrderNo,
    outRequestNo: order.outRequestNo,
    orderTitle: order.orderTitle,
    amountFen: order.amountFen,
    payer: buyerIdFor(app.idMode, app.appId, buyerKey),
    notifyUrl: order.notifyUrl,
    status: 'SUCCESS',
    at: now,
    operations: [],
  }
  runtime.store.saveFreeze(frozen)
  if (frozen.notifyUrl)
    runtime.notifier.send(
      frozen.notifyUrl,
      signNotify(freezeNotifyFields(frozen, now), runtime.simulatorPrivateKey),
    )
}

const paysNow = (outcome: Outcome) => outcome === 'pay' || outcome === 'unknown'

/** Settles one cashier visit: the target's own problems first (4000 / 6001), then the outcome. */
export function settle(runtime: PaymentRuntime, request: CashierRequest): CashierResult {
  const target = cashierTarget(runtime, request)
  const code = OUTCOME_CODES[request.outcome]
  if (target.kind === 'invalid') return result('4000', target.reason)

  if (target.kind === 'freeze') {
    const { order } = target
    if (runtime.store.freezeByOutRequestNo(order.app.appId, order.outOrderNo, order.outRequestNo))
      return result('4000', '该预授权已冻结（out_order_no / out_request_no 重复）')
    const buyerKey = request.buyer ?? DEFAULT_BUYER_KEY
    if (paysNow(request.outcome)) freeze(runtime, order, buyerKey)
    else if (request.outcome === 'processing')
      runtime.notifier.defer(runtime.processingDelayMs, () => freeze(runtime, order, buyerKey))
    return result(code)
  }

  const { trade } = target
  const status = tradeStatus(trade, runtime.now())
  if (status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED') return result('4000', '交易已支付')
  if (status === 'TRADE_CLOSED') return result('4000', '交易已关闭')
  if (trade.paymentPending) return result('4000', '交易正在处理中')
  if (request.buyer !== undefined) {
    const payer = buyerIdFor(trade.buyer.kind, trade.appId, request.buyer)
    if (payer.id !== trade.buyer.id)
      return result('6001', '付款账号与交易的买家（buyer_id / buyer_open_id）不一致')
  }
  if (paysNow(request.outcome)) markPaid(runtime, trade.tradeNo)
  else if (request.outcome === 'processing') {
    runtime.store.saveTrade({ ...trade, paymentPending: true })
    runtime.notifier.defer(runtime.processingDelayMs, () => markPaid(runtime, trade.tradeNo))
  }
  return result(code)
}
