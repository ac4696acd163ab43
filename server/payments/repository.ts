/**
 * SQL for payments (migration 004): the one trade of each order and the notifies already acted
 * on. Refunds are in refund-repository.ts (migration 008). Order status itself only changes in
 * server/orders/state.ts.
 */
import type { OrderStatus } from '../../contract'
import type { Queryable } from '../db/types'

export type TradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED'
export const TRADE_STATUSES: readonly TradeStatus[] = [
  'WAIT_BUYER_PAY',
  'TRADE_SUCCESS',
  'TRADE_FINISHED',
  'TRADE_CLOSED',
]
/** The only statuses that mean the buyer paid (WAIT_BUYER_PAY and TRADE_CLOSED never do). */
export const isPaidStatus = (status: unknown): status is 'TRADE_SUCCESS' | 'TRADE_FINISHED' =>
  status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED'

export interface OrderForPayment {
  id: string
  userId: string
  status: OrderStatus
  totalFen: number
  expiresAt: Date
  /** e.g. "陶瓷马克杯 共3件": shown on Alipay's cashier and in the buyer's bill. */
  subject: string
}

export interface PaymentRecord {
  orderId: string
  tradeNo: string
  amountFen: number
  tradeStatus: TradeStatus
}

interface PaymentRow {
  order_id: string
  trade_no: string
  amount_fen: number
  trade_status: TradeStatus
}

const toPayment = (row: PaymentRow): PaymentRecord => ({
  orderId: row.order_id,
  tradeNo: row.trade_no,
  amountFen: row.amount_fen,
  tradeStatus: row.trade_status,
})

const PAYMENT_COLUMNS = 'order_id, trade_no, amount_fen, trade_status'

/** Alipay refuses `/`, `=` and `&` in a subject. */
const cleanSubject = (text: string) => text.replace(/[/=&]/g, ' ').slice(0, 120)

/** The order (anyone's: callers check ownership), `for update` inside a transaction when asked. */
export async function findOrderForPayment(
  db: Queryable,
  orderId: string,
  options: { lock?: boolean } = {},
): Promise<OrderForPayment | undefined> {
  const [row] = await db.query<{
    id: string
    user_id: string
    status: OrderStatus
    total_fen: number
    expires_at: Date
    item_count: number
    first_title: string | null
  }>(
    `select o.id, o.user_id, o.status, o.total_fen, o.expires_at, o.item_count,
            (select title_zh from order_lines l where l.order_id = o.id order by line_no limit 1) as first_title
       from orders o where o.id = $1 ${options.lock ? 'for update of o' : ''}`,
    [orderId],
  )
  if (!row) return undefined
  const title = row.first_title ?? '订单'
  return {
    id: row.id,
    userId: String(row.user_id),
    status: row.status,
    totalFen: row.total_fen,
    expiresAt: new Date(row.expires_at),
    subject: cleanSubject(row.item_count > 1 ? `${title} 共${row.item_count}件` : title),
  }
}

export async function findPayment(db: Queryable, orderId: string): Promise<PaymentRecord | undefined> {
  const [row] = await db.query<PaymentRow>(`select ${PAYMENT_COLUMNS} from payments where order_id = $1`, [
    orderId,
  ])
  return row && toPayment(row)
}

/**
 * Stores the order's trade unless one is stored already, and returns the stored one: Alipay
 * answers the same out_trade_no with the same trade_no, so concurrent creations agree anyway.
 */
export async function savePayment(
  tx: Queryable,
  payment: { orderId: string; tradeNo: string; amountFen: number },
): Promise<PaymentRecord> {
  await tx.query(
    `insert into payments (order_id, trade_no, amount_fen) values ($1, $2, $3)
     on conflict (order_id) do nothing`,
    [payment.orderId, payment.tradeNo, payment.amountFen],
  )
  const stored = await findPayment(tx, payment.orderId)
  if (!stored) throw new Error(`payment of order ${payment.orderId} vanished`)
  return stored
}

/** Records the trade's status; with `onlyFrom`, only if it still has that one. */
export async function setTradeStatus(
  db: Queryable,
  orderId: string,
  status: TradeStatus,
  onlyFrom?: TradeStatus,
): Promise<void> {
  await db.query(
    `update payments set trade_status = $2, updated_at = now()
      where order_id = $1 and ($3::text is null or trade_status = $3)`,
    [orderId, status, onlyFrom ?? null],
  )
}

/**
 * Records that a notify was acted on. False when its notify_id was recorded before: a replay,
 * which must change nothing.
 */
export async function recordNotify(
  tx: Queryable,
  notify: { notifyId: string; notifyType: string; subjectId: string; status: string },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into alipay_notifies (notify_id, notify_type, subject_id, status) values ($1, $2, $3, $4)
     on conflict (notify_id) do nothing returning notify_id`,
    [notify.notifyId, notify.notifyType, notify.subjectId, notify.status],
  )
  return rows.length === 1
}

export async function isNotifyRecorded(db: Queryable, notifyId: string): Promise<boolean> {
  return (await db.query('select 1 from alipay_notifies where notify_id = $1', [notifyId])).length === 1
}
