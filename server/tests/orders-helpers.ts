/** Shared by the orders test suites (not a test file itself). */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Address } from '../../contract'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { Queryable } from '../db/types'
import type { TestBuyer } from '../testing/buyers'

/** A fresh Idempotency-Key. */
export const newKey = () => `test-${randomBytes(12).toString('hex')}`

export interface LineInput {
  skuId: string
  quantity: number
  [extra: string]: unknown
}

export function postOrder(
  app: FastifyInstance,
  buyer: TestBuyer,
  lines: LineInput[],
  options: { key?: string; address?: Address; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: {
      host: 'shop.test',
      'idempotency-key': options.key ?? newKey(),
      ...buyer.headers,
      ...options.headers,
    },
    payload: { lines, address: options.address ?? SAMPLE_ADDRESS },
  })
}

export function getAs(
  app: FastifyInstance,
  buyer: TestBuyer,
  url: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { host: 'shop.test', ...buyer.headers, ...headers } })
}

export function cancelAs(app: FastifyInstance, buyer: TestBuyer, orderId: string) {
  return app.inject({ method: 'POST', url: `/api/orders/${orderId}/cancel`, headers: buyer.headers })
}

export async function setStock(db: Queryable, skuId: string, stock: number): Promise<void> {
  const rows = await db.query('update skus set stock = $2 where id = $1 returning id', [skuId, stock])
  if (rows.length !== 1) throw new Error(`no SKU ${skuId}`)
}

export async function stockOf(db: Queryable, skuId: string): Promise<number> {
  const [row] = await db.query<{ stock: number }>('select stock from skus where id = $1', [skuId])
  return row.stock
}

export async function countOrders(db: Queryable, userId?: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    'select count(*)::int as count from orders where $1::bigint is null or user_id = $1',
    [userId ?? null],
  )
  return row.count
}

/** Moves an unpaid order past its expiry (created_at too: expires_at >= created_at is a constraint). */
export async function expireOrder(db: Queryable, orderId: string): Promise<void> {
  await db.query(
    `update orders set created_at = now() - interval '1 hour', expires_at = now() - interval '1 second'
      where id = $1`,
    [orderId],
  )
}

export async function statusOf(db: Queryable, orderId: string) {
  const [row] = await db.query<{ status: string; close_reason: string | null }>(
    'select status, close_reason from orders where id = $1',
    [orderId],
  )
  return row
}
