/**
 * SQL for refunds (migration 008): one row per refund of an order's trade. The rules live in the
 * table's trigger, for every statement: refunds not failed never add up to more than was paid
 * (refundable_fen), a refund's order, out_request_no and amount never change, and its status
 * only moves pending → refunded | failed or failed → pending. Every status change here is also a
 * conditional UPDATE, so whoever loses a race changes nothing and is told so.
 */
import type { Queryable } from '../db/types'
import { recordOrderChange } from '../order-center/record'

export type RefundKind = 'closed_order' | 'after_sales'
export type RefundStatus = 'pending' | 'refunded' | 'failed'

export interface Refund {
  id: string
  orderId: string
  /** Alipay's out_request_no: the same on every resend, so Alipay refunds it once. */
  outRequestNo: string
  amountFen: number
  kind: RefundKind
  afterSalesRequestId: string | null
  reason: string
  status: RefundStatus
  attempts: number
  lastError: string | null
  createdAt: Date
  refundedAt: Date | null
}

interface RefundRow {
  id: string
  order_id: string
  out_request_no: string
  amount_fen: number
  kind: RefundKind
  after_sales_request_id: string | null
  reason: string
  status: RefundStatus
  attempts: number
  last_error: string | null
  created_at: Date
  refunded_at: Date | null
}

const REFUND_COLUMNS = `id::text, order_id, out_request_no, amount_fen, kind, after_sales_request_id::text, reason,
  status, attempts, last_error, created_at, refunded_at`

const toRefund = (row: RefundRow): Refund => ({
  id: row.id,
  orderId: row.order_id,
  outRequestNo: row.out_request_no,
  amountFen: row.amount_fen,
  kind: row.kind,
  afterSalesRequestId: row.after_sales_request_id,
  reason: row.reason,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: new Date(row.created_at),
  refundedAt: row.refunded_at === null ? null : new Date(row.refunded_at),
})

export interface NewRefund {
  orderId: string
  outRequestNo: string
  amountFen: number
  kind: RefundKind
  afterSalesRequestId?: string
  reason: string
}

/** The trigger's refusal of a refund beyond what was paid (migration 008). */
const OVER_PAID_CONSTRAINT = 'refunds_within_paid_amount'

export const isOverPaidError = (error: unknown): boolean =>
  (error as { constraint?: unknown } | null)?.constraint === OVER_PAID_CONSTRAINT

/**
 * Runs `statement` under a savepoint, so a refusal by the trigger leaves the caller's transaction
 * usable (PostgreSQL aborts a transaction at its first error).
 */
async function underSavepoint<T>(tx: Queryable, statement: () => Promise<T>): Promise<T> {
  await tx.query('savepoint refund_statement')
  try {
    const result = await statement()
    await tx.query('release savepoint refund_statement')
    return result
  } catch (error) {
    await tx.query('rollback to savepoint refund_statement')
    throw error
  }
}

/**
 * Inserts a pending refund; when its out_request_no exists already, inserts nothing and returns
 * the existing row. Throws what the trigger raised (see isOverPaidError).
 */
export async function insertRefund(tx: Queryable, refund: NewRefund): Promise<Refund> {
  const [inserted] = await underSavepoint(tx, () =>
    tx.query<RefundRow>(
      `insert into refunds (order_id, out_request_no, amount_fen, kind, after_sales_request_id, reason)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (out_request_no) do nothing returning ${REFUND_COLUMNS}`,
      [
        refund.orderId,
        refund.outRequestNo,
        refund.amountFen,
        refund.kind,
        refund.afterSalesRequestId ?? null,
        refund.reason,
      ],
    ),
  )
  if (inserted) return toRefund(inserted)
  const existing = await findRefundByRequestNo(tx, refund.outRequestNo)
  if (!existing) throw new Error(`refund ${refund.outRequestNo} vanished`)
  return existing
}

/** failed → pending, so the same out_request_no is sent again; undefined when it was not failed. */
export async function reopenFailedRefund(tx: Queryable, refundId: string): Promise<Refund | undefined> {
  const [row] = await underSavepoint(tx, () =>
    tx.query<RefundRow>(
      `update refunds set status = 'pending', updated_at = now()
        where id = $1 and status = 'failed' returning ${REFUND_COLUMNS}`,
      [refundId],
    ),
  )
  return row && toRefund(row)
}

/**
 * failed → pending for refunds of closed orders whose last attempt is older than `backoffMs`: that
 * money is owed in full, so a refusal (e.g. ACQ.SELLER_BALANCE_NOT_ENOUGH until the merchant tops
 * up) is tried again without waiting for Alipay to redeliver the payment's notify. Oldest first.
 */
export async function reopenFailedClosedOrderRefunds(
  db: Queryable,
  backoffMs: number,
  limit: number,
): Promise<number> {
  const rows = await db.query(
    `update refunds set status = 'pending', updated_at = now()
      where id in (select id from refunds
                    where status = 'failed' and kind = 'closed_order'
                      and updated_at <= now() - $1 * interval '1 millisecond'
                    order by updated_at limit $2)
        and status = 'failed'
      returning id`,
    [backoffMs, limit],
  )
  return rows.length
}

export async function findRefundByRequestNo(
  db: Queryable,
  outRequestNo: string,
): Promise<Refund | undefined> {
  const [row] = await db.query<RefundRow>(`select ${REFUND_COLUMNS} from refunds where out_request_no = $1`, [
    outRequestNo,
  ])
  return row && toRefund(row)
}

export async function findRefund(db: Queryable, refundId: string): Promise<Refund | undefined> {
  const [row] = await db.query<RefundRow>(`select ${REFUND_COLUMNS} from refunds where id = $1`, [refundId])
  return row && toRefund(row)
}

/** An order's refunds, oldest first. */
export async function listRefunds(db: Queryable, orderId: string): Promise<Refund[]> {
  const rows = await db.query<RefundRow>(
    `select ${REFUND_COLUMNS} from refunds where order_id = $1 order by id`,
    [orderId],
  )
  return rows.map(toRefund)
}

/** What can still be refunded on the order's trade; undefined when it has no payment. */
export async function refundableFen(db: Queryable, orderId: string): Promise<number | undefined> {
  const [row] = await db.query<{ fen: number | null }>('select refundable_fen($1) as fen', [orderId])
  return row?.fen ?? undefined
}

/**
 * Pending refunds whose last attempt is older than `graceMs`, oldest attempt first (a refund
 * that keeps failing goes to the back each time it is tried).
 */
export async function pendingRefundsToFinish(
  db: Queryable,
  graceMs: number,
  limit: number,
): Promise<Refund[]> {
  const rows = await db.query<RefundRow>(
    `select ${REFUND_COLUMNS} from refunds
      where status = 'pending' and updated_at <= now() - $1 * interval '1 millisecond'
      order by updated_at limit $2`,
    [graceMs, limit],
  )
  return rows.map(toRefund)
}

/** Before a call to Alipay: counts the attempt; false when the refund is no longer pending. */
export async function recordRefundAttempt(db: Queryable, refundId: string): Promise<boolean> {
  const rows = await db.query(
    `update refunds set attempts = attempts + 1, updated_at = now()
      where id = $1 and status = 'pending' returning id`,
    [refundId],
  )
  return rows.length === 1
}

/** Still pending (in doubt): notes why, and moves it to the back of the reconciler's queue. */
export async function noteRefundInDoubt(db: Queryable, refundId: string, error: string): Promise<void> {
  await db.query(
    `update refunds set last_error = $2, updated_at = now() where id = $1 and status = 'pending'`,
    [refundId, error.slice(0, 1000)],
  )
}

export async function markRefundFailed(db: Queryable, refundId: string, error: string): Promise<boolean> {
  const rows = await db.query(
    `update refunds set status = 'failed', last_error = $2, updated_at = now()
      where id = $1 and status = 'pending' returning id`,
    [refundId, error.slice(0, 1000)],
  )
  return rows.length === 1
}

/**
 * pending → refunded. Once the order's confirmed refunds reach what was paid, its trade is
 * TRADE_CLOSED at Alipay (a full refund closes the trade, a partial one leaves it TRADE_SUCCESS:
 * AlipayDocs/open-docs support/支付宝小程序/常见问题/小程序支付常见问题.md), and the payment says so.
 * The order itself is left as it is. False when the refund was not pending (a racer confirmed it).
 */
export async function markRefundConfirmed(
  tx: Queryable,
  refund: Pick<Refund, 'id' | 'orderId'>,
): Promise<boolean> {
  // The order first, as every order change locks it first: refunds of one order confirmed side by
  // side queue here, so the last one sees the others and reports the order REFUNDED.
  await tx.query('select 1 from orders where id = $1 for update', [refund.orderId])
  const rows = await tx.query(
    `update refunds set status = 'refunded', refunded_at = now(), last_error = null, updated_at = now()
      where id = $1 and status = 'pending' returning id`,
    [refund.id],
  )
  await tx.query(
    `update payments p set trade_status = 'TRADE_CLOSED', updated_at = now()
      where p.order_id = $1 and p.trade_status <> 'TRADE_CLOSED'
        and p.amount_fen = (select coalesce(sum(r.amount_fen), 0) from refunds r
                             where r.order_id = p.order_id and r.status = 'refunded')`,
    [refund.orderId],
  )
  // A full refund is a state of the order in Alipay's order center (order-center/record.ts).
  if (rows.length === 1) await recordOrderChange(tx, refund.orderId)
  return rows.length === 1
}
