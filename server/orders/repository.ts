/**
 * Reading orders and the saved address. Rows hold both languages (order lines are snapshots);
 * the mapping to the contract's Order picks one, as the catalog does.
 */
import type { Address, Order, OrderCounts, OrderLine, OrderStatus } from '../../contract'
import type { Queryable } from '../db/types'
import type { Language } from '../http/language'
import type { ImageUrl } from '../http/public-urls'

/** An order as the orders table holds it. */
export interface OrderRow {
  id: string
  status: OrderStatus
  close_reason: 'expired' | 'cancelled' | null
  total_fen: number
  item_count: number
  address: Address
  created_at: Date
  expires_at: Date
  paid_at: Date | null
  closed_at: Date | null
  carrier: string | null
  tracking_no: string | null
  shipped_at: Date | null
  received_at: Date | null
  completed_at: Date | null
}

interface LineRow {
  order_id: string
  line_no: number
  sku_id: string
  product_id: string
  title_zh: string
  title_en: string
  sku_label_zh: string
  sku_label_en: string
  image_file: string
  unit_price_fen: number
  quantity: number
  line_total_fen: number
}

export interface OrderFilter {
  status?: OrderStatus
  page: number
  pageSize: number
}

const ORDER_COLUMNS = `o.id, o.status, o.close_reason, o.total_fen, o.item_count, o.address,
  o.created_at, o.expires_at, o.paid_at, o.closed_at, o.carrier, o.tracking_no, o.shipped_at,
  o.received_at, o.completed_at`

/** A timestamp from the database as the API writes it (ISO 8601, UTC). */
export const iso = (value: Date | string) => new Date(value).toISOString()

function toLine(row: LineRow, lang: Language, imageUrl: ImageUrl): OrderLine {
  const en = lang === 'en'
  return {
    lineNo: row.line_no,
    skuId: row.sku_id,
    productId: row.product_id,
    title: en ? row.title_en : row.title_zh,
    skuLabel: en ? row.sku_label_en : row.sku_label_zh,
    image: imageUrl(row.image_file),
    unitPrice: row.unit_price_fen,
    quantity: row.quantity,
    lineTotal: row.line_total_fen,
  }
}

function toOrder(row: OrderRow, lines: LineRow[], lang: Language, imageUrl: ImageUrl): Order {
  return {
    id: row.id,
    status: row.status,
    ...(row.close_reason ? { closeReason: row.close_reason } : {}),
    lines: lines.map((line) => toLine(line, lang, imageUrl)),
    itemCount: row.item_count,
    total: row.total_fen,
    address: row.address,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    ...(row.paid_at ? { paidAt: iso(row.paid_at) } : {}),
    ...(row.closed_at ? { closedAt: iso(row.closed_at) } : {}),
    ...(row.shipped_at && row.carrier && row.tracking_no
      ? { shipment: { carrier: row.carrier, trackingNo: row.tracking_no, shippedAt: iso(row.shipped_at) } }
      : {}),
    ...(row.received_at ? { receivedAt: iso(row.received_at) } : {}),
    ...(row.completed_at ? { completedAt: iso(row.completed_at) } : {}),
  }
}

async function withLines(
  db: Queryable,
  rows: OrderRow[],
  lang: Language,
  imageUrl: ImageUrl,
): Promise<Order[]> {
  if (rows.length === 0) return []
  const lines = await db.query<LineRow>(
    `select order_id, line_no, sku_id, product_id, title_zh, title_en, sku_label_zh, sku_label_en, image_file,
            unit_price_fen, quantity, line_total_fen
       from order_lines where order_id = any($1::text[])
      order by order_id, line_no`,
    [rows.map((row) => row.id)],
  )
  return rows.map((row) =>
    toOrder(
      row,
      lines.filter((line) => line.order_id === row.id),
      lang,
      imageUrl,
    ),
  )
}

/** The buyer's order, or undefined, also when it exists but belongs to someone else. */
export async function findOrder(
  db: Queryable,
  userId: string,
  orderId: string,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<Order | undefined> {
  const rows = await db.query<OrderRow>(
    `select ${ORDER_COLUMNS} from orders o where o.id = $1 and o.user_id = $2`,
    [orderId, userId],
  )
  const [order] = await withLines(db, rows, lang, imageUrl)
  return order
}

/**
 * One page of the buyer's orders, newest first, and the total matching, from one statement (one
 * snapshot, as in the catalog): the total row comes back even for a page beyond the end.
 */
export async function listOrders(
  db: Queryable,
  userId: string,
  filter: OrderFilter,
  lang: Language,
  imageUrl: ImageUrl,
): Promise<{ items: Order[]; total: number }> {
  const where = `o.user_id = $1 and ($2::text is null or o.status = $2)`
  const rows = await db.query<{ total: number } & (OrderRow | Record<keyof OrderRow, null>)>(
    `select counted.total, page.*
       from (select count(*)::int as total from orders o where ${where}) counted
       left join lateral (
         select ${ORDER_COLUMNS} from orders o where ${where}
          order by o.created_at desc, o.id desc
          limit $3 offset $4
       ) page on true
      order by page.created_at desc, page.id desc`,
    [userId, filter.status ?? null, filter.pageSize, (filter.page - 1) * filter.pageSize],
  )
  const orderRows = rows.filter((row): row is { total: number } & OrderRow => row.id !== null)
  return { items: await withLines(db, orderRows, lang, imageUrl), total: rows[0]?.total ?? 0 }
}

/** After-sales states in which a request is still open (migration 010). */
export const OPEN_AFTER_SALES = `'requested', 'awaiting_return', 'returning', 'refunding'`

/** The buyer's orders per status the "me" tab counts, and open after-sales requests: one query. */
export async function countOrders(db: Queryable, userId: string): Promise<OrderCounts> {
  const rows = await db.query<{ key: keyof OrderCounts; count: number }>(
    `select o.status as key, count(*)::int as count from orders o
      where o.user_id = $1 and o.status in ('awaiting_payment', 'paid', 'shipped')
      group by o.status
     union all
     select 'after_sales', count(*)::int from after_sales_requests r
      where r.user_id = $1 and r.status in (${OPEN_AFTER_SALES})`,
    [userId],
  )
  const counts: OrderCounts = { awaiting_payment: 0, paid: 0, shipped: 0, after_sales: 0 }
  for (const row of rows) counts[row.key] = row.count
  return counts
}

/** Any buyer's order's status, or undefined when there is no such order. */
export async function findOrderStatus(db: Queryable, orderId: string): Promise<OrderStatus | undefined> {
  const [row] = await db.query<{ status: OrderStatus }>('select status from orders where id = $1', [orderId])
  return row?.status
}

export async function findAddress(db: Queryable, userId: string): Promise<Address | undefined> {
  const [row] = await db.query<Address>(
    'select name, phone, region, detail from addresses where user_id = $1',
    [userId],
  )
  return row
}

export async function saveAddress(db: Queryable, userId: string, address: Address): Promise<Address> {
  const [row] = await db.query<Address>(
    `insert into addresses (user_id, name, phone, region, detail) values ($1, $2, $3, $4, $5)
     on conflict (user_id) do update
       set name = excluded.name, phone = excluded.phone, region = excluded.region,
           detail = excluded.detail, updated_at = now()
     returning name, phone, region, detail`,
    [userId, address.name, address.phone, address.region, address.detail],
  )
  return row
}
