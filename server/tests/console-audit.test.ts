/** The audit log in the console: GET /api/merchant/audit, newest first, filtered and paged, owners only. */
import type { ApiErrorBody, AuditEntry, AuditPage } from '../../contract'
import { audit } from '../staff/repository'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { ownerAndClerk, type TestStaff } from './merchant-helpers'

describeEachDatabase('console: audit log', (getDb) => {
  const suite = appForSuite(getDb)
  const team = ownerAndClerk(getDb)

  beforeAll(async () => {
    // Oldest first; each in its own transaction, as the changes they stand for.
    const entries: Parameters<typeof audit>[1][] = [
      {
        staffId: team.clerk.id,
        action: 'order.ship',
        target: { type: 'order', id: '2024000001' },
        after: { a: 1 },
      },
      {
        staffId: null,
        action: 'staff.add',
        target: { type: 'staff', id: team.clerk.id },
        after: { name: team.clerk.name },
      },
      {
        staffId: team.owner.id,
        action: 'sku.price',
        target: { type: 'sku', id: 'pen-red' },
        before: { price: 100 },
        after: { price: 120 },
      },
      { staffId: team.clerk.id, action: 'order.shipx', target: { type: 'order', id: '2024000002' } },
    ]
    for (const entry of entries) await getDb().transaction((tx) => audit(tx, entry))
    // A failed login, through the route: no staff, the name tried as its target.
    const failed = await suite.app.inject({
      method: 'POST',
      url: '/api/merchant/session',
      payload: { name: 'mallory', password: 'not the password' },
    })
    expect(failed.statusCode).toBe(401)
  })

  async function page(query: string, as: TestStaff = team.owner): Promise<AuditPage> {
    const res = await suite.app.inject({
      method: 'GET',
      url: `/api/merchant/audit${query}`,
      headers: as.headers,
    })
    expect(res.statusCode).toBe(200)
    return res.json<AuditPage>()
  }
  const actions = (entries: AuditEntry[]) => entries.map((entry) => entry.action)

  it('lists every entry newest first, with the staff name, the target and before → after', async () => {
    const { items, total, hasMore } = await page('')
    expect({ total, hasMore }).toEqual({ total: 5, hasMore: false })
    expect(actions(items)).toEqual([
      'staff.login_failed',
      'order.shipx',
      'sku.price',
      'staff.add',
      'order.ship',
    ])
    expect(items[0]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      action: 'staff.login_failed',
      target: { type: 'staff_name', id: 'mallory' },
    })
    expect(items[2]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      staff: team.owner.name,
      action: 'sku.price',
      target: { type: 'sku', id: 'pen-red' },
      before: { price: 100 },
      after: { price: 120 },
    })
    expect(items[3].staff).toBeUndefined()
  })

  it('filters by staff name, exact action, action prefix and target', async () => {
    expect(actions((await page(`?staff=${team.clerk.name}`)).items)).toEqual(['order.shipx', 'order.ship'])
    expect(actions((await page('?action=order.ship')).items)).toEqual(['order.ship'])
    expect(actions((await page('?action=order.')).items)).toEqual(['order.shipx', 'order.ship'])
    expect(actions((await page('?action=staff.')).items)).toEqual(['staff.login_failed', 'staff.add'])
    // Without its dot, a prefix is an exact action: none is called "order".
    expect((await page('?action=order')).total).toBe(0)
    expect(actions((await page('?targetType=order&targetId=2024000002')).items)).toEqual(['order.shipx'])
    expect(actions((await page('?targetType=staff_name&targetId=mallory')).items)).toEqual([
      'staff.login_failed',
    ])
    expect((await page('?staff=nobody-at-all')).total).toBe(0)
  })

  it('pages like every list', async () => {
    const second = await page('?pageSize=2&page=2')
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 5, hasMore: true })
    expect(actions(second.items)).toEqual(['sku.price', 'staff.add'])
    const beyond = await page('?pageSize=2&page=9')
    expect(beyond).toMatchObject({ items: [], total: 5, hasMore: false })
  })

  it('is for owners only, and refuses bad filters', async () => {
    const res = await suite.app.inject({
      method: 'GET',
      url: '/api/merchant/audit',
      headers: team.clerk.headers,
    })
    expect(res.statusCode).toBe(403)
    expect(res.json<ApiErrorBody>().code).toBe('forbidden')
    expect((await suite.app.inject({ method: 'GET', url: '/api/merchant/audit' })).statusCode).toBe(401)
    const bad = await suite.app.inject({
      method: 'GET',
      url: '/api/merchant/audit?action=order%25',
      headers: team.owner.headers,
    })
    expect(bad.statusCode).toBe(400)
  })
})
