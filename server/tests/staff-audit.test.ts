/** The audit log: written in the change's own transaction, and by logins and logouts. */
import { migrate } from '../db/migrate'
import { audit } from '../staff/repository'
import { buildTestApp } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { bearer, createTestStaff } from './staff-helpers'

interface AuditRow {
  staff_id: string | null
  action: string
  target_type: string
  target_id: string
  before: unknown
  after: unknown
}

describeEachDatabase('audit log', (getDb) => {
  beforeAll(async () => {
    await migrate(getDb())
  })

  const entriesFor = (targetId: string) =>
    getDb().query<AuditRow>(
      `select staff_id::text, action, target_type, target_id, before, after
         from audit_log where target_id = $1 order by id`,
      [targetId],
    )

  it('commits an entry with the change it records: who, what, target, before → after', async () => {
    const staff = await createTestStaff(getDb())
    await getDb().transaction(async (tx) => {
      await audit(tx, {
        staffId: staff.id,
        action: 'order.ship',
        target: { type: 'order', id: 'committed-1' },
        before: { status: 'paid' },
        after: { status: 'shipped', carrier: 'SF' },
      })
    })
    const [entry] = await entriesFor('committed-1')
    expect(entry).toEqual({
      staff_id: staff.id,
      action: 'order.ship',
      target_type: 'order',
      target_id: 'committed-1',
      before: { status: 'paid' },
      after: { status: 'shipped', carrier: 'SF' },
    })
    const [{ at }] = await getDb().query<{ at: Date }>(
      "select at from audit_log where target_id = 'committed-1'",
    )
    expect(Math.abs(new Date(at).getTime() - Date.now())).toBeLessThan(60_000)
  })

  it('leaves no entry when the transaction rolls back', async () => {
    const staff = await createTestStaff(getDb())
    const failure = getDb().transaction(async (tx) => {
      await audit(tx, {
        staffId: staff.id,
        action: 'order.ship',
        target: { type: 'order', id: 'rolled-back-1' },
        after: { status: 'shipped' },
      })
      throw new Error('the change itself failed')
    })
    await expect(failure).rejects.toThrow('the change itself failed')
    expect(await entriesFor('rolled-back-1')).toEqual([])
  })

  it('records logins, failed logins (with no staff id) and logouts', async () => {
    const app = await buildTestApp(getDb())
    try {
      const staff = await createTestStaff(getDb())
      const login = (password: string) =>
        app.inject({ method: 'POST', url: '/api/merchant/session', payload: { name: staff.name, password } })
      expect((await login('wrong password')).statusCode).toBe(401)
      const { token } = (await login(staff.password)).json()
      await app.inject({ method: 'DELETE', url: '/api/merchant/session', headers: bearer(token) })
      const actions = await getDb().query<AuditRow>(
        `select staff_id::text, action, target_type, target_id from audit_log
          where target_id in ($1, $2) order by id`,
        [staff.name, staff.id],
      )
      expect(actions).toEqual([
        { staff_id: null, action: 'staff.login_failed', target_type: 'staff_name', target_id: staff.name },
        { staff_id: staff.id, action: 'staff.login', target_type: 'staff', target_id: staff.id },
        { staff_id: staff.id, action: 'staff.logout', target_type: 'staff', target_id: staff.id },
      ])
    } finally {
      await app.close()
    }
  })
})
