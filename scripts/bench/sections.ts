/**
 * The benchmark's sections: each measures, then turns its figures into table rows (every figure
 * next to its reference from the same run) plus the raw data for the JSON file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  BLANK_APP_DIR,
  ROOT,
  budgetChecks,
  buildAlipay,
  measureBundle,
  type BudgetCheck,
  type BundleSize,
} from './bundle'
import { measurePaymentConfirmation, type ConfirmationFigure } from './payment-confirm'
import { createBenchPostgres } from './postgres-database'
import { kB, ms, perSecond, seconds, times, type Row } from './report'
import type { LoadResult } from './direct-load'
import { LIMITER_COST_BUDGET, type LimiterCost } from './limiter-cost'
import { CONNECTIONS, measureServerLoad, type DatabaseLoad } from './server-load'
import { TEST_DATABASE_URL, withoutPassword } from '../../server/testing/databases'

export interface Section {
  rows: Row[]
  data: unknown
  notes: string[]
}
export type Progress = (line: string) => void

const BUILD_RUNS = 2

/** A bundle size with its budget: a ratio of the blank app, or a share of the platform's limit. */
function sizeRow(check: BudgetCheck, blank: BundleSize): Row {
  const againstBlank = check.ratio !== undefined
  return {
    measure: `Bundle (alipay): ${check.what}`,
    value: kB(check.bytes),
    reference: againstBlank ? `blank Taro app ${kB(blank.totalBytes)}` : `limit ${kB(check.limitBytes)}`,
    ratio: againstBlank
      ? times(check.ratio!)
      : `${((check.bytes / check.limitBytes) * 100).toFixed(0)}% of limit`,
    budget: `≤ ${check.limit}`,
    pass: check.pass,
  }
}

export async function bundleAndBuildTime(progress: Progress): Promise<Section> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'shop-bench-build-'))
  try {
    const apps = { shop: ROOT, blank: BLANK_APP_DIR }
    const wallMs: Record<'shop' | 'blank', number[]> = { shop: [], blank: [] }
    // Alternating, so a machine that slows down during the run penalises both alike.
    for (let run = 1; run <= BUILD_RUNS; run++) {
      for (const which of ['shop', 'blank'] as const) {
        progress(`build ${run}/${BUILD_RUNS}: ${which} app (alipay, production)…`)
        const result = await buildAlipay(apps[which], path.join(temp, `${which}-${run}`))
        wallMs[which].push(result.wallMs)
        progress(`  ${seconds(result.wallMs)}`)
      }
    }
    const shop = measureBundle(path.join(temp, 'shop-1'))
    const blank = measureBundle(path.join(temp, 'blank-1'))
    const fastest = { shop: Math.min(...wallMs.shop), blank: Math.min(...wallMs.blank) }
    const checks = budgetChecks(shop, blank)
    return {
      rows: [
        ...checks.map((check) => sizeRow(check, blank)),
        {
          measure: `Production build, alipay (fastest of ${BUILD_RUNS})`,
          value: seconds(fastest.shop),
          reference: `blank Taro app ${seconds(fastest.blank)}`,
          ratio: times(fastest.shop / fastest.blank),
          budget: 'printed only',
        },
      ],
      data: { shop, blank, checks, buildWallMs: wallMs },
      notes: [`Largest files: ${shop.largest.map((f) => `${f.file} ${kB(f.bytes)}`).join(', ')}.`],
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

function limiterRow({ database, limiter }: DatabaseLoad): Row {
  return {
    measure: `Server, ${database}: create order with rate limits on, ${CONNECTIONS} connections`,
    value: `HTTP ${perSecond(limiter.onPerSecond)}`,
    reference: `rate limits off (RATE_LIMIT=0) ${perSecond(limiter.offPerSecond)}`,
    ratio: `${times(limiter.ratio)} off ÷ on`,
    budget: `≤ ${times(LIMITER_COST_BUDGET)}`,
    pass: limiter.ratio <= LIMITER_COST_BUDGET,
  }
}

function loadRows(load: DatabaseLoad): Row[] {
  return [...pairRows(load), limiterRow(load)]
}

function pairRows(load: DatabaseLoad): Row[] {
  return load.pairs.map(({ what, http, direct }) => {
    const failed = http.failed + direct.failed
    return {
      measure: `Server, ${load.database}: ${what}, ${CONNECTIONS} connections`,
      value: `HTTP ${perSecond(http.perSecond)}, p99 ${ms(http.latencyMs.p99)}${failed ? ` ⚠ ${failed} failed` : ''}`,
      reference: `direct call ${perSecond(direct.perSecond)}, p99 ${ms(direct.latencyMs.p99)}`,
      ratio: `${times(http.perSecond / direct.perSecond)} throughput, ${times(http.latencyMs.p99 / direct.latencyMs.p99)} p99`,
      budget: 'printed only',
    }
  })
}

export async function serverLoad(progress: Progress): Promise<Section> {
  const loads: DatabaseLoad[] = [await measureServerLoad('PGlite', undefined, progress)]
  const notes: string[] = []
  const postgres = await createBenchPostgres()
  if (postgres) {
    try {
      loads.push(await measureServerLoad('PostgreSQL', postgres.url, progress))
    } finally {
      await postgres.drop()
    }
  } else {
    const message = `skipped: no PostgreSQL at ${withoutPassword(TEST_DATABASE_URL)} (set TEST_DATABASE_URL)`
    progress(`\n*** PostgreSQL ${message} ***\n`)
    notes.push(`PostgreSQL ${message}.`)
  }
  const skipped: Row = {
    measure: 'Server, PostgreSQL',
    value: 'skipped: no PostgreSQL',
    reference: '',
    ratio: '',
    budget: '',
  }
  const rows = postgres ? loads.flatMap(loadRows) : [...loads.flatMap(loadRows), skipped]
  for (const load of loads)
    for (const { what, http, direct } of load.pairs)
      for (const [side, result] of [
        ['HTTP', http],
        ['direct', direct],
      ] as const)
        if (result.failed)
          notes.push(`${load.database}, ${what}, ${side}: ${result.failed} failed (${result.firstError}).`)
  for (const { database, limiter } of loads) notes.push(limiterSpread(database, limiter))
  return { rows, data: loads, notes }
}

/** The spread of the single runs: on a shared machine it can dwarf the limiter's own cost. */
function limiterSpread(database: string, limiter: LimiterCost): string {
  const range = (results: LoadResult[]) => {
    const rates = results.map((result) => result.perSecond)
    return `${perSecond(Math.min(...rates))}–${perSecond(Math.max(...rates))}`
  }
  return `${database}, rate limits off vs on: single runs off ${range(limiter.off)}, on ${range(limiter.on)} (order off, on, on, off, then on, off, off, on).`
}

export async function paymentConfirmation(progress: Progress): Promise<Section> {
  progress('payment confirmation: the app’s own pay + confirm code against the server and simulator…')
  const result = await measurePaymentConfirmation()
  const row = (figure: ConfirmationFigure): Row => ({
    measure: `Payment 9000 → "paid" on screen, ${figure.what}`,
    value: `p50 ${ms(figure.p50Ms)}, p95 ${ms(figure.p95Ms)} (${figure.asks} ask${figure.asks === 1 ? '' : 's'})`,
    reference: `one read of a paid order, p50 ${ms(result.paidOrderRead.p50Ms)}`,
    ratio: times(figure.p50Ms / result.paidOrderRead.p50Ms),
    budget: 'printed only',
  })
  return {
    rows: [row(result.prompt), row(result.lost)],
    data: result,
    notes: [
      `Confirmation schedule (useConfirmPayment's CONFIRM_BACKOFF_MS, imported): asks at once, then after ${result.backoffMs.join(', ')} ms; ${result.prompt.trials} trials per case.`,
    ],
  }
}
