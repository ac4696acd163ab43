/**
 * Issue 16: the console's cookie sessions (server/console): the cookie's flags, one 401 for any
 * wrong credentials, the shared staff login budget, reload, logout and disabled accounts.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiErrorBody, ConsoleSession } from '../../contract'
import { CONSOLE_CSRF_HEADER } from '../../contract'
import { cookieIsSecure } from '../console/cookie'
import { disableStaff } from '../staff/repository'
import { buildTestApp } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { expectRateLimited, limitedRequest, tightLimits } from './abuse-rate-limit-helpers'
import { CONSOLE_SESSION_URL, consoleLogin, postLogin } from './console-helpers'
import { createTestStaff } from './staff-helpers'

describeEachDatabase('console sessions', (getDb) => {
  const suite = appForSuite(getDb)
  const others: FastifyInstance[] = []
  afterAll(async () => {
    for (const app of others) await app.close()
  })
  const otherApp = async (overrides: Parameters<typeof buildTestApp>[1]) => {
    const app = await buildTestApp(getDb(), overrides)
    others.push(app)
    return app
  }
  const getSession = (cookie?: string) =>
    suite.app.inject({ method: 'GET', url: CONSOLE_SESSION_URL, headers: cookie ? { cookie } : {} })

  it('logs in with a HttpOnly, SameSite=Strict cookie, not Secure on http://127.0.0.1', async () => {
    const staff = await createTestStaff(getDb(), 'owner')
    const { setCookie, session } = await consoleLogin(suite.app, staff)
    const flags = setCookie.split('; ')
    expect(flags).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/merchant', 'Max-Age=43200']),
    )
    expect(flags).not.toContain('Secure')
    expect(session).toEqual({
      staff: { name: staff.name, role: 'owner' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    })
  })

  it('sets Secure when PUBLIC_URL is https (or not this machine)', async () => {
    const app = await otherApp({ publicUrl: 'https://shop.example.com' })
    const staff = await createTestStaff(getDb())
    const { setCookie } = await consoleLogin(app, staff)
    expect(setCookie.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict']))
    expect(cookieIsSecure('http://192.168.1.20:3000')).toBe(true)
    expect(cookieIsSecure('http://localhost:3000')).toBe(false)
    expect(cookieIsSecure('http://[::1]:3000')).toBe(false)
  })

  it('answers the same 401 for a wrong name and a wrong password, and sets no cookie', async () => {
    const staff = await createTestStaff(getDb())
    const wrongName = await postLogin(suite.app, { name: 'nobody-here', password: staff.password })
    const wrongPassword = await postLogin(suite.app, { name: staff.name, password: 'not the password' })
    for (const res of [wrongName, wrongPassword]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    const withoutRequestId = ({ requestId: _differs, ...body }: ApiErrorBody) => body
    expect(withoutRequestId(wrongName.json())).toEqual(withoutRequestId(wrongPassword.json()))
    expect(wrongName.json<ApiErrorBody>()).toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong name or password.',
    })
  })

  it('spends the staff login budget that POST /api/merchant/session spends', async () => {
    const app = await otherApp({ limits: tightLimits(1, 1000) })
    const remoteAddress = '10.16.0.1'
    expect((await limitedRequest(app, 'staffLogin', remoteAddress)).statusCode).toBe(401)
    const credentials = { name: 'nobody', password: 'not the password' }
    const console = () =>
      app.inject({ method: 'POST', url: CONSOLE_SESSION_URL, remoteAddress, payload: credentials })
    expectRateLimited(await console())
    // …and the other way round, from another address.
    const elsewhere = () =>
      app.inject({
        method: 'POST',
        url: CONSOLE_SESSION_URL,
        remoteAddress: '10.16.0.2',
        payload: credentials,
      })
    expect((await elsewhere()).statusCode).toBe(401)
    expectRateLimited(await limitedRequest(app, 'staffLogin', '10.16.0.2'))
  })

  it('answers the session again for a page reload, and 401 without a cookie', async () => {
    const staff = await createTestStaff(getDb())
    const login = await consoleLogin(suite.app, staff)
    const reload = await getSession(login.cookie)
    expect(reload.statusCode).toBe(200)
    expect(reload.json<ConsoleSession>()).toEqual(login.session)
    expect(reload.headers['cache-control']).toBe('no-store') // it carries the CSRF token
    const anonymous = await getSession()
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json<ApiErrorBody>().code).toBe('unauthorized')
    expect((await getSession('shop_console=' + 'x'.repeat(43))).statusCode).toBe(401)

    await getDb().query(
      `update staff_sessions set expires_at = now() - interval '1 second' where staff_id = $1`,
      [staff.id],
    )
    const expired = await getSession(login.cookie)
    expect(expired.statusCode).toBe(401)
    expect(expired.json<ApiErrorBody>().code).toBe('session_expired')
    expect(String(expired.headers['set-cookie'])).toContain('Max-Age=0')
  })

  it('ends the session a new login replaces (the old cookie stops working at once)', async () => {
    const staff = await createTestStaff(getDb())
    const first = await consoleLogin(suite.app, staff)
    const second = await postLogin(suite.app, staff, { cookie: first.cookie })
    expect(second.statusCode).toBe(201)
    expect((await getSession(first.cookie)).statusCode).toBe(401)
    const secondCookie = String(second.headers['set-cookie']).split(';')[0]
    expect((await getSession(secondCookie)).statusCode).toBe(200)
  })

  it('logs out with the CSRF token only; the session ends server-side and the cookie is cleared', async () => {
    const staff = await createTestStaff(getDb())
    const login = await consoleLogin(suite.app, staff)
    const logout = (headers: Record<string, string>) =>
      suite.app.inject({ method: 'DELETE', url: CONSOLE_SESSION_URL, headers })

    const withoutToken = await logout({ cookie: login.cookie })
    expect(withoutToken.statusCode).toBe(403)
    expect(withoutToken.json<ApiErrorBody>().code).toBe('csrf_failed')
    expect((await getSession(login.cookie)).statusCode).toBe(200)

    const done = await logout(login.headers)
    expect(done.statusCode).toBe(204)
    expect(String(done.headers['set-cookie'])).toMatch(/^shop_console=; Path=\/api\/merchant; Max-Age=0;/)
    expect((await getSession(login.cookie)).statusCode).toBe(401)
    const orders = await suite.app.inject({
      method: 'GET',
      url: '/api/merchant/orders',
      headers: { cookie: login.cookie },
    })
    expect(orders.statusCode).toBe(401)
    const rows = await getDb().query('select 1 from staff_sessions where staff_id = $1', [staff.id])
    expect(rows).toHaveLength(0)
  })

  it("stops a disabled account's cookie", async () => {
    const staff = await createTestStaff(getDb())
    const login = await consoleLogin(suite.app, staff)
    const orders = () =>
      suite.app.inject({ method: 'GET', url: '/api/merchant/orders', headers: { cookie: login.cookie } })
    expect((await orders()).statusCode).toBe(200)
    await disableStaff(getDb(), staff.id)
    expect((await orders()).statusCode).toBe(401)
    expect((await getSession(login.cookie)).statusCode).toBe(401)
  })

  it('refuses a login or a change whose Origin is another site', async () => {
    const staff = await createTestStaff(getDb())
    const foreign = { origin: 'https://evil.example.com' }
    const login = await postLogin(suite.app, staff, foreign)
    expect(login.statusCode).toBe(403)
    expect(login.json<ApiErrorBody>().code).toBe('csrf_failed')
    expect(login.headers['set-cookie']).toBeUndefined()

    const ok = await consoleLogin(suite.app, staff)
    const logout = (headers: Record<string, string>) =>
      suite.app.inject({ method: 'DELETE', url: CONSOLE_SESSION_URL, headers: { ...ok.headers, ...headers } })
    expect((await logout(foreign)).statusCode).toBe(403)
    expect((await logout({ origin: 'null' })).statusCode).toBe(403)
    // Its own origin: the public one (http://127.0.0.1:3000 here) or the one the request was sent to.
    expect((await logout({ origin: 'http://shop.test:8080', host: 'shop.test:8080' })).statusCode).toBe(204)
  })

  it("accepts the browser's Origin for a PUBLIC_URL with a default port, capitals or a path (behind TLS)", async () => {
    // Behind a TLS proxy the request arrives as plain http: only PUBLIC_URL's origin can match.
    for (const publicUrl of ['https://Shop.example.com:443', 'https://shop.example.com/shop']) {
      const app = await otherApp({ publicUrl })
      const login = await postLogin(app, await createTestStaff(getDb()), {
        origin: 'https://shop.example.com',
      })
      expect(login.statusCode).toBe(201)
      const page = await app.inject({ method: 'GET', url: '/admin/' })
      expect(page.headers['content-security-policy']).toContain(
        "img-src 'self' data: blob: https://shop.example.com;",
      )
    }
  })

  it('lets no other origin use the cookie through CORS', async () => {
    const preflight = await suite.app.inject({
      method: 'OPTIONS',
      url: CONSOLE_SESSION_URL,
      headers: {
        origin: 'https://evil.example.com',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': CONSOLE_CSRF_HEADER,
      },
    })
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined()
    expect(String(preflight.headers['access-control-allow-headers'])).not.toContain(CONSOLE_CSRF_HEADER)
    const read = await suite.app.inject({
      method: 'GET',
      url: CONSOLE_SESSION_URL,
      headers: { origin: 'https://evil.example.com' },
    })
    expect(read.headers['access-control-allow-credentials']).toBeUndefined()
  })
})
