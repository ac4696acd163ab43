/**
 * The merchant's side, for the app's end-to-end suites: a staff account made in the database (as
 * `npm run staff` would), logged in over HTTP like the merchant's tools, and shipping an order.
 */
import type { ShipmentInput, StaffSession } from '@contract'
import { createTestStaff } from '../../server/tests/staff-helpers'
import type { ShopServer } from './shop-server'

export interface Merchant {
  token: string
  /** POST /api/merchant/orders/:id/shipment; throws unless the server answers 200. */
  ship(orderId: string, shipment: ShipmentInput): Promise<unknown>
}

async function call(url: string, init: RequestInit, expected: number): Promise<unknown> {
  const response = await fetch(url, init)
  const body = (await response.json().catch(() => undefined)) as unknown
  if (response.status !== expected) {
    throw new Error(
      `${init.method} ${url}: expected ${expected}, got ${response.status} ${JSON.stringify(body)}`,
    )
  }
  return body
}

/** A new staff member, logged in through POST /api/merchant/session. */
export async function merchantOf(server: ShopServer): Promise<Merchant> {
  const staff = await createTestStaff(server.db)
  const session = (await call(
    `${server.baseUrl}/api/merchant/session`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: staff.name, password: staff.password }),
    },
    201,
  )) as StaffSession
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${session.token}` }
  return {
    token: session.token,
    ship: (orderId, shipment) =>
      call(
        `${server.baseUrl}/api/merchant/orders/${orderId}/shipment`,
        { method: 'POST', headers, body: JSON.stringify(shipment) },
        200,
      ),
  }
}
