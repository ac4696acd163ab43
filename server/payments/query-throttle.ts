/**
 * Buyers' reads ask Alipay about an order's trade or a deposit's freeze at most once per
 * ALIPAY_QUERY_INTERVAL_MS, whichever instance serves them: the right to ask is a row in
 * alipay_queries (migration 012), won by one conditional statement, so a reader that loses it
 * shows the state already stored. While Alipay fails, the gap doubles up to
 * ALIPAY_QUERY_MAX_BACKOFF_MS, and an answer resets it.
 *
 * Only reads are throttled: the expiry sweeper, closing trades and the reconciler always ask. An
 * order's read may close it when its deadline has passed (orders/plugin.ts), so near and after the
 * deadline a read asks once more regardless of the interval (see claimQuery).
 */
import { AlipayBusinessError } from '../alipay/errors'
import { readWholeNumber, type Env } from '../config'
import type { Queryable } from '../db/types'

export const DEFAULT_ALIPAY_QUERY_INTERVAL_MS = 2000
export const DEFAULT_ALIPAY_QUERY_MAX_BACKOFF_MS = 60_000
/**
 * From this long before an order's deadline a read asks once more: the same read, or the next,
 * may close the order, and it must not do so on an answer a whole interval old.
 */
export const DEADLINE_MARGIN_MS = 1000
/** 2^20 × any interval is past every cap; stops the doubling growing without end. */
const MAX_DOUBLINGS = 20

export interface AlipayQuerySettings {
  /** ALIPAY_QUERY_INTERVAL_MS: the least time between two queries about one order or deposit. 0: no limit. */
  intervalMs: number
  /** ALIPAY_QUERY_MAX_BACKOFF_MS: the longest gap while Alipay keeps failing. */
  maxBackoffMs: number
}

export function readAlipayQuerySettings(env: Env): AlipayQuerySettings {
  const intervalMs = readWholeNumber(
    env,
    'ALIPAY_QUERY_INTERVAL_MS',
    DEFAULT_ALIPAY_QUERY_INTERVAL_MS,
    0,
    600_000,
  )
  const maxBackoffMs = readWholeNumber(
    env,
    'ALIPAY_QUERY_MAX_BACKOFF_MS',
    DEFAULT_ALIPAY_QUERY_MAX_BACKOFF_MS,
    0,
    3_600_000,
  )
  if (maxBackoffMs < intervalMs) {
    throw new Error(
      `ALIPAY_QUERY_MAX_BACKOFF_MS (${maxBackoffMs}) must be at least ALIPAY_QUERY_INTERVAL_MS (${intervalMs}): ` +
        `it caps the gap between queries while Alipay fails. Default: ALIPAY_QUERY_MAX_BACKOFF_MS=${DEFAULT_ALIPAY_QUERY_MAX_BACKOFF_MS}.`,
    )
  }
  return { intervalMs, maxBackoffMs }
}

export interface QuerySubject {
  kind: 'order' | 'deposit'
  /** The order id (out_trade_no) or the deposit id (out_order_no). */
  id: string
  /** An order's expires_at: see DEADLINE_MARGIN_MS. */
  deadline?: Date
}

/**
 * True when this caller won the right to ask Alipay now: nobody asked within the interval (or the
 * backoff), or the order's deadline is near or past and nobody asked since then. Concurrent
 * callers on any instance serialize on the row, and only the first wins.
 */
export async function claimQuery(
  db: Queryable,
  settings: AlipayQuerySettings,
  subject: QuerySubject,
): Promise<boolean> {
  const rows = await db.query(
    `insert into alipay_queries as q (kind, subject_id, queried_at, not_before)
     values ($1, $2, now(), now() + $3::double precision * interval '1 millisecond')
     on conflict (kind, subject_id) do update
       set queried_at = excluded.queried_at, not_before = excluded.not_before
       where q.not_before <= now()
          or (now() >= $4::timestamptz - $5::double precision * interval '1 millisecond'
              and q.queried_at < $4::timestamptz - $5::double precision * interval '1 millisecond')
          or (now() >= $4::timestamptz and q.queried_at < $4::timestamptz)
     returning subject_id`,
    [
      subject.kind,
      subject.id,
      settings.intervalMs,
      subject.deadline?.toISOString() ?? null,
      DEADLINE_MARGIN_MS,
    ],
  )
  return rows.length === 1
}

/** Alipay answered: the next query waits the plain interval again. */
async function recordAnswer(db: Queryable, subject: QuerySubject): Promise<void> {
  await db.query(
    `update alipay_queries set failures = 0 where kind = $1 and subject_id = $2 and failures > 0`,
    [subject.kind, subject.id],
  )
}

/** Alipay could not be asked: the next query waits interval × 2^failures, at most the cap. */
async function recordFailure(
  db: Queryable,
  settings: AlipayQuerySettings,
  subject: QuerySubject,
): Promise<void> {
  await db.query(
    `update alipay_queries
        set failures = least(failures + 1, $5),
            not_before = now() + least($4::double precision,
                                       $3::double precision * power(2, least(failures + 1, $5)))
                                 * interval '1 millisecond'
      where kind = $1 and subject_id = $2`,
    [subject.kind, subject.id, settings.intervalMs, settings.maxBackoffMs, MAX_DOUBLINGS],
  )
}

/**
 * Runs `ask` (one Alipay status query and what follows from its answer) if this caller wins the
 * right to (claimQuery); 'throttled' when another reader asked recently. Errors from `ask` are
 * rethrown after being counted: a business answer from Alipay (e.g. ACQ.TRADE_NOT_EXIST) is an
 * answer, anything else (unreachable, 20000, …) extends the backoff.
 */
export async function askThrottled(
  db: Queryable,
  settings: AlipayQuerySettings,
  subject: QuerySubject,
  ask: () => Promise<void>,
): Promise<'asked' | 'throttled'> {
  if (!(await claimQuery(db, settings, subject))) return 'throttled'
  try {
    await ask()
  } catch (error) {
    if (error instanceof AlipayBusinessError) await recordAnswer(db, subject)
    else await recordFailure(db, settings, subject)
    throw error
  }
  await recordAnswer(db, subject)
  return 'asked'
}
