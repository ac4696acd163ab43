/**
 * Alipay's wire formats for money and time, parsed strictly:
 * - amounts are yuan strings ("79.00", "0.5", "12"), at most two decimals, kept as integer fen
 *   (never floats) inside the simulator and always sent back with two decimals;
 * - times are "yyyy-MM-dd HH:mm:ss" in China time (UTC+8, no daylight saving).
 */

/** Alipay's upper bound for a trade or a freeze: 100,000,000.00 yuan. */
export const MAX_AMOUNT_FEN = 100_000_000 * 100

const YUAN_PATTERN = /^(0|[1-9]\d{0,8})(?:\.(\d{1,2}))?$/

/** "79.00" → 7900; undefined for anything else (numbers, "1e3", "-1", "0.001", "", " 1"). */
export function parseYuan(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = YUAN_PATTERN.exec(value)
  if (!match) return undefined
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(fen) ? fen : undefined
}

/** A payable amount: 0.01 ≤ amount ≤ 100,000,000.00 yuan. */
export function parseAmount(value: unknown): number | undefined {
  const fen = parseYuan(value)
  return fen !== undefined && fen >= 1 && fen <= MAX_AMOUNT_FEN ? fen : undefined
}

/** 7900 → "79.00". */
export function formatFen(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

const CHINA_OFFSET_MS = 8 * 3600_000

/** Epoch ms → "2024-05-01 12:00:00" (China time). */
export function chinaTime(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** Epoch ms → "20240501" (the China date), as trade numbers start. */
export function chinaDate(epochMs: number): string {
  return chinaTime(epochMs).slice(0, 10).replaceAll('-', '')
}

const CHINA_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** "2024-05-01 12:00:00" (China time) → epoch ms; undefined unless it is a real date and time. */
export function parseChinaTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = CHINA_TIME_PATTERN.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number)
  const utc = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC rolls 2024-02-30 over to March: a round trip catches impossible dates.
  if (chinaTime(utc - CHINA_OFFSET_MS) !== value) return undefined
  return utc - CHINA_OFFSET_MS
}

/**
 * `timeout_express` ("90m", "2h", "15d", "1c" = until the end of today, China time), relative to
 * `now`; undefined when malformed or outside Alipay's 1m–15d.
 */
export function parseTimeoutExpress(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string') return undefined
  if (value === '1c') {
    const endOfDay = parseChinaTime(`${chinaTime(now).slice(0, 10)} 23:59:59`)
    return endOfDay === undefined ? undefined : endOfDay + 1000
  }
  const match = /^([1-9]\d{0,5})([mhd])$/.exec(value)
  if (!match) return undefined
  const minutes = Number(match[1]) * { m: 1, h: 60, d: 1440 }[match[2] as 'm' | 'h' | 'd']
  if (minutes > 15 * 1440) return undefined
  return now + minutes * 60_000
}
