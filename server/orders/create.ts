/**
 * Creating an order, all in ONE transaction: claim the idempotency key, lock and price the SKUs
 * from our own catalog, reserve their stock, write the order and its lines. Any failure rolls
 * back everything, so there is never an order without its stock, nor stock taken without an order.
 */
import { QUANTITY_PER_LINE_MAX, type Address, type CreateOrderRequest } from '../../contract'
import type { Db, Queryable } from '../db/types'
import { HttpError } from '../http/errors'
import type { BuyerCaps } from '../limits/config'
import { recordOrderChange } from '../order-center/record'
import { enforceBuyerCaps } from './caps'
import { attachOrderToKey, claimIdempotencyKey, requestHash, type NormalisedLine } from './idempotency'
import { newOrderNumber } from './order-number'

// total_fen and line_total_fen are PostgreSQL integers.
const MAX_TOTAL_FEN = 2_147_483_647
const ORDER_NUMBER_ATTEMPTS = 5

export interface NewOrder {
  userId: string
  idempotencyKey: string
  request: CreateOrderRequest
  ttlMinutes: number
  /** Caps on what the buyer's unpaid orders may hold (caps.ts); the HTTP route always passes them. */
  caps?: BuyerCaps
}

export interface CreatedOrder {
  orderId: string
  /** True when an earlier request with the same key already created this order. */
  replayed: boolean
}

type LocalizedOption = { values: Array<{ key: string; 'zh-CN': string; en: string }> }

interface SkuRow {
  id: string
  product_id: string
  option_keys: string[]
  price_fen: number
  stock: number
  on_sale: boolean
  title_zh: string
  title_en: string
  images: string[]
  options: LocalizedOption[]
}

interface PricedLine {
  sku: SkuRow
  quantity: number
  lineTotal: number
}

/** One line per SKU, quantities of a repeated SKU added up, in the order the SKUs first appear. */
export function mergeLines(lines: CreateOrderRequest['lines']): NormalisedLine[] {
  const quantities = new Map<string, number>()
  for (const line of lines) quantities.set(line.skuId, (quantities.get(line.skuId) ?? 0) + line.quantity)
  return [...quantities].map(([skuId, quantity]) => {
    if (quantity > QUANTITY_PER_LINE_MAX) {
      throw new HttpError(400, 'bad_request', `At most ${QUANTITY_PER_LINE_MAX} of SKU "${skuId}" per order.`)
    }
    return { skuId, quantity }
  })
}

export async function createOrder(db: Db, input: NewOrder): Promise<CreatedOrder> {
  const lines = mergeLines(input.request.lines)
  const address = normaliseAddress(input.request.address)
  const hash = requestHash(lines, address)
  return db.transaction(async (tx) => {
    const claim = await claimIdempotencyKey(tx, input.userId, input.idempotencyKey, hash)
    if (claim.kind === 'replay') return { orderId: claim.orderId, replayed: true }

    const priced = await lockAndPrice(tx, lines)
    if (input.caps) {
      const capped = priced.map(({ sku, quantity }) => ({ skuId: sku.id, title: sku.title_en, quantity }))
      await enforceBuyerCaps(tx, input.userId, capped, input.caps)
    }
    await reserveStock(tx, priced)
    const orderId = await insertOrder(tx, input, priced, address)
    await insertLines(tx, orderId, priced)
    // Alipay's order center hears of it from the outbox, committed with the order (order-center/).
    await recordOrderChange(tx, orderId)
    await attachOrderToKey(tx, input.userId, input.idempotencyKey, orderId)
    return { orderId, replayed: false }
  })
}

/** Exactly the contract's fields, in a fixed order (the validated body has nothing else). */
const normaliseAddress = (address: Address): Address => ({
  name: address.name,
  phone: address.phone,
  region: address.region,
  detail: address.detail,
})

/**
 * Locks the SKU rows in id order (every transaction that touches stock locks in this order, so
 * they cannot deadlock) and prices each line from the catalog, never from the client.
 */
async function lockAndPrice(tx: Queryable, lines: NormalisedLine[]): Promise<PricedLine[]> {
  const rows = await tx.query<SkuRow>(
    `select s.id, s.product_id, s.option_keys, s.price_fen, s.stock,
            (s.active and p.active and c.active) as on_sale,
            p.title_zh, p.title_en, p.images, p.options
       from skus s
       join products p on p.id = s.product_id
       join categories c on c.id = p.category_id
      where s.id = any($1::text[])
      order by s.id
      for update of s`,
    [lines.map((line) => line.skuId)],
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  const priced = lines.map((line) => {
    const sku = byId.get(line.skuId)
    if (!sku) throw new HttpError(400, 'unknown_sku', `No SKU "${line.skuId}" in the catalog.`)
    if (!sku.on_sale) throw new HttpError(409, 'unknown_sku', `SKU "${line.skuId}" is no longer on sale.`)
    return { sku, quantity: line.quantity, lineTotal: sku.price_fen * line.quantity }
  })
  if (priced.reduce((sum, line) => sum + line.lineTotal, 0) > MAX_TOTAL_FEN) {
    throw new HttpError(400, 'bad_request', 'The order total is too large; split it into several orders.')
  }
  return priced
}

/**
 * Takes each line's quantity off its SKU. The UPDATE is conditional, so stock can never go
 * negative even if the lock above were missing; the first line that does not fit aborts the
 * transaction, undoing the lines already reserved.
 */
async function reserveStock(tx: Queryable, lines: PricedLine[]): Promise<void> {
  for (const line of lines) {
    const updated = await tx.query(
      'update skus set stock = stock - $2 where id = $1 and stock >= $2 returning stock',
      [line.sku.id, line.quantity],
    )
    if (updated.length === 0) {
      const { sku } = line
      throw new HttpError(
        409,
        'insufficient_stock',
        `Not enough stock for SKU "${sku.id}" (${sku.title_en}): ${sku.stock} left, ${line.quantity} requested.`,
      )
    }
  }
}

async function insertOrder(
  tx: Queryable,
  input: NewOrder,
  lines: PricedLine[],
  address: Address,
): Promise<string> {
  const total = lines.reduce((sum, line) => sum + line.lineTotal, 0)
  const itemCount = lines.reduce((sum, line) => sum + line.quantity, 0)
  // Order numbers are random: on the (very unlikely) clash, draw again rather than fail.
  for (let attempt = 0; attempt < ORDER_NUMBER_ATTEMPTS; attempt++) {
    const rows = await tx.query<{ id: string }>(
      `insert into orders (id, user_id, status, total_fen, item_count, address, expires_at)
       values ($1, $2, 'awaiting_payment', $3, $4, $5::jsonb, now() + make_interval(mins => $6::int))
       on conflict (id) do nothing
       returning id`,
      [newOrderNumber(), input.userId, total, itemCount, JSON.stringify(address), input.ttlMinutes],
    )
    if (rows.length === 1) return rows[0].id
  }
  throw new Error(`no free order number after ${ORDER_NUMBER_ATTEMPTS} attempts`)
}

/** "Black / L" from the SKU's option value keys; '' for a product without options. */
function skuLabel(sku: SkuRow, lang: 'zh-CN' | 'en'): string {
  return sku.option_keys
    .map((key, index) => sku.options[index]?.values.find((value) => value.key === key)?.[lang] ?? key)
    .join(' / ')
}

async function insertLines(tx: Queryable, orderId: string, lines: PricedLine[]): Promise<void> {
  for (const [index, { sku, quantity, lineTotal }] of lines.entries()) {
    await tx.query(
      `insert into order_lines (order_id, line_no, sku_id, product_id, title_zh, title_en,
         sku_label_zh, sku_label_en, image_file, unit_price_fen, quantity, line_total_fen)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        orderId,
        index + 1,
        sku.id,
        sku.product_id,
        sku.title_zh,
        sku.title_en,
        skuLabel(sku, 'zh-CN'),
        skuLabel(sku, 'en'),
        sku.images[0],
        sku.price_fen,
        quantity,
        lineTotal,
      ],
    )
  }
}
