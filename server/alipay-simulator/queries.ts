/**
 * How the simulator answers the shop's status queries, and a record of what it was asked:
 * - the switch POST /control `{ queries: 'fail' }` answers `20000 isp.unknow-error` (Alipay's
 *   "service currently unavailable") to alipay.trade.query and
 *   alipay.fund.auth.operation.detail.query, so a test can watch the shop back off; `normal`
 *   answers them again;
 * - the call log counts every signed call the gateway dispatched, per method, with the times of
 *   the latest ones, so a test can see how often the shop asked.
 */
export const QUERY_MODES = ['normal', 'fail'] as const
export type QueryMode = (typeof QUERY_MODES)[number]

export interface QuerySwitch {
  mode: QueryMode
}

/** The status queries the `fail` switch affects. */
export const STATUS_QUERY_METHODS: ReadonlySet<string> = new Set([
  'alipay.trade.query',
  'alipay.fund.auth.operation.detail.query',
])

/** Times kept per method: enough for a test, bounded for a simulator that runs for days. */
const TIMES_KEPT = 1000

export interface CallLog {
  record(method: string, at: number): void
  /** Calls of `method` since the simulator started. */
  count(method: string): number
  /** When the latest calls of `method` arrived (epoch ms), oldest first; at most the last 1000. */
  times(method: string): number[]
}

export function createCallLog(): CallLog {
  const counts = new Map<string, number>()
  const recent = new Map<string, number[]>()
  return {
    record(method, at) {
      counts.set(method, (counts.get(method) ?? 0) + 1)
      const times = recent.get(method) ?? []
      times.push(at)
      if (times.length > TIMES_KEPT) times.shift()
      recent.set(method, times)
    },
    count: (method) => counts.get(method) ?? 0,
    times: (method) => [...(recent.get(method) ?? [])],
  }
}
