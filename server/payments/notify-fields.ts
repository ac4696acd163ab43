/**
 * Reading an Alipay asynchronous notify. Everything here is a pure check on the form fields; the
 * signature is verified first (notify.ts), and only then are the fields trusted to mean anything.
 * Each reader returns the typed notify, or a refusal reason for the log.
 */
import { fromChinaTime, yuanToFen, type AlipayIdKind } from '../alipay/wire-format'

export type NotifyFields = Record<string, string>
/** Why a notify was refused (a class, so no form field can pass for one). */
export class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * The urlencoded body as ONE level of strings, exactly as sent: checkNotifySignV2 signs the raw
 * values. A repeated field is ambiguous (which value was signed?), so it is refused.
 */
export function parseNotifyForm(body: string): NotifyFields | Refusal {
  const fields: NotifyFields = Object.create(null) as NotifyFields
  for (const [key, value] of new URLSearchParams(body)) {
    if (key in fields) return new Refusal(`field ${key} appears twice`)
    fields[key] = value
  }
  return fields
}

const ID = /^[A-Za-z0-9_-]{1,128}$/

function required(fields: NotifyFields, names: string[]): Refusal | undefined {
  const missing = names.filter((name) => !fields[name])
  return missing.length ? new Refusal(`missing ${missing.join(', ')}`) : undefined
}

export interface TradeNotify {
  notifyId: string
  outTradeNo: string
  tradeNo: string
  tradeStatus: string
  totalFen: number
  sellerId: string
  paidAt: Date
  /**
   * Set on the notify Alipay sends after a refund (it carries `refund_fee`, `gmt_refund` and
   * `out_biz_no` = the refund's out_request_no; Alipay's async-notify doc, opendocs.alipay.com/open/203/105286).
   */
  refundRequestNo?: string
}

export function readTradeNotify(fields: NotifyFields): TradeNotify | Refusal {
  const missing = required(fields, [
    'notify_id',
    'out_trade_no',
    'trade_no',
    'trade_status',
    'total_amount',
    'seller_id',
  ])
  if (missing) return missing
  if (!ID.test(fields.notify_id)) return new Refusal('malformed notify_id')
  const totalFen = yuanToFen(fields.total_amount)
  if (totalFen === undefined) return new Refusal(`malformed total_amount "${fields.total_amount}"`)
  return {
    notifyId: fields.notify_id,
    outTradeNo: fields.out_trade_no,
    tradeNo: fields.trade_no,
    tradeStatus: fields.trade_status,
    totalFen,
    sellerId: fields.seller_id,
    paidAt: fromChinaTime(fields.gmt_payment) ?? new Date(),
    ...(isRefundNotify(fields) ? { refundRequestNo: fields.out_biz_no ?? fields.out_trade_no } : {}),
  }
}

/** A trade notify about a refund rather than a payment. */
const isRefundNotify = (fields: NotifyFields) =>
  fields.refund_fee !== undefined || fields.gmt_refund !== undefined || fields.out_biz_no !== undefined

export interface FreezeNotify {
  notifyId: string
  outOrderNo: string
  outRequestNo: string
  authNo: string
  amountFen: number
  status: string
  frozenAt: Date
  payer?: AlipayId
}

/** A buyer as Alipay names them: `user_id` (2088…) or, for OpenID apps, `open_id`. */
export interface AlipayId {
  kind: AlipayIdKind
  id: string
}

/** The payer of a fund-auth notify or query (payer_user_id / payer_open_id), when it names one. */
export function payerOf(userId: string | undefined, openId: string | undefined): AlipayId | undefined {
  if (userId) return { kind: 'user_id', id: userId }
  if (openId) return { kind: 'open_id', id: openId }
  return undefined
}

export function readFreezeNotify(fields: NotifyFields): FreezeNotify | Refusal {
  const missing = required(fields, [
    'notify_id',
    'out_order_no',
    'out_request_no',
    'auth_no',
    'amount',
    'status',
  ])
  if (missing) return missing
  if (!ID.test(fields.notify_id)) return new Refusal('malformed notify_id')
  const amountFen = yuanToFen(fields.amount)
  if (amountFen === undefined) return new Refusal(`malformed amount "${fields.amount}"`)
  return {
    notifyId: fields.notify_id,
    outOrderNo: fields.out_order_no,
    outRequestNo: fields.out_request_no,
    authNo: fields.auth_no,
    amountFen,
    status: fields.status,
    frozenAt: fromChinaTime(fields.gmt_trans) ?? new Date(),
    payer: payerOf(fields.payer_user_id, fields.payer_open_id),
  }
}
