/**
 * Staff accounts in the console: GET/POST /api/merchant/staff, disable, enable and a new password,
 * for owners only; the rules shared with the command line (server/staff/accounts.ts), and the
 * audit entries each change writes.
 */
import type { ApiErrorBody, StaffAccount, StaffAccountList } from '../../contract'
import type { Db } from '../db/types'
import { disableStaffAccount, StaffAccountError } from '../staff/accounts'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { loggedInStaff, ownerAndClerk, type TestStaff } from './merchant-helpers'
import { createTestStaff, TEST_STAFF_PASSWORD } from './staff-helpers'

const NEW_PASSWORD = 'a new password 2'

function auditOfStaff(db: Db, staffId: string) {
  return db.query<{ staff_id: string | null; action: string; before: unknown; after: unknown }>(
    `select staff_id::text, action, before, after from audit_log
      where target_type = 'staff' and target_id = $1 and action not in ('staff.login', 'staff.logout')
      order by id`,
    [staffId],
  )
}

describeEachDatabase('console: staff accounts', (getDb) => {
  const suite = appForSuite(getDb)
  const team = ownerAndClerk(getDb)

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, as: TestStaff, payload?: object) =>
    suite.app.inject({
      method,
      url: `/api/merchant${url}`,
      headers: as.headers,
      ...(payload ? { payload } : {}),
    })
  const login = (name: string, password: string) =>
    suite.app.inject({ method: 'POST', url: '/api/merchant/session', payload: { name, password } })
  const me = (headers: Record<string, string>) =>
    suite.app.inject({ method: 'GET', url: '/api/merchant/me', headers })

  it('refuses staff (403) and strangers (401) on every route, changing nothing', async () => {
    const target = await createTestStaff(getDb())
    const routes: ['GET' | 'POST' | 'PUT', string, object?][] = [
      ['GET', '/staff'],
      ['POST', '/staff', { name: 'sneaky', role: 'owner', password: NEW_PASSWORD }],
      ['POST', `/staff/${target.name}/disable`],
      ['POST', `/staff/${target.name}/enable`],
      ['PUT', `/staff/${target.name}/password`, { password: NEW_PASSWORD }],
    ]
    for (const [method, url, payload] of routes) {
      const res = await send(method, url, team.clerk, payload)
      expect([url, res.statusCode, res.json<ApiErrorBody>().code]).toEqual([url, 403, 'forbidden'])
      const anonymous = await suite.app.inject({ method, url: `/api/merchant${url}`, payload })
      expect([url, anonymous.statusCode]).toEqual([url, 401])
    }
    expect(await getDb().query("select 1 from staff where name = 'sneaky'")).toEqual([])
    expect(await auditOfStaff(getDb(), target.id)).toEqual([])
    expect((await login(target.name, TEST_STAFF_PASSWORD)).statusCode).toBe(201)
  })

  it('lists every account by name, with its dates, without secrets', async () => {
    const res = await send('GET', '/staff', team.owner)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const { items } = res.json<StaffAccountList>()
    expect(items.map((item) => item.name)).toEqual(items.map((item) => item.name).sort())
    expect(items.find((item) => item.name === team.clerk.name)).toEqual({
      name: team.clerk.name,
      role: 'staff',
      createdAt: expect.any(String),
    })
    expect(res.body).not.toContain('scrypt')
  })

  it('adds an account that can log in, audited without its password; a taken name is a 409', async () => {
    const res = await send('POST', '/staff', team.owner, {
      name: 'dora',
      role: 'staff',
      password: NEW_PASSWORD,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json<StaffAccount>()).toEqual({ name: 'dora', role: 'staff', createdAt: expect.any(String) })
    expect((await login('dora', NEW_PASSWORD)).statusCode).toBe(201)
    const [{ id }] = await getDb().query<{ id: string }>("select id::text from staff where name = 'dora'")
    expect(await auditOfStaff(getDb(), id)).toEqual([
      { staff_id: team.owner.id, action: 'staff.add', before: null, after: { name: 'dora', role: 'staff' } },
    ])
    const again = await send('POST', '/staff', team.owner, {
      name: 'dora',
      role: 'owner',
      password: NEW_PASSWORD,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json<ApiErrorBody>().code).toBe('staff_name_taken')
    const short = await send('POST', '/staff', team.owner, { name: 'eve', role: 'staff', password: 'short' })
    expect(short.statusCode).toBe(400)
  })

  it('disables an account (its sessions end), then enables it again, auditing each once', async () => {
    const target = await loggedInStaff(getDb(), 'staff')
    const disabled = await send('POST', `/staff/${target.name}/disable`, team.owner)
    expect(disabled.statusCode).toBe(200)
    expect(disabled.json<StaffAccount>()).toMatchObject({ name: target.name, disabledAt: expect.any(String) })
    expect((await me(target.headers)).statusCode).toBe(401)
    expect((await login(target.name, TEST_STAFF_PASSWORD)).statusCode).toBe(401)
    // Already disabled: the same answer, nothing more written.
    const twice = await send('POST', `/staff/${target.name}/disable`, team.owner)
    expect(twice.json<StaffAccount>().disabledAt).toBe(disabled.json<StaffAccount>().disabledAt)

    const enabled = await send('POST', `/staff/${target.name}/enable`, team.owner)
    expect(enabled.statusCode).toBe(200)
    expect(enabled.json<StaffAccount>().disabledAt).toBeUndefined()
    expect((await login(target.name, TEST_STAFF_PASSWORD)).statusCode).toBe(201)
    // Its sessions ended for good: enabling it does not bring them back.
    expect((await me(target.headers)).statusCode).toBe(401)
    expect(await auditOfStaff(getDb(), target.id)).toEqual([
      {
        staff_id: team.owner.id,
        action: 'staff.disable',
        before: { name: target.name, disabled: false },
        after: { name: target.name, disabled: true, sessionsEnded: 1 },
      },
      {
        staff_id: team.owner.id,
        action: 'staff.enable',
        before: { name: target.name, disabled: true },
        after: { name: target.name, disabled: false },
      },
    ])
  })

  it('lets nobody disable their own account', async () => {
    const res = await send('POST', `/staff/${team.owner.name}/disable`, team.owner)
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>().code).toBe('staff_disable_self')
    expect((await me(team.owner.headers)).statusCode).toBe(200)
  })

  it('sets a new password: the old one stops working and the sessions end', async () => {
    const target = await loggedInStaff(getDb(), 'staff')
    const res = await send('PUT', `/staff/${target.name}/password`, team.owner, { password: NEW_PASSWORD })
    expect(res.statusCode).toBe(204)
    expect((await me(target.headers)).statusCode).toBe(401)
    expect((await login(target.name, TEST_STAFF_PASSWORD)).statusCode).toBe(401)
    expect((await login(target.name, NEW_PASSWORD)).statusCode).toBe(201)
    const entries = await auditOfStaff(getDb(), target.id)
    expect(entries).toEqual([
      {
        staff_id: team.owner.id,
        action: 'staff.password_reset',
        before: { name: target.name },
        after: { name: target.name, sessionsEnded: 1 },
      },
    ])
    expect(JSON.stringify(entries)).not.toMatch(/scrypt|new password/)
  })

  it('answers 404 for an unknown account and 400 for a password the policy refuses', async () => {
    const unknown = await send('PUT', '/staff/nobody-here/password', team.owner, { password: NEW_PASSWORD })
    expect(unknown.statusCode).toBe(404)
    expect((await send('POST', '/staff/nobody-here/disable', team.owner)).statusCode).toBe(404)
    const short = await send('PUT', `/staff/${team.clerk.name}/password`, team.owner, { password: 'short' })
    expect(short.statusCode).toBe(400)
  })
})

describeEachDatabase('console: the last enabled owner', (getDb) => {
  appForSuite(getDb)

  it('is never disabled, even by two owners disabling each other at once', async () => {
    const first = await createTestStaff(getDb(), 'owner')
    const second = await createTestStaff(getDb(), 'owner')
    const outcomes = await Promise.allSettled([
      disableStaffAccount(getDb(), first.name, second.id),
      disableStaffAccount(getDb(), second.name, first.id),
    ])
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    const refused = outcomes.find((outcome) => outcome.status === 'rejected')
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'staff_last_owner' })
    const enabled = await getDb().query("select 1 from staff where role = 'owner' and disabled_at is null")
    expect(enabled).toHaveLength(1)
  })

  it('is refused to the command line too (no acting account)', async () => {
    const [{ name }] = await getDb().query<{ name: string }>(
      "select name from staff where role = 'owner' and disabled_at is null",
    )
    await expect(disableStaffAccount(getDb(), name, null)).rejects.toThrow(StaffAccountError)
    // A staff account is not an owner: disabling it is fine.
    const clerk = await createTestStaff(getDb(), 'staff')
    await expect(disableStaffAccount(getDb(), clerk.name, null)).resolves.toMatchObject({ changed: true })
  })
})
