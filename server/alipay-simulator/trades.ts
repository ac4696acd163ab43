/**
 * What the trade methods, the cashier and the notifier share about trades: the status as read at
 * a given time, the buyer fields, lookups as Alipay does them, and Alipay-shaped numbers.
 */
import { randomInt } from 'node:crypto'
import { simulatedOpenId, simulatedUserId } from './buyers'
import { chinaDate, idField } from '../alipay/wire-format'
import { gatewayError, type MethodResponse } from './methods/types'
import type { SimulatorStore, StoredTrade, TradeBuyer } from './store'

/** The simulated merchant: `seller_id` in notifies. */
export const SIMULATED_SELLER_ID = '2088000000000001'

export type TradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED' | 'TRADE_FINISHED'

/** The status as Alipay would report it at `now`: an unpaid trade past its expiry is closed. */
export function tradeStatus(trade: StoredTrade, now: number): TradeStatus {
  if (trade.status === 'WAIT_BUYER_PAY' && trade.expiresAt !== undefined && now >= trade.expiresAt)
    return 'TRADE_CLOSED'
  return trade.status
}

/** `n` random decimal digits. */
export function randomDigits(n: number): string {
  let digits = ''
  while (digits.length < n) digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0')
  return digits.slice(0, n)
}

/** "2024050122001" + 15 digits: 28 characters like Alipay's trade numbers. */
export const newTradeNo = (now: number) => `${chinaDate(now)}22001${randomDigits(15)}`
/** Pre-authorization numbers: auth_no and operation_id. */
export const newAuthNo = (now: number) => `${chinaDate(now)}10002001${randomDigits(12)}`
export const newOperationId = (now: number) => `${chinaDate(now)}20002001${randomDigits(12)}`

/** A buyer key ("buyer-1") as the id kind a trade was bound with. */
export function buyerIdFor(buyer: TradeBuyer['kind'], appId: string, buyerKey: string): TradeBuyer {
  return buyer === 'open_id'
    ? { kind: 'open_id', id: simulatedOpenId(appId, buyerKey) }
    : { kind: 'user_id', id: simulatedUserId(buyerKey) }
}

/** `{ buyer_user_id }` or `{ buyer_open_id }`, as query and refund answer. */
export function buyerResponseFields(buyer: TradeBuyer): Record<string, string> {
  return idField('tradeQueryBuyer', buyer.kind, buyer.id)
}

export const tradeErrors = {
  invalidParameter: (detail: string) =>
    gatewayError.businessFailed('ACQ.INVALID_PARAMETER', `参数无效: ${detail}`),
  notExist: () => gatewayError.businessFailed('ACQ.TRADE_NOT_EXIST', '交易不存在'),
  statusError: () => gatewayError.businessFailed('ACQ.TRADE_STATUS_ERROR', '交易状态不合法'),
  hasSuccess: () => gatewayError.businessFailed('ACQ.TRADE_HAS_SUCCESS', '交易已被支付'),
  hasClose: () => gatewayError.businessFailed('ACQ.TRADE_HAS_CLOSE', '交易已经关闭'),
}

const optionalString = (value: unknown) =>
  value === undefined || value === null || value === '' ? undefined : value

/**
 * The trade a query/close/refund names: `trade_no` wins over `out_trade_no` (as on Alipay), and
 * only the calling app's trades exist for it.
 */
export function findTrade(
  store: SimulatorStore,
  appId: string,
  biz: Record<string, unknown> | undefined,
): StoredTrade | MethodResponse {
  const tradeNo = optionalString(biz?.trade_no)
  const outTradeNo = optionalString(biz?.out_trade_no)
  if (tradeNo === undefined && outTradeNo === undefined)
    return tradeErrors.invalidParameter('out_trade_no 和 trade_no 不能同时为空')
  if (
    (tradeNo !== undefined && typeof tradeNo !== 'string') ||
    (outTradeNo !== undefined && typeof outTradeNo !== 'string')
  )
    return tradeErrors.invalidParameter('out_trade_no / trade_no 必须是字符串')
  const trade =
    tradeNo !== undefined ? store.tradeByNo(tradeNo) : store.tradeByOutTradeNo(appId, outTradeNo as string)
  if (!trade || trade.appId !== appId) return tradeErrors.notExist()
  return trade
}

export const isTrade = (value: StoredTrade | MethodResponse): value is StoredTrade =>
  typeof (value as StoredTrade).tradeNo === 'string' && Array.isArray((value as StoredTrade).refunds)

export const refundedFen = (trade: StoredTrade) => trade.refunds.reduce((sum, r) => sum + r.amountFen, 0)
