/**
 * Alipay's wire formats, in ONE place for the shop's payment code (server/payments) and the
 * simulator that plays Alipay (server/alipay-simulator), so the two can never disagree:
 * - amounts are yuan strings with at most two decimals ("79.00", "0.5", "12"), kept as integer fen
 *   on our side; pure string/integer arithmetic, a float never touches an amount;
 * - times are `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8, no daylight saving), whatever
 *   the server's own time zone;
 * - a buyer is a legacy `user_id` (2088…) or a per-app `open_id`, and each API names the field
 *   that carries it differently.
 */

/**
 * Alipay's rule for the merchant's own numbers (out_trade_no, out_request_no, out_order_no): 1 to 64
 * letters, digits or underscores. Migration 008 checks refunds' out_request_no with the same rule.
 */
export const MERCHANT_NUMBER = /^[A-Za-z0-9_]{1,64}$/

/** Largest amount Alipay accepts for a trade or a freeze (100,000,000.00 yuan), in fen. */
export const MAX_ALIPAY_FEN = 100_000_000 * 100

/** 7900 → "79.00", 5 → "0.05". Throws for anything but a non-negative safe integer. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`not an amount in fen: ${fen}`)
  const digits = String(fen).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

// Whole yuan without leading zeros, then optionally one or two decimals: "79", "79.5", "79.00".
const YUAN = /^(0|[1-9][0-9]{0,8})(?:\.([0-9]{1,2}))?$/

/**
 * "79.00" → 7900. Strict: no sign, no exponent, no spaces, at most two decimals and
 * MAX_ALIPAY_FEN; anything else is undefined, so a malformed amount can never equal an order's.
 */
export function yuanToFen(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const match = YUAN.exec(text)
  if (!match) return undefined
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return fen <= MAX_ALIPAY_FEN ? fen : undefined
}

/** A payable amount: 0.01 ≤ amount ≤ 100,000,000.00 yuan; undefined otherwise. */
export function yuanToPayableFen(text: unknown): number | undefined {
  const fen = yuanToFen(text)
  return fen !== undefined && fen >= 1 ? fen : undefined
}

const CHINA_UTC_OFFSET_MS = 8 * 3600_000
const CHINA_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** 2024-06-11T02:00:00Z (a Date or epoch ms) → "2024-06-11 10:00:00". */
export function toChinaTime(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  return new Date(ms + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** The China date of an instant, "20240501", as Alipay's (and our) trade numbers start. */
export function chinaDate(instant: Date | number): string {
  return toChinaTime(instant).slice(0, 10).replaceAll('-', '')
}

/** "2024-06-11 10:00:00" → that instant; undefined unless it is Alipay's format and a real time. */
export function fromChinaTime(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined
  const match = CHINA_TIME.exec(text)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number)
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_UTC_OFFSET_MS
  // Date.UTC rolls 2024-02-30 over to March: a round trip catches impossible dates.
  return toChinaTime(ms) === text ? new Date(ms) : undefined
}

/** How an app identifies buyers: chosen per app on open.alipay.com. */
export const ALIPAY_ID_KINDS = ['user_id', 'open_id'] as const
export type AlipayIdKind = (typeof ALIPAY_ID_KINDS)[number]

export const isAlipayIdKind = (value: unknown): value is AlipayIdKind =>
  (ALIPAY_ID_KINDS as readonly unknown[]).includes(value)

/** The field that carries the buyer's id, per API: each names it its own way. */
const ID_FIELDS = {
  /** alipay.trade.create's request, and trade notifies. */
  tradeBuyer: { user_id: 'buyer_id', open_id: 'buyer_open_id' },
  /** alipay.trade.query's and alipay.trade.refund's answers. */
  tradeQueryBuyer: { user_id: 'buyer_user_id', open_id: 'buyer_open_id' },
  /** Pre-authorization (fund.auth) notifies and queries. */
  freezePayer: { user_id: 'payer_user_id', open_id: 'payer_open_id' },
  /** alipay.merchant.order.sync's request ("buyer_id(buyer_open_id)", see order-center-format.ts). */
  orderSyncBuyer: { user_id: 'buyer_id', open_id: 'buyer_open_id' },
} as const

/** e.g. idField('tradeBuyer', 'open_id', 'x') → { buyer_open_id: 'x' }. */
export function idField(
  where: keyof typeof ID_FIELDS,
  kind: AlipayIdKind,
  id: string,
): Record<string, string> {
  return { [ID_FIELDS[where][kind]]: id }
}
