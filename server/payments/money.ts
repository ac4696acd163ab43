/**
 * The ONE place where money crosses between the shop (integer fen) and Alipay (yuan strings with
 * two decimals, "79.00"). Pure string/integer arithmetic: a float never touches an amount.
 */

/** Largest amount Alipay accepts for a trade (100,000,000.00 yuan), in fen. */
export const MAX_ALIPAY_FEN = 10_000_000_000

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
