/**
 * Order numbers: the date in China Standard Time (yyyymmdd) followed by 12 random digits, e.g.
 * 20240611038475610293. Digits only, because the number doubles as Alipay's out_trade_no and is
 * read out over the phone; random rather than sequential, so it reveals nothing about sales.
 */
import { randomInt } from 'node:crypto'
import { chinaDate } from '../alipay/wire-format'

const RANDOM_DIGITS = 12

export function newOrderNumber(now: Date = new Date()): string {
  const date = chinaDate(now)
  // Two 6-digit draws: randomInt's range must stay below 2^48.
  const random = [0, 1].map(() => String(randomInt(0, 1_000_000)).padStart(RANDOM_DIGITS / 2, '0')).join('')
  return date + random
}
