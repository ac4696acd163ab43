/**
 * The outbox worker: from the app's ready() to close() (server/app.ts), it claims due jobs
 * (queue.ts), runs each with the handler registered for its kind, and records the outcome:
 * - the handler resolves → done;
 * - it throws PermanentJobError → failed, with the error kept and logged; later jobs go ahead;
 * - it throws anything else → tried again after an exponential backoff (capped), until
 *   maxAttempts, then failed.
 * The buyer's request never waits for any of this: it only wrote the job.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Db } from '../db/types'
import {
  claimDueJobs,
  deleteDeliveredJobs,
  markJobDone,
  markJobFailed,
  scheduleRetry,
  type OutboxJob,
} from './queue'
import type { OutboxSettings } from './settings'

/** Runs one job. Resolve when delivered; throw PermanentJobError when trying again cannot help. */
export type OutboxHandler = (job: OutboxJob) => Promise<void>

/** kind → handler: adding a kind is one entry. */
export type OutboxHandlers = ReadonlyMap<string, OutboxHandler>

/** A failure no retry can fix (the other system refused the job itself). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PermanentJobError'
  }
}

export interface OutboxLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface OutboxWorkerOptions {
  handlers: OutboxHandlers
  settings: OutboxSettings
  logger: OutboxLogger
  /** Names this worker in claimed_by; default host:pid:random. */
  workerId?: string
  /** Jobs claimed at once. */
  batch?: number
}

const DEFAULT_BATCH = 20
/** Delivered jobs past retention are deleted at most this often. */
const PRUNE_EVERY_MS = 60_000

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most maxMs. */
export function backoffMs(attempts: number, retry: OutboxSettings['retry']): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30)
  return Math.min(retry.baseMs * 2 ** exponent, retry.maxMs)
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Runs one job and records its outcome. */
async function runJob(
  db: Db,
  job: OutboxJob,
  handler: OutboxHandler,
  options: OutboxWorkerOptions,
  workerId: string,
) {
  const where = { jobId: job.id, kind: job.kind, aggregateId: job.aggregateId, attempts: job.attempts }
  try {
    await handler(job)
  } catch (error) {
    const { retry } = options.settings
    if (error instanceof PermanentJobError || job.attempts >= retry.maxAttempts) {
      await markJobFailed(db, job.id, workerId, messageOf(error))
      options.logger.error({ ...where, err: error }, `outbox job failed for good: ${messageOf(error)}`)
      return
    }
    const delayMs = backoffMs(job.attempts, retry)
    await scheduleRetry(db, job.id, workerId, delayMs, messageOf(error))
    options.logger.warn({ ...where, delayMs, err: error }, `outbox job will be retried: ${messageOf(error)}`)
    return
  }
  if (!(await markJobDone(db, job.id, workerId))) {
    // The lease ran out while the handler worked and another worker may have run it too.
    options.logger.warn(where, 'outbox job finished after its lease ended; raise OUTBOX_LEASE_SECONDS')
  }
}

/** One pass: claims and runs due jobs until none is left (or stopped). Returns how many ran. */
export async function drainOutbox(
  db: Db,
  options: OutboxWorkerOptions,
  workerId: string,
  isStopped: () => boolean = () => false,
): Promise<number> {
  const batch = options.batch ?? DEFAULT_BATCH
  let ran = 0
  while (!isStopped()) {
    const jobs = await claimDueJobs(db, {
      workerId,
      kinds: [...options.handlers.keys()],
      limit: batch,
      leaseMs: options.settings.leaseMs,
    })
    // One job per (kind, aggregate) per claim (queue.ts), so they may run side by side.
    await Promise.all(
      jobs.map((job) => runJob(db, job, options.handlers.get(job.kind) as OutboxHandler, options, workerId)),
    )
    ran += jobs.length
    // Not `< batch`: a claim takes one job per (kind, aggregate), the next may be due right after.
    if (jobs.length === 0) break
  }
  return ran
}

export interface OutboxWorker {
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>
}

export function startOutboxWorker(db: Db, options: OutboxWorkerOptions): OutboxWorker {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let prunedAt = 0

  const pass = async () => {
    try {
      await drainOutbox(db, options, workerId, () => stopped)
    } catch (error) {
      options.logger.error({ err: error }, 'outbox pass failed')
    }
    if (stopped || Date.now() - prunedAt < PRUNE_EVERY_MS) return
    prunedAt = Date.now()
    try {
      const deleted = await deleteDeliveredJobs(db, options.settings.retentionDays)
      if (deleted) options.logger.info({ deleted }, 'deleted delivered outbox jobs past retention')
    } catch (error) {
      options.logger.error({ err: error }, 'could not delete old outbox jobs')
    }
  }

  const schedule = () => {
    if (stopped) return
    // A timeout after each pass (not setInterval): passes never overlap, however slow.
    timer = setTimeout(() => {
      running = pass().then(schedule)
    }, options.settings.pollMs)
    // The worker alone must not keep the process alive.
    timer.unref()
  }
  schedule()

  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
