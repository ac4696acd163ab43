/**
 * Payment confirmation: from the cashier's 9000 to "paid" on the result screen, with the notify
 * delivered at once and with every notify lost (the server then learns it from
 * alipay.trade.query when the client asks). The server runs here (PGlite); the client — the app's
 * own payment and confirmation code — in a child process (payment-client.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBenchServer } from './bench-server'
import { runForJson, TSX_CLI } from './child-json'
import { percentile } from './direct-load'

export interface ConfirmationFigure {
  what: string
  trials: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** Questions the client asked the server per trial (most often). */
  asks: number
}

export interface PaymentConfirmation {
  backoffMs: number[]
  prompt: ConfirmationFigure
  lost: ConfirmationFigure
  paidOrderRead: ConfirmationFigure
}

function summarise(what: string, runs: Array<{ ms: number; asks: number }>): ConfirmationFigure {
  const sorted = runs.map((run) => run.ms).sort((a, b) => a - b)
  const askCounts = new Map<number, number>()
  for (const run of runs) askCounts.set(run.asks, (askCounts.get(run.asks) ?? 0) + 1)
  const asks = [...askCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
  return {
    what,
    trials: runs.length,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: sorted.at(-1) ?? NaN,
    asks,
  }
}

export async function measurePaymentConfirmation(trials = 15): Promise<PaymentConfirmation> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shop-bench-pay-'))
  const server = await startBenchServer({ dataDir })
  try {
    const { backoffMs, results } = await runForJson<{
      backoffMs: number[]
      results: Record<'prompt' | 'lost' | 'paidOrderRead', Array<{ ms: number; asks: number }>>
    }>(
      'payment client',
      [
        TSX_CLI,
        '--require',
        path.join(__dirname, 'client-runtime.cjs'),
        path.join(__dirname, 'payment-client.ts'),
      ],
      {
        env: {
          ...process.env,
          TARO_APP_API_BASE_URL: server.baseUrl,
          NODE_ENV: 'development',
          BENCH_TRIALS: String(trials),
        },
      },
    )
    return {
      backoffMs,
      prompt: summarise('notify delivered at once', results.prompt),
      lost: summarise('notify lost (alipay.trade.query on read)', results.lost),
      paidOrderRead: summarise('one read of a paid order (floor)', results.paidOrderRead),
    }
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
