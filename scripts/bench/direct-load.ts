/**
 * The reference for the HTTP figures: the same server function called directly, by N concurrent
 * workers in this process, after a warm-up — what the database (and the SDK, where used) cost
 * without HTTP, routing, validation, session lookup and logging.
 */

export interface LoadResult {
  ok: number
  failed: number
  seconds: number
  perSecond: number
  latencyMs: { p50: number; p99: number; max: number }
  firstError?: string
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

export interface DirectLoadOptions {
  workers: number
  warmupSeconds: number
  /** Stop after this long, or… */
  durationSeconds?: number
  /** …after this many calls (task receives 0, 1, 2… across workers, warm-up excluded). */
  calls?: number
  warmupCalls?: number
}

/** Runs `task` with `workers` in flight at all times; `task(n)` gets a number unique to its call. */
export async function runDirectLoad(
  task: (n: number) => Promise<unknown>,
  options: DirectLoadOptions,
): Promise<LoadResult> {
  let next = 0
  const phase = async (until: { deadline?: number; calls?: number }, record: boolean) => {
    const latencies: number[] = []
    let failed = 0
    let firstError: string | undefined
    const started = performance.now()
    const end = until.calls === undefined ? Infinity : next + until.calls
    const worker = async () => {
      while (next < end && (until.deadline === undefined || performance.now() < until.deadline)) {
        const n = next++
        const t0 = performance.now()
        try {
          await task(n)
          if (record) latencies.push(performance.now() - t0)
        } catch (error) {
          failed++
          firstError ??= error instanceof Error ? error.message : String(error)
        }
      }
    }
    await Promise.all(Array.from({ length: options.workers }, worker))
    return { latencies, failed, firstError, seconds: (performance.now() - started) / 1000 }
  }

  if (options.warmupCalls !== undefined) await phase({ calls: options.warmupCalls }, false)
  else await phase({ deadline: performance.now() + options.warmupSeconds * 1000 }, false)
  const measured =
    options.calls !== undefined
      ? await phase({ calls: options.calls }, true)
      : await phase({ deadline: performance.now() + (options.durationSeconds ?? 10) * 1000 }, true)
  const sorted = measured.latencies.sort((a, b) => a - b)
  return {
    ok: sorted.length,
    failed: measured.failed,
    seconds: measured.seconds,
    perSecond: sorted.length / measured.seconds,
    latencyMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN },
    firstError: measured.firstError,
  }
}
