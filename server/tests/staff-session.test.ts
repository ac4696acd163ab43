/**
 * Staff login on the merchant API: POST/DELETE /api/merchant/session and GET /api/merchant/me,
 * expiry, disabled accounts, the role guard, and the separation of staff tokens from buyers'.
 */
import { requireRole, requireStaff, staffOf } from '../staff/guard'
import { PASSWORD_CHECKS_AT_ONCE } from '../staff/login'
import { disableStaff } from '../staff/repository'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { bearer, createTestStaff, TEST_STAFF_PASSWORD } from './staff-helpers'

const STAFF_TTL_SECONDS = 600

describeEachDatabase('staff sessions', (getDb) => {
  const suite = appForSuite(getDb, { staffSessionTtlSeconds: STAFF_TTL_SECONDS })
  beforeAll(() => {
    // An owner-only route, as later merchant routes declare them.
    suite.app.get(
      '/api/merchant/test-owner-only',
      { preHandler: [requireStaff(getDb()), requireRole('owner')] },
      async (request) => ({ name: staffOf(request).name }),
    )
  })

  const login = (name: string, password: string) =>
    suite.app.inject({ method: 'POST', url: '/api/merchant/session', payload: { name, password } })
  const me = (token: string) =>
    suite.app.inject({ method: 'GET', url: '/api/merchant/me', headers: bearer(token) })

  async function loggedIn(role: 'owner' | 'staff' = 'staff') {
    const staff = await createTestStaff(getDb(), role)
    const res = await login(staff.name, staff.password)
    expect(res.statusCode).toBe(201)
    return { staff, token: res.json().token as string }
  }

  it('logs in: 201 with an expiring token, and /me answers with the staff member', async () => {
    const staff = await createTestStaff(getDb(), 'owner')
    const before = Date.now()
    const res = await login(staff.name, staff.password)
    expect(res.statusCode).toBe(201)
    const session = res.json()
    expect(session).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      expiresAt: expect.any(String),
      staff: { name: staff.name, role: 'owner' },
    })
    const expiresIn = Date.parse(session.expiresAt) - before
    expect(expiresIn).toBeGreaterThan((STAFF_TTL_SECONDS - 60) * 1000)
    expect(expiresIn).toBeLessThan((STAFF_TTL_SECONDS + 60) * 1000)
    const whoami = await me(session.token)
    expect(whoami.statusCode).toBe(200)
    expect(whoami.json()).toEqual({ name: staff.name, role: 'owner' })
    // Only the token's hash is stored.
    const stored = await getDb().query('select 1 from staff_sessions where token_hash = $1', [session.token])
    expect(stored).toEqual([])
  })

  it(`checks at most ${PASSWORD_CHECKS_AT_ONCE} passwords at once: a flood gets 429, then logins work again`, async () => {
    const staff = await createTestStaff(getDb())
    const flood = await Promise.all(
      Array.from({ length: PASSWORD_CHECKS_AT_ONCE * 3 }, () => login(staff.name, 'not the password')),
    )
    const statuses = flood.map((res) => res.statusCode)
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(1)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true)
    expect(flood.find((res) => res.statusCode === 429)?.json()).toMatchObject({ code: 'rate_limited' })
    expect((await login(staff.name, staff.password)).statusCode).toBe(201)
  })

  it('answers a wrong password and an unknown name alike: 401 invalid_credentials', async () => {
    const staff = await createTestStaff(getDb())
    const wrongPassword = await login(staff.name, 'not the password')
    const unknownName = await login('nobody-here', TEST_STAFF_PASSWORD)
    for (const res of [wrongPassword, unknownName]) {
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({
        code: 'invalid_credentials',
        message: 'Wrong name or password.',
        requestId: expect.any(String),
      })
    }
  })

  it('refuses malformed logins with 400 { code, message }', async () => {
    for (const payload of [{}, { name: 'Alice', password: 'x' }, { name: 'alice', password: 7 }]) {
      const res = await suite.app.inject({ method: 'POST', url: '/api/merchant/session', payload })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) })
    }
  })

  it('logs out: the token stops working; logging out again is still 204', async () => {
    const { token } = await loggedIn()
    const logout = () =>
      suite.app.inject({ method: 'DELETE', url: '/api/merchant/session', headers: bearer(token) })
    expect((await logout()).statusCode).toBe(204)
    expect((await me(token)).json()).toMatchObject({ code: 'unauthorized' })
    expect((await logout()).statusCode).toBe(204)
  })

  it('answers 401 session_expired once the session is past its expiry', async () => {
    const { staff, token } = await loggedIn()
    await getDb().query(
      `update staff_sessions set expires_at = now() - interval '1 second'
        where staff_id = $1`,
      [staff.id],
    )
    const res = await me(token)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'session_expired' })
  })

  it('shuts out a disabled account: its token stops working and it cannot log in', async () => {
    const { staff, token } = await loggedIn()
    await disableStaff(getDb(), staff.id)
    expect((await me(token)).statusCode).toBe(401)
    expect((await login(staff.name, staff.password)).json()).toMatchObject({ code: 'invalid_credentials' })
  })

  it('keeps owner-only routes from other roles: 403 forbidden', async () => {
    const owner = await loggedIn('owner')
    const member = await loggedIn('staff')
    const ownerOnly = (token: string) =>
      suite.app.inject({ method: 'GET', url: '/api/merchant/test-owner-only', headers: bearer(token) })
    expect((await ownerOnly(owner.token)).json()).toEqual({ name: owner.staff.name })
    const refused = await ownerOnly(member.token)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ code: 'forbidden', message: expect.any(String) })
  })

  describe('tokens do not cross between buyers and staff', () => {
    it("a buyer's token does not open a merchant route", async () => {
      expect(
        (await suite.app.inject({ method: 'GET', url: '/api/me', headers: suite.buyer.headers })).statusCode,
      ).toBe(200)
      const res = await me(suite.buyer.token)
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ code: 'unauthorized' })
    })

    it("a staff token does not open a buyer's route", async () => {
      const { token } = await loggedIn('owner')
      expect((await me(token)).statusCode).toBe(200)
      for (const url of ['/api/me', '/api/orders']) {
        const res = await suite.app.inject({ method: 'GET', url, headers: bearer(token) })
        expect(res.statusCode).toBe(401)
        expect(res.json()).toMatchObject({ code: 'unauthorized' })
      }
    })
  })

  it('documents the merchant routes under the merchant tag, with the staff bearer token', async () => {
    const doc = (await suite.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    expect(doc.components.securitySchemes.staffToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    const operations = [
      doc.paths['/api/merchant/session'].post,
      doc.paths['/api/merchant/session'].delete,
      doc.paths['/api/merchant/me'].get,
    ]
    for (const operation of operations) expect(operation.tags).toEqual(['merchant'])
    expect(doc.paths['/api/merchant/me'].get.security).toEqual([{ staffToken: [] }])
  })
})
