/**
 * SQL of after-sales requests (migration 010): reading requests with their lines, timeline and
 * refund, and the inserts a new request makes. Status changes are in transitions.ts. The rules
 * (one open request per line, no more units than bought, the allowed transitions) live in the
 * tables' triggers; the checks the service makes first only give clearer answers.
 */
import type {
  AfterSalesEventType,
  AfterSalesKind,
  AfterSalesReason,
  AfterSalesStatus,
  OrderStatus,
} from '../../contract'
import type { Queryable } from '../db/types'
import type { RefundStatus } from '../payments/refunds'

export interface RequestRow {
  id: string
  order_id: string
  user_id: string
  kind: AfterSalesKind
  status: AfterSalesStatus
  reason: AfterSalesReason
  note: string | null
  refund_fen: number
  reject_reason: string | null
  return_carrier: string | null
  return_tracking_no: string | null
  /** The name of the staff member who decided. */
  decided_by: string | null
  created_at: Date
  updated_at: Date
}

export interface LineRow {
  request_id: string
  line_no: number
  quantity: number
  sku_id: string
  title_zh: string
  title_en: string
  sku_label_zh: string
  sku_label_en: string
  image_file: string
  unit_price_fen: number
}

export type EventBy = 'buyer' | 'staff' | 'system'

export interface EventRow {
  request_id: string
  type: AfterSalesEventType
  by: EventBy
  note: string | null
  at: Date
}

export interface RefundRow {
  request_id: string
  amount_fen: number
  status: RefundStatus
  out_request_no: string
  refunded_at: Date | null
}

/** What may still be asked on one order line. */
export interface LineAllowance {
  line_no: number
  bought: number
  unit_price_fen: number
  /** Units in requests that are open or refunded. */
  claimed: number
  /** An open request holds the line. */
  open: boolean
}

const REQUEST_COLUMNS = `r.id::text, r.order_id, r.user_id::text, r.kind, r.status, r.reason, r.note,
  r.refund_fen, r.reject_reason, r.return_carrier, r.return_tracking_no, s.name as decided_by,
  r.created_at, r.updated_at`

const REQUEST_FROM = 'after_sales_requests r left join staff s on s.id = r.decided_by'

/**
 * The buyer's order (undefined when it is not theirs); with `lock`, locked until the transaction
 * ends, so its requests are made one at a time.
 */
export async function buyerOrder(
  db: Queryable,
  orderId: string,
  userId: string,
  { lock = false } = {},
): Promise<{ status: OrderStatus } | undefined> {
  const [row] = await db.query<{ status: OrderStatus }>(
    `select status from orders where id = $1 and user_id = $2${lock ? ' for update' : ''}`,
    [orderId, userId],
  )
  return row
}

export function lineAllowances(db: Queryable, orderId: string): Promise<LineAllowance[]> {
  return db.query<LineAllowance>(
    `select ol.line_no, ol.quantity as bought, ol.unit_price_fen,
            coalesce(sum(l.quantity) filter (where r.status not in ('rejected', 'cancelled')), 0)::int
              as claimed,
            coalesce(bool_or(l.request_open), false) as open
       from order_lines ol
       left join after_sales_lines l on l.order_id = ol.order_id and l.line_no = ol.line_no
       left join after_sales_requests r on r.id = l.request_id
      where ol.order_id = $1
      group by ol.line_no, ol.quantity, ol.unit_price_fen
      order by ol.line_no`,
    [orderId],
  )
}

export interface NewRequest {
  orderId: string
  userId: string
  kind: AfterSalesKind
  reason: AfterSalesReason
  note?: string
  refundFen: number
  lines: Array<{ lineNo: number; quantity: number }>
}

/** Inserts a request (status requested), its lines and its first event; returns its id. */
export async function insertRequest(tx: Queryable, request: NewRequest): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into after_sales_requests (order_id, user_id, kind, reason, note, refund_fen)
     values ($1, $2, $3, $4, $5, $6) returning id::text`,
    [request.orderId, request.userId, request.kind, request.reason, request.note ?? null, request.refundFen],
  )
  await tx.query(
    `insert into after_sales_lines (request_id, order_id, line_no, quantity)
     select $1, $2, line_no, quantity
       from unnest($3::int[], $4::int[]) as requested (line_no, quantity)`,
    [
      row.id,
      request.orderId,
      request.lines.map((line) => line.lineNo),
      request.lines.map((line) => line.quantity),
    ],
  )
  await addEvent(tx, row.id, 'requested', 'buyer')
  return row.id
}

export async function addEvent(
  tx: Queryable,
  requestId: string,
  type: AfterSalesEventType,
  by: EventBy,
  note?: string,
): Promise<void> {
  await tx.query('insert into after_sales_events (request_id, type, by, note) values ($1, $2, $3, $4)', [
    requestId,
    type,
    by,
    note ?? null,
  ])
}

/**
 * Puts the request's units back on their SKUs. The SKU rows are locked in id order first, as
 * order creation and closing lock them, so these cannot deadlock.
 */
export async function returnStock(tx: Queryable, requestId: string): Promise<void> {
  const returned = `select ol.sku_id, sum(l.quantity)::int as quantity
                      from after_sales_lines l
                      join order_lines ol on ol.order_id = l.order_id and ol.line_no = l.line_no
                     where l.request_id = $1 group by ol.sku_id`
  await tx.query(
    `select s.id from skus s where s.id in (select sku_id from (${returned}) r) order by s.id for update`,
    [requestId],
  )
  await tx.query(
    `update skus s set stock = s.stock + returned.quantity
       from (${returned}) returned where s.id = returned.sku_id`,
    [requestId],
  )
}

/** One request; with `userId`, only when it is that buyer's. */
export async function findRequestRow(
  db: Queryable,
  requestId: string,
  userId?: string,
): Promise<RequestRow | undefined> {
  const [row] = await db.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from ${REQUEST_FROM}
      where r.id = $1 and ($2::bigint is null or r.user_id = $2)`,
    [requestId, userId ?? null],
  )
  return row
}

/** An order's requests, newest first. */
export function requestRowsOfOrder(db: Queryable, orderId: string): Promise<RequestRow[]> {
  return db.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from ${REQUEST_FROM} where r.order_id = $1 order by r.id desc`,
    [orderId],
  )
}

export interface RequestFilter {
  /** Only this buyer's requests; everyone's when absent. */
  userId?: string
  status?: AfterSalesStatus
  page: number
  pageSize: number
}

/**
 * One page of requests, newest first, and the total matching, from one statement (one snapshot):
 * the total row comes back even for a page beyond the end.
 */
export async function requestPage(
  db: Queryable,
  filter: RequestFilter,
): Promise<{ rows: RequestRow[]; total: number }> {
  const where = `($1::bigint is null or r.user_id = $1) and ($2::text is null or r.status = $2)`
  const rows = await db.query<{ total: number } & (RequestRow | Record<keyof RequestRow, null>)>(
    `select counted.total, page.*
       from (select count(*)::int as total from after_sales_requests r where ${where}) counted
       left join lateral (
         select ${REQUEST_COLUMNS} from ${REQUEST_FROM} where ${where}
          order by r.created_at desc, r.id desc
          limit $3 offset $4
       ) page on true
      order by page.created_at desc, page.id desc`,
    [filter.userId ?? null, filter.status ?? null, filter.pageSize, (filter.page - 1) * filter.pageSize],
  )
  return {
    rows: rows.filter((row): row is { total: number } & RequestRow => row.id !== null),
    total: rows[0]?.total ?? 0,
  }
}

/** The lines, timelines and refunds of these requests. */
export async function detailsOf(
  db: Queryable,
  requestIds: string[],
): Promise<{ lines: LineRow[]; events: EventRow[]; refunds: RefundRow[] }> {
  if (requestIds.length === 0) return { lines: [], events: [], refunds: [] }
  const lines = await db.query<LineRow>(
    `select l.request_id::text, l.line_no, l.quantity, ol.sku_id, ol.title_zh, ol.title_en,
            ol.sku_label_zh, ol.sku_label_en, ol.image_file, ol.unit_price_fen
       from after_sales_lines l
       join order_lines ol on ol.order_id = l.order_id and ol.line_no = l.line_no
      where l.request_id = any($1::bigint[])
      order by l.request_id, l.line_no`,
    [requestIds],
  )
  const events = await db.query<EventRow>(
    `select request_id::text, type, by, note, at from after_sales_events
      where request_id = any($1::bigint[]) order by request_id, id`,
    [requestIds],
  )
  const refunds = await db.query<RefundRow>(
    `select after_sales_request_id::text as request_id, amount_fen, status, out_request_no, refunded_at
       from refunds where after_sales_request_id = any($1::bigint[])`,
    [requestIds],
  )
  return { lines, events, refunds }
}

/** What Alipay confirmed refunding on the order, in all. */
export async function refundedFen(db: Queryable, orderId: string): Promise<number> {
  const [row] = await db.query<{ fen: number }>(
    `select coalesce(sum(amount_fen), 0)::int as fen from refunds where order_id = $1 and status = 'refunded'`,
    [orderId],
  )
  return row.fen
}

export async function orderStatusOf(db: Queryable, orderId: string): Promise<OrderStatus | undefined> {
  const [row] = await db.query<{ status: OrderStatus }>('select status from orders where id = $1', [orderId])
  return row?.status
}

/**
 * The request's refund, locked until the transaction ends, so its status is the one a retry
 * acts on (a second staff member retrying at once waits, then sees it pending).
 */
export async function lockRefundOf(
  tx: Queryable,
  requestId: string,
): Promise<{ id: string; status: RefundStatus } | undefined> {
  const [row] = await tx.query<{ id: string; status: RefundStatus }>(
    'select id::text, status from refunds where after_sales_request_id = $1 for update',
    [requestId],
  )
  return row
}
