/**
 * The sweeper's fulfilment steps (startExpirySweeper runs them after expiring unpaid orders):
 *  - shipped orders AUTO_RECEIVE_DAYS after shipping become received;
 *  - received orders AFTER_SALES_DAYS after receipt become completed;
 * both skipping orders with an open after-sales request (order_has_open_after_sales, migration 007).
 *
 * Each batch locks its candidates with SKIP LOCKED, so several instances split the work, and
 * transitions through fulfilment.ts, whose conditional UPDATE re-checks every order: a buyer
 * confirming receipt at the same moment, or another sweeper, wins or loses cleanly.
 */
import type { Db, Queryable } from '../db/types'
import { AFTER_SALES_ENDED, completeSettledOrders, RECEIPT_OVERDUE, receiveOverdueOrders } from './fulfilment'

export interface FulfilmentSweepOptions {
  /** AUTO_RECEIVE_DAYS (config.ts). */
  autoReceiveDays: number
  /** AFTER_SALES_DAYS (config.ts). */
  afterSalesDays: number
  /** Most orders moved per transaction. */
  limit?: number
}

const DEFAULT_BATCH = 100

/**
 * One batch of a sweep step: locks up to `limit` due orders (SKIP LOCKED, so instances share the
 * work) and moves them with the step's conditional UPDATE; returns the ids moved.
 */
function sweepBatch(
  db: Db,
  from: 'shipped' | 'received',
  due: string,
  orderBy: string,
  days: number,
  limit: number,
  move: (tx: Queryable, ids: string[], days: number) => Promise<string[]>,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const candidates = await tx.query<{ id: string }>(
      `select id from orders
        where status = '${from}' and ${due} and not order_has_open_after_sales(id)
        order by ${orderBy}, id
        limit $1
        for update skip locked`,
      [limit, days],
    )
    return move(
      tx,
      candidates.map((row) => row.id),
      days,
    )
  })
}

/** One batch of automatic receipts; returns the ids received. */
export const receiveOverdueBatch = (db: Db, options: FulfilmentSweepOptions): Promise<string[]> =>
  sweepBatch(
    db,
    'shipped',
    RECEIPT_OVERDUE,
    'shipped_at',
    options.autoReceiveDays,
    options.limit ?? DEFAULT_BATCH,
    receiveOverdueOrders,
  )

/** One batch of completions; returns the ids completed. */
export const completeSettledBatch = (db: Db, options: FulfilmentSweepOptions): Promise<string[]> =>
  sweepBatch(
    db,
    'received',
    AFTER_SALES_ENDED,
    'received_at',
    options.afterSalesDays,
    options.limit ?? DEFAULT_BATCH,
    completeSettledOrders,
  )

export interface FulfilmentSweepLogger {
  info(details: object, message: string): void
}

/**
 * Drains both steps in bounded batches until a batch comes back short (or `isStopped()`), receipts
 * first. Errors propagate to the caller (the sweeper logs them).
 */
export async function sweepFulfilment(
  db: Db,
  options: FulfilmentSweepOptions,
  logger: FulfilmentSweepLogger,
  isStopped: () => boolean = () => false,
): Promise<void> {
  const limit = options.limit ?? DEFAULT_BATCH
  const steps = [
    [receiveOverdueBatch, 'received overdue shipped orders'],
    [completeSettledBatch, 'completed orders past their after-sales window'],
  ] as const
  for (const [batch, message] of steps) {
    let moved: string[]
    do {
      moved = isStopped() ? [] : await batch(db, { ...options, limit })
      if (moved.length) logger.info({ orderIds: moved }, message)
    } while (moved.length === limit)
  }
}
