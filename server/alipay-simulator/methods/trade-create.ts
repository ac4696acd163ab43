/**
 * `alipay.trade.create` (JSAPI_PAY, what a mini-program pays with `my.tradePay({ tradeNO })`):
 * creates a WAIT_BUYER_PAY trade bound to its app and buyer. Idempotent per out_trade_no: the same
 * parameters give the same trade_no back; different ones are ACQ.CONTEXT_INCONSISTENT.
 */
import { fromChinaTime, toChinaTime, yuanToPayableFen, MERCHANT_NUMBER } from '../../alipay/wire-format'
import type { StoredTrade, TradeBuyer } from '../store'
import { newTradeNo, tradeErrors, tradeStatus } from '../trades'
import { gatewayError, type MethodHandler, type MethodResponse } from './types'

/**
 * `timeout_express` ("90m", "2h", "15d", "1c" = until the end of today, China time), relative to
 * `now`; undefined when malformed or outside Alipay's 1m–15d.
 */
function parseTimeoutExpress(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string') return undefined
  if (value === '1c') {
    const endOfDay = fromChinaTime(`${toChinaTime(now).slice(0, 10)} 23:59:59`)
    return endOfDay === undefined ? undefined : endOfDay.getTime() + 1000
  }
  const match = /^([1-9]\d{0,5})([mhd])$/.exec(value)
  if (!match) return undefined
  const minutes = Number(match[1]) * { m: 1, h: 60, d: 1440 }[match[2] as 'm' | 'h' | 'd']
  if (minutes > 15 * 1440) return undefined
  return now + minutes * 60_000
}

const USER_ID = /^2088\d{12}$/

type CreateInput = Omit<StoredTrade, 'tradeNo' | 'createdAt' | 'status' | 'refunds'>

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}

export function validUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** The request as a trade, or the ACQ.INVALID_PARAMETER / ACQ.BUYER_NOT_EXIST answer. */
function readCreate(call: Parameters<MethodHandler>[0]): CreateInput | MethodResponse {
  const { app, params, context } = call
  const biz = call.bizContent
  const invalid = tradeErrors.invalidParameter
  if (!biz) return invalid('缺少 biz_content')
  const { out_trade_no: outTradeNo, subject, product_code: productCode, op_app_id: opAppId } = biz
  if (typeof outTradeNo !== 'string' || !MERCHANT_NUMBER.test(outTradeNo))
    return invalid('out_trade_no 必须是 1-64 位字母、数字或下划线')
  const totalFen = yuanToPayableFen(biz.total_amount)
  if (totalFen === undefined)
    return invalid('total_amount 必须是 0.01 到 100000000.00 之间、最多两位小数的金额字符串')
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 256 || /[/=&]/.test(subject))
    return invalid('subject 不能为空，不超过 256 个字符，且不能包含 / = &')
  if (productCode !== 'JSAPI_PAY') return invalid('product_code 必须是 JSAPI_PAY')
  if (opAppId !== app.appId) return invalid(`op_app_id 必须是调用方的小程序 AppID (${app.appId})`)

  const hasUserId = present(biz.buyer_id)
  const hasOpenId = present(biz.buyer_open_id)
  if (hasUserId === hasOpenId) return invalid('buyer_id 与 buyer_open_id 必须且只能传一个')
  let buyer: TradeBuyer
  if (hasUserId) {
    if (typeof biz.buyer_id !== 'string' || !USER_ID.test(biz.buyer_id))
      return invalid('buyer_id 必须是 2088 开头的 16 位数字')
    // An OpenID app never sees user ids; Alipay answers as if the buyer did not exist.
    if (app.idMode === 'open_id')
      return gatewayError.businessFailed(
        'ACQ.BUYER_NOT_EXIST',
        '买家不存在（该应用使用 OpenID，请传 buyer_open_id）',
      )
    buyer = { kind: 'user_id', id: biz.buyer_id }
  } else {
    if (typeof biz.buyer_open_id !== 'string' || biz.buyer_open_id.length > 128)
      return invalid('buyer_open_id 必须是字符串')
    buyer = { kind: 'open_id', id: biz.buyer_open_id }
  }

  const now = context.now()
  let expiresAt: number | undefined
  if (present(biz.time_expire)) {
    expiresAt = fromChinaTime(biz.time_expire)?.getTime()
    if (expiresAt === undefined) return invalid('time_expire 格式必须是 yyyy-MM-dd HH:mm:ss（北京时间）')
    if (expiresAt <= now) return invalid('time_expire 已过')
  } else if (present(biz.timeout_express)) {
    expiresAt = parseTimeoutExpress(biz.timeout_express, now)
    if (expiresAt === undefined) return invalid('timeout_express 取值范围 1m～15d（或 1c）')
  }
  const notifyUrl = params.notify_url || undefined
  if (notifyUrl !== undefined && !validUrl(notifyUrl)) return invalid('notify_url 必须是 http(s) 地址')
  return {
    appId: app.appId,
    outTradeNo,
    totalFen,
    subject,
    productCode,
    opAppId,
    buyer,
    notifyUrl,
    expiresAt,
  }
}

const sameContext = (trade: StoredTrade, input: CreateInput) =>
  trade.totalFen === input.totalFen &&
  trade.subject === input.subject &&
  trade.buyer.kind === input.buyer.kind &&
  trade.buyer.id === input.buyer.id

const isInput = (value: CreateInput | MethodResponse): value is CreateInput =>
  typeof (value as CreateInput).outTradeNo === 'string' && typeof (value as CreateInput).totalFen === 'number'

export const tradeCreate: MethodHandler = (call) => {
  const input = readCreate(call)
  if (!isInput(input)) return input
  const { store, now } = call.context
  const success = (trade: StoredTrade) => ({
    code: '10000',
    msg: 'Success',
    out_trade_no: trade.outTradeNo,
    trade_no: trade.tradeNo,
  })
  const existing = store.tradeByOutTradeNo(input.appId, input.outTradeNo)
  if (existing) {
    const status = tradeStatus(existing, now())
    if (status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED') return tradeErrors.hasSuccess()
    if (status === 'TRADE_CLOSED') return tradeErrors.hasClose()
    if (!sameContext(existing, input))
      return gatewayError.businessFailed(
        'ACQ.CONTEXT_INCONSISTENT',
        '交易信息被篡改（同一 out_trade_no 的参数不一致）',
      )
    return success(existing)
  }
  const createdAt = now()
  const trade: StoredTrade = {
    ...input,
    tradeNo: newTradeNo(createdAt),
    createdAt,
    status: 'WAIT_BUYER_PAY',
    refunds: [],
    pendingRefunds: [],
  }
  store.saveTrade(trade)
  return success(trade)
}
