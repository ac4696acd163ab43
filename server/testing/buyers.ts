/**
 * Logged-in buyers for route tests that are not about login itself (orders, addresses...):
 * a user row and a session created directly. The login flow through Alipay (or its simulator)
 * has its own tests.
 */
import type { Queryable } from '../db/types'
import { createSession, upsertBuyer, type BuyerRecord } from '../session/repository'

let counter = 0

export interface TestBuyer {
  buyer: BuyerRecord
  token: string
  /** `{ authorization: 'Bearer …' }` for app.inject(). */
  headers: { authorization: string }
}

export async function createTestBuyer(db: Queryable, ttlSeconds = 3600): Promise<TestBuyer> {
  counter++
  const userId = `2088${String(Date.now() % 1e8).padStart(8, '0')}${String(counter).padStart(4, '0')}`
  const buyer = await upsertBuyer(db, { kind: 'user_id', value: userId })
  const { token } = await createSession(db, buyer.id, ttlSeconds)
  return { buyer, token, headers: { authorization: `Bearer ${token}` } }
}
