/**
 * Closing unpaid orders once they pass expires_at, which returns their stock. Two paths:
 *  - the sweeper (startExpirySweeper, which buildApp runs when given expirySweepMs) closes
 *    everyone's, in batches, and deletes idempotency keys past their retention, expired sessions
 *    and stale web-view tickets;
 *  - reads close the buyer's own expired orders first (closeExpiredOrdersOfBuyer), so nobody sees
 *    a stale "awaiting payment" between sweeps.
 * Both transition through state.ts, whose conditional UPDATE closes an order (and returns its
 * stock) exactly once, however many sweepers and readers race. Given `fulfilment`, the sweeper then
 * also receives and completes paid orders that are due (fulfilment-sweep.ts).
 *
 * Payments plug in twice: `beforeExpiring` runs first with the expired candidates, so a payment
 * Alipay took just before the deadline (its notify still in flight) makes the order paid instead
 * of expired; `onClosed` runs after the commit with the ids this call closed, to close their
 * Alipay trades (alipay.trade.close). Errors of both are logged, never thrown.
 */
import type { Db } from '../db/types'
import { sweepFulfilment, type FulfilmentSweepOptions } from './fulfilment-sweep'
import { deleteExpiredIdempotencyKeys, IDEMPOTENCY_KEY_DELETE_BATCH } from './idempotency'
import { closeOrders, type OrdersClosedListener } from './state'
import { sweepExpiredCredentials } from '../session/sweep'

export interface ExpiryLogger {
  info(details: object, message: string): void
  error(details: object, message: string): void
}

/** Settles whatever can be known about these orders' payments; must not throw. */
export type OrdersExpiringListener = (orderIds: string[]) => Promise<void>

export interface CloseExpiredOptions {
  /** Most orders closed per transaction. */
  limit?: number
  beforeExpiring?: OrdersExpiringListener
  onClosed?: OrdersClosedListener
  logger?: ExpiryLogger
}

const DEFAULT_BATCH = 100

async function settleBeforeExpiring(orderIds: string[], options: CloseExpiredOptions): Promise<void> {
  if (orderIds.length === 0 || !options.beforeExpiring) return
  try {
    await options.beforeExpiring(orderIds)
  } catch (error) {
    options.logger?.error({ err: error, orderIds }, 'beforeExpiring failed; expiring the orders anyway')
  }
}

async function notifyClosed(orderIds: string[], options: CloseExpiredOptions): Promise<void> {
  if (orderIds.length === 0 || !options.onClosed) return
  try {
    await options.onClosed(orderIds, 'expired')
  } catch (error) {
    options.logger?.error({ err: error, orderIds }, 'onClosed failed for expired orders')
  }
}

/**
 * One batch: closes up to `limit` expired orders and returns their ids. Candidates are locked
 * with SKIP LOCKED, so several server instances on one PostgreSQL split the work instead of
 * queueing behind each other; state.ts re-checks each order anyway.
 */
export async function closeExpiredOrders(db: Db, options: CloseExpiredOptions = {}): Promise<string[]> {
  const limit = options.limit ?? DEFAULT_BATCH
  // With beforeExpiring, only the orders it was asked about may close: one that expired in the
  // meantime waits for the next sweep rather than being closed unasked.
  let asked: string[] | null = null
  if (options.beforeExpiring) {
    const expired = await db.query<{ id: string }>(
      `select id from orders where status = 'awaiting_payment' and expires_at <= now()
        order by expires_at, id limit $1`,
      [limit],
    )
    asked = expired.map((row) => row.id)
    if (asked.length === 0) return []
    await settleBeforeExpiring(asked, options)
  }
  const closed = await db.transaction(async (tx) => {
    // Orders paid by settleBeforeExpiring are no longer candidates.
    const candidates = await tx.query<{ id: string }>(
      `select id from orders
        where status = 'awaiting_payment' and expires_at <= now() and ($2::text[] is null or id = any($2))
        order by expires_at, id
        limit $1
        for update skip locked`,
      [limit, asked],
    )
    return closeOrders(
      tx,
      candidates.map((row) => row.id),
      'expired',
    )
  })
  await notifyClosed(closed, options)
  return closed
}

/**
 * Closes the buyer's expired orders (only `orderId` when given) before they are shown. Unlike the
 * sweeper it WAITS for rows another transaction holds, then sees them closed: a read must never
 * show an expired order as awaiting payment. Costs one indexed query when nothing has expired.
 */
export async function closeExpiredOrdersOfBuyer(
  db: Db,
  userId: string,
  orderId?: string,
  options: CloseExpiredOptions = {},
): Promise<string[]> {
  const where = `user_id = $1 and status = 'awaiting_payment' and expires_at <= now()
    and ($2::text is null or id = $2)`
  const params = [userId, orderId ?? null]
  const expired = (await db.query<{ id: string }>(`select id from orders where ${where}`, params)).map(
    (row) => row.id,
  )
  if (expired.length === 0) return []
  await settleBeforeExpiring(expired, options)
  const closed = await db.transaction(async (tx) => {
    // Locked in id order, so two reads of the same buyer cannot deadlock.
    // Only the orders beforeExpiring was asked about (see closeExpiredOrders).
    const candidates = await tx.query<{ id: string }>(
      `select id from orders where ${where} and id = any($3) order by id for update`,
      [...params, expired],
    )
    return closeOrders(
      tx,
      candidates.map((row) => row.id),
      'expired',
    )
  })
  await notifyClosed(closed, options)
  return closed
}

export interface ExpirySweeperOptions extends CloseExpiredOptions {
  intervalMs: number
  logger: ExpiryLogger
  /** Runs after each sweep (payments: repair what a failed Alipay call left half done). */
  afterSweep?: () => Promise<void>
  /** Also receive and complete orders that are due (AUTO_RECEIVE_DAYS, AFTER_SALES_DAYS). */
  fulfilment?: Omit<FulfilmentSweepOptions, 'limit'>
}

/**
 * Runs closeExpiredOrders every `intervalMs` (draining full batches at once), then the fulfilment
 * steps when configured, then deletes idempotency keys past their retention (idempotency.ts) and
 * expired sessions and web-view tickets (session/sweep.ts),
 * until the returned stop function is called; stop() resolves once a sweep in progress has
 * finished, so the database can be closed right after. A failed sweep is logged and retried at the next tick.
 */
export function startExpirySweeper(db: Db, options: ExpirySweeperOptions): () => Promise<void> {
  const limit = options.limit ?? DEFAULT_BATCH
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const sweep = async () => {
    try {
      let closed: string[]
      do {
        closed = await closeExpiredOrders(db, { ...options, limit })
        if (closed.length) options.logger.info({ orderIds: closed }, 'closed expired orders')
      } while (closed.length === limit && !stopped)
    } catch (error) {
      options.logger.error({ err: error }, 'expiry sweep failed')
    }
    const { fulfilment } = options
    if (fulfilment) {
      await sweepFulfilment(db, { ...fulfilment, limit }, options.logger, () => stopped).catch(
        (error: unknown) => options.logger.error({ err: error }, 'fulfilment sweep failed'),
      )
    }
    try {
      let deleted: number
      do {
        deleted = stopped ? 0 : await deleteExpiredIdempotencyKeys(db)
        if (deleted) options.logger.info({ deleted }, 'deleted idempotency keys past retention')
      } while (deleted === IDEMPOTENCY_KEY_DELETE_BATCH)
    } catch (error) {
      options.logger.error({ err: error }, 'could not delete old idempotency keys')
    }
    await sweepExpiredCredentials(db, options.logger, () => stopped).catch((error: unknown) =>
      options.logger.error({ err: error }, 'could not delete expired sessions and tickets'),
    )
    if (!stopped)
      await options.afterSweep?.().catch((error: unknown) => {
        options.logger.error({ err: error }, 'afterSweep failed')
      })
  }

  const schedule = () => {
    if (stopped) return
    // A timeout after each sweep (not setInterval): sweeps never overlap, however slow.
    timer = setTimeout(() => {
      running = sweep().then(schedule)
    }, options.intervalMs)
    // The sweeper alone must not keep the process alive.
    timer.unref()
  }

  schedule()
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
