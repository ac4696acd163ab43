/** Shared by the console-orders suites (not a test file itself): orders placed and read through the merchant API. */
import type { LightMyRequestResponse } from 'fastify'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { Order } from '../../contract'
import type { Db } from '../db/types'
import { newKey } from './orders-helpers'
import type { PayingBuyer, ShopUnderTest } from './payments-helpers'

let phones = 0
/** A phone no other order of the suite has (the suites share PGlite and PostgreSQL schemas per suite). */
export const uniquePhone = () =>
  `139${String(process.pid % 10_000).padStart(4, '0')}${String(++phones).padStart(4, '0')}`

/** An unpaid order of one envelope, shipped to `phone`. */
export async function placeOrder(
  shop: ShopUnderTest,
  who: PayingBuyer,
  phone: string = SAMPLE_ADDRESS.phone,
): Promise<Order> {
  const res = await shop.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { host: new URL(shop.origin).host, 'idempotency-key': newKey(), ...who.headers },
    payload: { lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }], address: { ...SAMPLE_ADDRESS, phone } },
  })
  if (res.statusCode !== 201) throw new Error(`order: ${res.statusCode} ${res.body}`)
  return res.json<Order>()
}

/** Moves the order's placing (and its deadline with it) to this instant. */
export async function placedAt(db: Db, orderId: string, at: string): Promise<void> {
  await db.query(
    `update orders set created_at = $2::timestamptz, expires_at = $2::timestamptz + interval '15 minutes'
      where id = $1`,
    [orderId, at],
  )
}

/** The ids of a merchant list answer. */
export const idsOf = (res: LightMyRequestResponse) =>
  res.json<{ items: Array<{ id: string }> }>().items.map((o) => o.id)
