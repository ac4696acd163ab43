/**
 * The outbox table's statements (migration 014). `enqueueOutbox` is what the rest of the server
 * calls, inside the transaction of the change it reports; the worker (worker.ts) uses the rest.
 */
import type { Queryable } from '../db/types'

export interface NewOutboxJob {
  /** Which handler runs it, e.g. 'alipay.order.sync' (lower case, digits, '.', '_'). */
  kind: string
  /** What it is about (an order id): jobs of one kind and aggregate run strictly in order. */
  aggregateId: string
  /** Everything the handler needs, decided now: the job must not depend on later state. */
  payload: Record<string, unknown>
}

export interface OutboxJob extends NewOutboxJob {
  id: string
  /** Including the attempt now running: 1 on the first try. */
  attempts: number
  createdAt: Date
}

/**
 * Adds a job. Call it with the `tx` of the change it reports (db.transaction(tx => ...)): the job
 * exists exactly when the change was committed. Returns the job's id.
 */
export async function enqueueOutbox(tx: Queryable, job: NewOutboxJob): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `insert into outbox (kind, aggregate_id, payload) values ($1, $2, $3::jsonb) returning id::text`,
    [job.kind, job.aggregateId, JSON.stringify(job.payload)],
  )
  return rows[0].id
}

interface ClaimedRow {
  id: string
  kind: string
  aggregate_id: string
  payload: Record<string, unknown>
  attempts: number
  created_at: Date | string
}

/**
 * Claims up to `limit` due jobs of `kinds` for `workerId` for `leaseMs`, oldest first, and counts
 * the attempt. A job is due when it is pending, its next attempt has come, nobody holds a live
 * lease on it, and no earlier job of its kind and aggregate is still pending (so an order's states
 * go out in the order they happened, even while an earlier one waits for a retry).
 * FOR UPDATE SKIP LOCKED: instances claiming at the same moment take different jobs instead of
 * queueing behind each other; the lease keeps a claimed job away from them until it ends.
 */
export async function claimDueJobs(
  db: Queryable,
  options: { workerId: string; kinds: string[]; limit: number; leaseMs: number },
): Promise<OutboxJob[]> {
  if (options.kinds.length === 0) return []
  const rows = await db.query<ClaimedRow>(
    `update outbox set attempts = attempts + 1, claimed_by = $1,
            locked_until = now() + make_interval(secs => $4::double precision / 1000)
      where id in (
        select o.id from outbox o
         where o.status = 'pending' and o.next_attempt_at <= now()
           and (o.locked_until is null or o.locked_until < now())
           and o.kind = any($2::text[])
           and not exists (select 1 from outbox e
                            where e.kind = o.kind and e.aggregate_id = o.aggregate_id
                              and e.status = 'pending' and e.id < o.id)
         order by o.id
         limit $3
         for update skip locked)
        and status = 'pending'
      returning id::text, kind, aggregate_id, payload, attempts, created_at`,
    [options.workerId, options.kinds, options.limit, options.leaseMs],
  )
  return rows
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      attempts: row.attempts,
      createdAt: new Date(row.created_at),
    }))
    .sort((a, b) => Number(a.id) - Number(b.id))
}

/** pending → done, only while `workerId` still holds the job. */
export async function markJobDone(db: Queryable, jobId: string, workerId: string): Promise<boolean> {
  const rows = await db.query(
    `update outbox set status = 'done', done_at = now(), locked_until = null, claimed_by = null,
            last_error = null
      where id = $1 and status = 'pending' and claimed_by = $2 returning id`,
    [jobId, workerId],
  )
  return rows.length === 1
}

/** Stays pending, tried again after `delayMs`; the lease ends now. */
export async function scheduleRetry(
  db: Queryable,
  jobId: string,
  workerId: string,
  delayMs: number,
  error: string,
): Promise<boolean> {
  const rows = await db.query(
    `update outbox set next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
            locked_until = null, claimed_by = null, last_error = $4
      where id = $1 and status = 'pending' and claimed_by = $2 returning id`,
    [jobId, workerId, delayMs, error.slice(0, 2000)],
  )
  return rows.length === 1
}

/** pending → failed, keeping the error: later jobs of the aggregate go ahead without it. */
export async function markJobFailed(
  db: Queryable,
  jobId: string,
  workerId: string,
  error: string,
): Promise<boolean> {
  const rows = await db.query(
    `update outbox set status = 'failed', done_at = now(), locked_until = null, claimed_by = null,
            last_error = $3
      where id = $1 and status = 'pending' and claimed_by = $2 returning id`,
    [jobId, workerId, error.slice(0, 2000)],
  )
  return rows.length === 1
}

/** Deletes up to `limit` jobs delivered more than `retentionDays` ago; returns how many. */
export async function deleteDeliveredJobs(
  db: Queryable,
  retentionDays: number,
  limit = 1000,
): Promise<number> {
  const rows = await db.query(
    `delete from outbox where id in (
       select id from outbox where status = 'done' and done_at < now() - make_interval(days => $1::int)
        order by done_at limit $2)
     returning id`,
    [retentionDays, limit],
  )
  return rows.length
}

export interface OutboxRow {
  id: string
  kind: string
  aggregateId: string
  payload: Record<string, unknown>
  status: 'pending' | 'done' | 'failed'
  attempts: number
  lastError: string | null
}

/** An aggregate's jobs, oldest first (operators and tests). */
export async function outboxJobsOf(db: Queryable, aggregateId: string, kind?: string): Promise<OutboxRow[]> {
  const rows = await db.query<{
    id: string
    kind: string
    aggregate_id: string
    payload: Record<string, unknown>
    status: OutboxRow['status']
    attempts: number
    last_error: string | null
  }>(
    `select id::text, kind, aggregate_id, payload, status, attempts, last_error from outbox
      where aggregate_id = $1 and ($2::text is null or kind = $2) order by id`,
    [aggregateId, kind ?? null],
  )
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
  }))
}
