/**
 * Issue 14, finding 9: the sweeper that runs with the server deletes expired sessions (buyers' and
 * staff's) and web-view tickets past their use; live ones stay.
 */
import type { FastifyInstance } from 'fastify'
import type { Order } from '../../contract'
import { buildApp } from '../app'
import type { Queryable } from '../db/types'
import { mintTicket } from '../payments/webview-tickets'
import { createSession } from '../session/repository'
import { hashToken } from '../session/tokens'
import { createStaffSession } from '../staff/repository'
import { testConfig } from '../testing/app'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { until } from '../testing/until'
import { postOrder } from './orders-helpers'
import { createTestStaff } from './staff-helpers'

const exists = async (db: Queryable, table: string, column: string, value: string) =>
  (await db.query(`select 1 from ${table} where ${column} = $1`, [value])).length > 0

describeEachDatabase('the sweeper deletes expired credentials', (getDb) => {
  let app: FastifyInstance | undefined
  beforeAll(async () => {
    await prepareDatabase(getDb())
  })
  afterAll(async () => {
    await app?.close()
  })

  it('deletes expired sessions, staff sessions and stale tickets, and keeps live ones', async () => {
    const db = getDb()
    // The app without its sweeper, to set the scene.
    const scene = await buildApp({ db, config: testConfig() })
    const buyer = await createTestBuyer(db)
    const placed = await postOrder(scene, buyer, [{ skuId: 'envelope-kraft-std', quantity: 1 }])
    expect(placed.statusCode).toBe(201)
    const order = placed.json<Order>()
    await scene.close()

    const expired = await createSession(db, buyer.buyer.id, 3600)
    const ticketOfExpired = await mintTicket(db, order.id, buyer.buyer.id, expired.token)
    const staleTicket = await mintTicket(db, order.id, buyer.buyer.id, buyer.token)
    const liveTicket = await mintTicket(db, order.id, buyer.buyer.id, buyer.token)
    const staff = await createTestStaff(db)
    const expiredStaff = await createStaffSession(db, staff.id, 3600)
    const liveStaff = await createStaffSession(db, staff.id, 3600)
    await db.query(`update sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [
      hashToken(expired.token),
    ])
    await db.query(
      `update staff_sessions set expires_at = now() - interval '1 second' where token_hash = $1`,
      [hashToken(expiredStaff.token)],
    )
    await db.query(
      `update webview_tickets set expires_at = now() - interval '2 days' where ticket_hash = $1`,
      [hashToken(staleTicket)],
    )

    app = await buildApp({ db, config: testConfig(), expirySweepMs: 20 })
    await app.ready()
    await until(
      'the sweeper to delete the expired rows',
      async () => {
        const left = [
          await exists(db, 'sessions', 'token_hash', hashToken(expired.token)),
          await exists(db, 'staff_sessions', 'token_hash', hashToken(expiredStaff.token)),
          await exists(db, 'webview_tickets', 'ticket_hash', hashToken(staleTicket)),
        ]
        return left.some(Boolean) ? undefined : true
      },
      15_000,
    )
    // The expired session's ticket went with it; everything live is still there.
    expect(await exists(db, 'webview_tickets', 'ticket_hash', hashToken(ticketOfExpired))).toBe(false)
    expect(await exists(db, 'sessions', 'token_hash', hashToken(buyer.token))).toBe(true)
    expect(await exists(db, 'webview_tickets', 'ticket_hash', hashToken(liveTicket))).toBe(true)
    expect(await exists(db, 'staff_sessions', 'token_hash', hashToken(liveStaff.token))).toBe(true)
  }, 40_000)
})
