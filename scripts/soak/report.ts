/** The soak's result: the must-be-zero numbers, and the result as JSON and as a short markdown page. */
import type { MalformedTally, SlowTally } from './abusers'
import type { AgreementReport } from './agreement'
import type { BuyerTally } from './buyers'
import type { ProblemSample, StatusClass } from './traffic'

export interface MemorySample {
  rssMb: number
  heapUsedMb: number
}

export interface SoakResult {
  startedAt: string
  durationSeconds: number
  settleSeconds: number
  database: string
  settings: Record<string, number>
  requests: { served: number; byClass: Record<StatusClass, number>; rateLimited: number }
  serverErrors: Record<string, number>
  noAnswer: number
  problems: ProblemSample[]
  buyers: BuyerTally
  notifyDropWindows: number
  malformed: MalformedTally
  slowSockets: SlowTally
  memory: { start: MemorySample; end: MemorySample }
  /**
   * Open connections on the server (getConnections), and how many of them are the soak's: while
   * only the slow sockets were left, and once every client of the soak hung up (then the soak's
   * must be 0; the rest are the server's own loopback clients: the alipay-sdk and the notifier).
   */
  openConnectionsWithSlowSockets: { total: number; soaks: number }
  openConnectionsAtEnd: { total: number; soaks: number }
  agreement: AgreementReport
  errorLogLines: number
  logFile: string
}

export const memoryNow = (): MemorySample => {
  const usage = process.memoryUsage()
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) }
}

/** Each must be 0 for the soak to pass. Slow sockets still open are reported, not failed on. */
export function mustBeZero(result: SoakResult): Record<string, number> {
  return {
    '5xx answers': Object.values(result.serverErrors).reduce((sum, n) => sum + n, 0),
    'requests without an answer': result.noAnswer,
    "server connections of the soak's clients left after they hung up": result.openConnectionsAtEnd.soaks,
    'orders disagreeing with Alipay': result.agreement.orderDisagreements.length,
    'refunds disagreeing with Alipay': result.agreement.refundDisagreements.length,
  }
}

const table = (rows: Array<[string, string | number]>) =>
  ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n')

export function markdown(result: SoakResult): string {
  const zero = mustBeZero(result)
  const failed = Object.entries(zero).filter(([, n]) => n !== 0)
  const { buyers, requests, slowSockets, memory, agreement } = result
  return `# Latest soak result

\`npm run soak\` (scripts/soak/run.ts): the real server on PostgreSQL with the in-process Alipay
simulator, under mixed buyers, dropped notifies, malformed and slow clients. Started
${result.startedAt}, ran ${result.durationSeconds} s, then ${result.settleSeconds} s to settle.

**${failed.length === 0 ? 'PASSED' : `FAILED: ${failed.map(([name, n]) => `${name} ${n}`).join(', ')}`}**

## Must be zero

${table(Object.entries(zero))}

## Traffic

${table([
  ['requests answered', requests.served],
  [
    '2xx / 3xx / 4xx / 5xx',
    `${requests.byClass['2xx']} / ${requests.byClass['3xx']} / ${requests.byClass['4xx']} / ${requests.byClass['5xx']}`,
  ],
  ['429 (rate limited, expected)', requests.rateLimited],
  ['logins', buyers.logins],
  ['orders created (idempotent replays)', `${buyers.ordersCreated} (${buyers.idempotentReplays})`],
  ['paid / cancelled / left to expire', `${buyers.paid} / ${buyers.cancelled} / ${buyers.leftToExpire}`],
  [
    'shipped / receipts confirmed / refunds asked',
    `${buyers.shipped} / ${buyers.receiptsConfirmed} / ${buyers.refundsAsked}`,
  ],
  ['notify drop windows', result.notifyDropWindows],
  [
    'malformed requests sent (not refused)',
    `${result.malformed.sent} (${Object.values(result.malformed.notRefused).reduce((s, n) => s + n, 0)})`,
  ],
  ...(['body', 'headers'] as const).map((kind): [string, string] => [
    `slow sockets trickling ${kind}: opened / closed by the server (longest kept) / still open (oldest)`,
    `${slowSockets[kind].opened} / ${slowSockets[kind].closedByServer} (${Math.round(slowSockets[kind].longestOpenMs / 1000)} s) / ${slowSockets[kind].stillOpen} (${Math.round(slowSockets[kind].oldestStillOpenMs / 1000)} s)`,
  ]),
  ['memory start → end: RSS MB', `${memory.start.rssMb} → ${memory.end.rssMb}`],
  ['memory start → end: heap used MB', `${memory.start.heapUsedMb} → ${memory.end.heapUsedMb}`],
  [
    "server connections while only slow sockets were left (the soak's)",
    `${result.openConnectionsWithSlowSockets.total} (${result.openConnectionsWithSlowSockets.soaks})`,
  ],
  [
    "server connections after every client hung up (the soak's)",
    `${result.openConnectionsAtEnd.total} (${result.openConnectionsAtEnd.soaks})`,
  ],
  [
    'orders checked against Alipay',
    `${agreement.ordersChecked} (${Object.entries(agreement.byStatus)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')})`,
  ],
  ['refunds checked against Alipay', agreement.refundsChecked],
  ['error lines in the server log', result.errorLogLines],
])}

Memory is the whole process (server and load generator share it). Server connections left after
the soak's clients hung up are the server's own loopback clients (the alipay-sdk calling the
simulator's gateway, the simulator's notifier), kept alive. No fault is injected that answers 5xx:
every 5xx counts. Buyers' unexpected answers
(a per-buyer cap's 409 or a limit's 429 land here): ${JSON.stringify(buyers.unexpected)}.
Malformed requests not refused with a 4xx: ${JSON.stringify(result.malformed.notRefused)}.

<details><summary>Full result (JSON)</summary>

\`\`\`json
${JSON.stringify(result, null, 2)}
\`\`\`

</details>
`
}
