import { shopConfig } from '../shop.config'

/**
 * Money is an integer number of fen (1 yuan = 100 fen) everywhere in this project.
 * This is the one place that turns fen into text; nothing else divides by 100.
 */
export type Fen = number

export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${what} must be an integer number of fen, got ${String(value)}`)
  }
  return value
}

export const FEN_PER_YUAN = 100

/** 123456 → "¥1,234.56"; -5 → "-¥0.05". */
export function formatFen(fen: Fen, currencyLabel: string = shopConfig.currencyLabel): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / FEN_PER_YUAN)
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0')
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${currencyLabel}${grouped}.${cents}`
}

const YUAN_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

/**
 * Yuan as typed ("12", "12.5", "1,234.56") → fen (1200, 1250, 123456), by its digits, never
 * through a float (0.29 × 100 is 28.999999999999996). Throws on anything else: a sign, a third
 * decimal, letters, an amount too large to be exact.
 */
export function parseYuan(text: string): Fen {
  const match = YUAN_TEXT.exec(text.trim())
  if (!match) throw new RangeError(`not an amount in yuan: ${JSON.stringify(text)}`)
  const [, yuanText, centsText = ''] = match
  const digits = `${yuanText.replace(/,/g, '')}${centsText.padEnd(2, '0')}`
  return assertFen(Number(digits), 'amount')
}

/** price × quantity, exact, refusing results that would lose precision. */
export function multiplyFen(price: Fen, quantity: number): Fen {
  assertFen(price, 'price')
  assertFen(quantity, 'quantity')
  return assertFen(price * quantity, 'line total')
}

export function sumFen(amounts: readonly Fen[]): Fen {
  return amounts.reduce<Fen>((total, amount) => assertFen(total + assertFen(amount), 'total'), 0)
}
