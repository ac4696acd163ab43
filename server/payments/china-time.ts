/**
 * Alipay reads and writes times as `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8, no
 * daylight saving), whatever the server's own time zone.
 */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

/** 2024-06-11T02:00:00Z → "2024-06-11 10:00:00". */
export function toChinaTime(date: Date): string {
  return new Date(date.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** "2024-06-11 10:00:00" → that instant; undefined when not in Alipay's format. */
export function fromChinaTime(text: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text ?? '')
  if (!match) return undefined
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00`)
  return Number.isNaN(date.getTime()) ? undefined : date
}
