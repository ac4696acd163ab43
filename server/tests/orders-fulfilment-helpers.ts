/** Shared by the fulfilment suites (not a test file itself): orders brought to a state, back-dated. */
import type { ShipmentInput } from '../../contract'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { Db } from '../db/types'
import { createOrder } from '../orders/create'
import { confirmReceipt, shipOrder } from '../orders/fulfilment'
import { markOrderPaid } from '../orders/state'
import { newKey } from './orders-helpers'

export const SHIPMENT: ShipmentInput = { carrier: '顺丰速运', trackingNo: 'SF1234567890' }

/** A SKU with plenty of stock in the seeded catalog; the suites set its stock high first. */
export const FULFILMENT_SKU = 'envelope-kraft-std'

const DAY_MS = 24 * 3600 * 1000
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS)

export async function placeOrder(db: Db, userId: string): Promise<string> {
  const { orderId } = await createOrder(db, {
    userId,
    idempotencyKey: newKey(),
    request: { lines: [{ skuId: FULFILMENT_SKU, quantity: 1 }], address: SAMPLE_ADDRESS },
    ttlMinutes: 15,
  })
  return orderId
}

/** An order paid 60 days ago (so any later back-dated step still follows it). */
export async function paidOrder(db: Db, userId: string): Promise<string> {
  const orderId = await placeOrder(db, userId)
  if (!(await db.transaction((tx) => markOrderPaid(tx, orderId, daysAgo(60))))) {
    throw new Error(`could not pay ${orderId}`)
  }
  return orderId
}

/** An order shipped `shippedDaysAgo` days ago. */
export async function shippedOrder(db: Db, userId: string, shippedDaysAgo = 0): Promise<string> {
  const orderId = await paidOrder(db, userId)
  const shippedAt = shippedDaysAgo ? daysAgo(shippedDaysAgo) : undefined
  if (!(await db.transaction((tx) => shipOrder(tx, orderId, SHIPMENT, { shippedAt })))) {
    throw new Error(`could not ship ${orderId}`)
  }
  return orderId
}

/** An order received `receivedDaysAgo` days ago (shipped the day before). */
export async function receivedOrder(db: Db, userId: string, receivedDaysAgo = 0): Promise<string> {
  const orderId = await shippedOrder(db, userId, receivedDaysAgo + 1)
  const receivedAt = receivedDaysAgo ? daysAgo(receivedDaysAgo) : undefined
  if (!(await db.transaction((tx) => confirmReceipt(tx, orderId, receivedAt)))) {
    throw new Error(`could not receive ${orderId}`)
  }
  return orderId
}

export interface FulfilmentRow {
  status: string
  carrier: string | null
  tracking_no: string | null
  shipped_at: Date | null
  received_at: Date | null
  completed_at: Date | null
}

export async function fulfilmentOf(db: Db, orderId: string): Promise<FulfilmentRow> {
  const [row] = await db.query<FulfilmentRow>(
    `select status, carrier, tracking_no, shipped_at, received_at, completed_at from orders where id = $1`,
    [orderId],
  )
  return row
}

/**
 * Makes order_has_open_after_sales (migration 007's seam) true for these orders as well, without
 * making after-sales requests (the after-sales suites make real ones); `[]` restores migration
 * 010's definition: true only while a request is open.
 */
export async function setOpenAfterSales(db: Db, orderIds: string[]): Promise<void> {
  const list = orderIds.map((id) => `'${id.replace(/[^0-9]/g, '')}'`).join(', ')
  await db.exec(
    `create or replace function order_has_open_after_sales(order_id text) returns boolean
     language sql stable as $$
       select ${list ? `$1 in (${list}) or ` : ''}exists (select 1 from after_sales_requests r
                      where r.order_id = $1 and after_sales_status_is_open(r.status))
     $$`,
  )
}
