/**
 * Orders as staff read them: every buyer's, each with who bought it (OrderBuyer: the shop's account
 * number and the last 4 characters of the Alipay id, never the whole id) and who shipped it.
 * The order itself is read by the orders domain (server/orders/repository.ts), so both sides
 * show the same order.
 */
import type { MerchantOrder, MerchantOrderSummary, OrderStatus, ShipmentInput } from '../../contract'
import type { Queryable } from '../db/types'
import type { Language } from '../http/language'
import type { ImageUrl } from '../http/public-urls'
import { findOrder, iso, type OrderFilter, type OrderRow } from '../orders/repository'

/** How many characters of the buyer's Alipay id staff see. */
const ALIPAY_ID_TAIL_LENGTH = 4

/** SQL: the buyer columns of `orders o join users u`. */
const BUYER_COLUMNS = `o.user_id::text as buyer_id,
  right(coalesce(u.alipay_user_id, u.alipay_open_id), ${ALIPAY_ID_TAIL_LENGTH}) as alipay_id_tail`

interface BuyerColumns {
  buyer_id: string
  alipay_id_tail: string
}

/** The columns a console's order list needs, with the buyer's. */
type SummaryRow = BuyerColumns & Omit<OrderRow, 'expires_at' | 'carrier' | 'tracking_no'>

const optionalTime = <K extends string>(key: K, value: Date | null) =>
  (value ? { [key]: iso(value) } : {}) as Partial<Record<K, string>>

const buyerOf = (row: BuyerColumns) => ({ id: row.buyer_id, alipayIdTail: row.alipay_id_tail })

function toSummary(row: SummaryRow): MerchantOrderSummary {
  return {
    id: row.id,
    status: row.status,
    ...(row.close_reason ? { closeReason: row.close_reason } : {}),
    total: row.total_fen,
    itemCount: row.item_count,
    buyer: buyerOf(row),
    address: row.address,
    createdAt: iso(row.created_at),
    ...optionalTime('paidAt', row.paid_at),
    ...optionalTime('shippedAt', row.shipped_at),
    ...optionalTime('receivedAt', row.received_at),
    ...optionalTime('completedAt', row.completed_at),
    ...optionalTime('closedAt', row.closed_at),
  }
}

export interface AllOrdersFilter extends OrderFilter {
  /** Placed on or after this day (YYYY-MM-DD, a real date) in `timeZone`. */
  from?: string
  /** Placed on or before this day in `timeZone`. */
  to?: string
  /** The IANA zone the days are cut in (config.shopTimeZone). */
  timeZone: string
  /** An order number, an Alipay trade_no or an address phone, matched exactly. */
  q?: string
}

/** SQL conditions on `orders o` for the filter's fields that are set, and their parameters. */
function allOrdersWhere(filter: AllOrdersFilter, params: unknown[]): string {
  const param = (value: unknown) => `$${params.push(value)}`
  const conditions = ['true']
  if (filter.status) conditions.push(`o.status = ${param(filter.status)}`)
  // A day starts at its midnight in the shop's zone (daylight saving included, where there is any).
  const dayStart = (day: string) => `(${day})::timestamp at time zone ${param(filter.timeZone)}`
  if (filter.from) conditions.push(`o.created_at >= ${dayStart(`${param(filter.from)}::date`)}`)
  if (filter.to) conditions.push(`o.created_at < ${dayStart(`${param(filter.to)}::date + 1`)}`)
  if (filter.q) {
    // Each key through its own index (the primary key, payments' trade_no, 017's phone index).
    const q = param(filter.q)
    conditions.push(`o.id = any(array(
      select ${q}::text
      union all select p.order_id from payments p where p.trade_no = ${q}
      union all select x.id from orders x where x.address->>'phone' = ${q}))`)
  }
  return conditions.join(' and ')
}

/**
 * One page of every buyer's orders, newest first, filtered, and the total matching, from one
 * statement (one snapshot): the total row comes back even for a page beyond the end.
 */
export async function listAllOrders(
  db: Queryable,
  filter: AllOrdersFilter,
): Promise<{ items: MerchantOrderSummary[]; total: number }> {
  const params: unknown[] = [filter.pageSize, (filter.page - 1) * filter.pageSize]
  const where = allOrdersWhere(filter, params)
  const rows = await db.query<{ total: number } & (SummaryRow | Record<keyof SummaryRow, null>)>(
    `select counted.total, page.*
       from (select count(*)::int as total from orders o where ${where}) counted
       left join lateral (
         select o.id, o.status, o.close_reason, o.total_fen, o.item_count, o.address, o.created_at,
                o.paid_at, o.shipped_at, o.received_at, o.completed_at, o.closed_at, ${BUYER_COLUMNS}
           from orders o join users u on u.id = o.user_id
          where ${where}
          order by o.created_at desc, o.id desc
          limit $1 offset $2
       ) page on true
      order by page.created_at desc, page.id desc`,
    params,
  )
  const items = rows.filter((row): row is { total: number } & SummaryRow => row.id !== null).map(toSummary)
  return { items, total: rows[0]?.total ?? 0 }
}

/** Any buyer's order with its lines, buyer and shipper, or undefined when there is none. */
export async function findAnyOrder(
  db: Queryable,
  orderId: string,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<MerchantOrder | undefined> {
  const [row] = await db.query<BuyerColumns & { shipped_by: string | null }>(
    `select ${BUYER_COLUMNS}, s.name as shipped_by
       from orders o join users u on u.id = o.user_id left join staff s on s.id = o.shipped_by
      where o.id = $1`,
    [orderId],
  )
  if (!row) return undefined
  const order = await findOrder(db, row.buyer_id, orderId, lang, imageUrl)
  return order && { ...order, buyer: buyerOf(row), ...(row.shipped_by ? { shippedBy: row.shipped_by } : {}) }
}

export interface ShipmentState {
  status: OrderStatus
  /** Carrier and tracking number, once shipped. */
  shipment?: ShipmentInput
  /** An after-sales request is open on it. */
  afterSalesOpen: boolean
  /** Its payment was refunded in full. */
  refundedInFull: boolean
}

/** What decides whether an order can be shipped, or undefined when there is no such order. */
export async function findShipmentState(db: Queryable, orderId: string): Promise<ShipmentState | undefined> {
  const [row] = await db.query<{
    status: OrderStatus
    carrier: string | null
    tracking_no: string | null
    after_sales_open: boolean
    refunded_in_full: boolean
  }>(
    `select status, carrier, tracking_no, order_has_open_after_sales(id) as after_sales_open,
            coalesce(refundable_fen(id) = 0, false) as refunded_in_full
       from orders where id = $1`,
    [orderId],
  )
  if (!row) return undefined
  const { status, carrier, tracking_no: trackingNo } = row
  const state = { status, afterSalesOpen: row.after_sales_open, refundedInFull: row.refunded_in_full }
  return carrier && trackingNo ? { ...state, shipment: { carrier, trackingNo } } : state
}
