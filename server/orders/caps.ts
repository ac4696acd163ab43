/**
 * Per-buyer caps on what unpaid orders may hold (MAX_UNPAID_ORDERS_PER_BUYER,
 * MAX_UNPAID_UNITS_PER_SKU): without them one buyer can reserve every SKU's stock and renew the
 * reservation forever by cancelling and ordering again.
 *
 * Checked inside the order's own transaction, after the buyer's row is locked, so two parallel
 * orders of one buyer are counted one after the other and cannot both slip under a cap.
 * `for no key update` serialises order creation per buyer without blocking the foreign-key checks
 * (`for key share`) that inserting the buyer's orders, keys and sessions take on the same row.
 */
import type { Queryable } from '../db/types'
import { HttpError } from '../http/errors'
import type { BuyerCaps } from '../limits/config'

export interface CappedLine {
  skuId: string
  title: string
  quantity: number
}

/** Orders that still hold stock for the buyer: unpaid and not yet past their expiry. */
const HOLDING = `o.user_id = $1 and o.status = 'awaiting_payment' and o.expires_at > now()`

export async function enforceBuyerCaps(
  tx: Queryable,
  userId: string,
  lines: CappedLine[],
  caps: BuyerCaps,
): Promise<void> {
  if (!caps.unpaidOrders && !caps.unpaidUnitsPerSku) return
  await tx.query('select id from users where id = $1 for no key update', [userId])
  if (caps.unpaidOrders) await enforceUnpaidOrders(tx, userId, caps.unpaidOrders)
  if (caps.unpaidUnitsPerSku) await enforceUnitsPerSku(tx, userId, lines, caps.unpaidUnitsPerSku)
}

async function enforceUnpaidOrders(tx: Queryable, userId: string, cap: number): Promise<void> {
  // Counting stops at the cap: the cost stays bounded whatever the buyer holds.
  const [{ held }] = await tx.query<{ held: number }>(
    `select count(*)::int as held from (select 1 from orders o where ${HOLDING} limit $2) holding`,
    [userId, cap],
  )
  if (held >= cap) {
    throw new HttpError(
      409,
      'unpaid_orders_limit',
      `You already have ${held} unpaid orders, the most allowed at once. Pay or cancel one of them, then order again.`,
    )
  }
}

async function enforceUnitsPerSku(
  tx: Queryable,
  userId: string,
  lines: CappedLine[],
  cap: number,
): Promise<void> {
  const rows = await tx.query<{ sku_id: string; units: number }>(
    `select l.sku_id, sum(l.quantity)::int as units
       from orders o join order_lines l on l.order_id = o.id
      where ${HOLDING} and l.sku_id = any($2::text[])
      group by l.sku_id`,
    [userId, lines.map((line) => line.skuId)],
  )
  const held = new Map(rows.map((row) => [row.sku_id, row.units]))
  for (const line of lines) {
    const already = held.get(line.skuId) ?? 0
    if (already + line.quantity > cap) {
      const holding = already ? `you already hold ${already} in unpaid orders, and ` : ''
      throw new HttpError(
        409,
        'unpaid_units_limit',
        `At most ${cap} of "${line.title}" (SKU "${line.skuId}") may wait in unpaid orders: ${holding}this order asks for ${line.quantity}. Pay or cancel an unpaid order, or order fewer.`,
      )
    }
  }
}
