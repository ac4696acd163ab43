/**
 * Login end to end: POST /api/session → the real alipay-sdk → the simulator over HTTP →
 * buyer and session in the database; then GET /api/me and DELETE /api/session.
 */
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import { migrate } from '../db'
import {
  startSimulator,
  TEST_APP_ID,
  testCertificateAuthority,
  testKeyMode,
  testKeys,
  type ClientOverrides,
} from '../alipay-simulator/test-harness'
import { testConfig } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'

const SESSION_TTL_SECONDS = 3600

const sim = simulatorForSuite({
  apps: [
    { appId: TEST_APP_ID, keys: testKeys().app },
    { appId: '2021000000000077', keys: testKeys().app, idMode: 'open_id' },
  ],
})

describeEachDatabase('session API', (getDb) => {
  let app: FastifyInstance
  beforeAll(async () => {
    await migrate(getDb())
    app = await buildApp({
      db: getDb(),
      config: testConfig({ sessionTtlSeconds: SESSION_TTL_SECONDS }),
      alipay: { client: sim.client() },
    })
  })
  afterAll(async () => {
    await app.close()
  })

  const login = (authCode: unknown) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { authCode } })
  const me = (token?: string) =>
    app.inject({ method: 'GET', url: '/api/me', headers: token ? { authorization: `Bearer ${token}` } : {} })
  const logout = (token?: string) =>
    app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  async function loginAs(buyer: string) {
    const issued = await sim.issueAuthCode(buyer)
    const res = await login(issued.authCode)
    expect(res.statusCode).toBe(201)
    return { issued, session: res.json() }
  }

  it('logs in with an auth code: 201 Session, and GET /api/me answers with the buyer', async () => {
    const before = Date.now()
    const { issued, session } = await loginAs('buyer-1')
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    const userId: string = issued.buyer.userId
    expect(session.buyer).toEqual({
      id: expect.any(String),
      alipayIdKind: 'user_id',
      alipayIdMasked: `${userId.slice(0, 4)}****${userId.slice(-4)}`,
    })
    const expiresIn = Date.parse(session.expiresAt) - before
    expect(expiresIn).toBeGreaterThan((SESSION_TTL_SECONDS - 60) * 1000)
    expect(expiresIn).toBeLessThan((SESSION_TTL_SECONDS + 60) * 1000)

    const res = await me(session.token)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(session.buyer)
  })

  it('knows the same buyer again, and tells different buyers apart', async () => {
    const first = await loginAs('buyer-2')
    const second = await loginAs('buyer-2')
    const other = await loginAs('buyer-3')
    expect(second.session.buyer.id).toBe(first.session.buyer.id)
    expect(second.session.token).not.toBe(first.session.token)
    expect(other.session.buyer.id).not.toBe(first.session.buyer.id)
  })

  it('logs out: the token stops working, and logging out again is fine', async () => {
    const { session } = await loginAs('buyer-4')
    expect((await logout(session.token)).statusCode).toBe(204)
    const after = await me(session.token)
    expect(after.statusCode).toBe(401)
    expect(after.json()).toMatchObject({ code: 'unauthorized' })
    expect((await logout(session.token)).statusCode).toBe(204)
    expect((await logout()).statusCode).toBe(204)
  })

  it('answers 401 session_expired once the session has expired', async () => {
    const { session } = await loginAs('buyer-5')
    expect((await me(session.token)).statusCode).toBe(200)
    await getDb().query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [
      session.buyer.id,
    ])
    const res = await me(session.token)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({
      code: 'session_expired',
      message: expect.any(String),
      requestId: expect.any(String),
    })
  })

  it('answers 401 unauthorized without a token, or with a garbage or unknown one', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer ' },
      { authorization: 'Bearer not a token' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: `Bearer ${'x'.repeat(43)}` },
    ]) {
      const res = await app.inject({ method: 'GET', url: '/api/me', headers })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ code: 'unauthorized', message: expect.any(String) })
    }
  })

  it('answers 400 auth_code_invalid when Alipay refuses the code (reused, unknown)', async () => {
    const { authCode } = await sim.issueAuthCode()
    expect((await login(authCode)).statusCode).toBe(201)
    for (const code of [authCode, 'neverissued']) {
      const res = await login(code)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({
        code: 'auth_code_invalid',
        message: expect.stringContaining('auth code'),
      })
    }
  })

  it('answers 400 bad_request to malformed login bodies', async () => {
    const cases = [
      app.inject({ method: 'POST', url: '/api/session', payload: {} }),
      login({ nested: 'abc' }),
      login(null),
      login(''),
      login('has spaces'),
      login('x'.repeat(129)),
      app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'content-type': 'application/json' },
        payload: '{oops',
      }),
    ]
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) })
    }
  })

  it('documents the routes in OpenAPI with the contract schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    expect(doc.paths['/api/session'].post.requestBody.content['application/json'].schema).toMatchObject({
      required: ['authCode'],
    })
    expect(doc.paths['/api/session'].post.responses).toHaveProperty('201')
    expect(doc.paths['/api/session'].delete.responses).toHaveProperty('204')
    expect(doc.paths['/api/me'].get.responses).toHaveProperty('401')
  })

  it('stores open_id buyers for apps on OpenID', async () => {
    const openIdApp = await buildApp({
      db: getDb(),
      config: testConfig(),
      alipay: { client: sim.client('2021000000000077') },
    })
    try {
      const issued = await sim.issueAuthCode('buyer-1', '2021000000000077')
      const res = await openIdApp.inject({
        method: 'POST',
        url: '/api/session',
        payload: { authCode: issued.authCode },
      })
      expect(res.statusCode).toBe(201)
      expect(res.json().buyer).toMatchObject({
        alipayIdKind: 'open_id',
        alipayIdMasked: expect.stringMatching(/^0\w{3}\*{4}\w{4}$/),
      })
      const rows = await getDb().query<{ alipay_open_id: string }>(
        'select alipay_open_id from users where id = $1',
        [res.json().buyer.id],
      )
      expect(rows[0].alipay_open_id).toBe(issued.buyer.openId)
    } finally {
      await openIdApp.close()
    }
  })
})

describeEachDatabase('session API when Alipay is unavailable', (getDb) => {
  beforeAll(async () => {
    await migrate(getDb())
  })

  it('answers 502 alipay_unavailable, saying what to check, when the gateway is down', async () => {
    const down = await startSimulator()
    await down.close()
    const app = await buildApp({ db: getDb(), config: testConfig(), alipay: { client: down.client() } })
    try {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { authCode: 'abc123' } })
      expect(res.statusCode).toBe(502)
      expect(res.json()).toMatchObject({
        code: 'alipay_unavailable',
        message: expect.stringContaining('ALIPAY_GATEWAY'),
      })
      expect(res.json().message).toContain(down.gateway)
    } finally {
      await app.close()
    }
  })

  it.each<[string, string, ClientOverrides]>([
    [
      'the answer fails verification (wrong ALIPAY_PUBLIC_KEY, or ALIPAY_PUBLIC_CERT_PATH in certificate mode)',
      testKeyMode() === 'cert' ? 'ALIPAY_PUBLIC_CERT_PATH' : 'ALIPAY_PUBLIC_KEY',
      { alipayPublicKey: testKeys().app.publicKey },
    ],
    [
      'Alipay rejects our signature (wrong ALIPAY_PRIVATE_KEY)',
      'ALIPAY_PRIVATE_KEY',
      { privateKey: testKeys().simulator.privateKey },
    ],
    ...(testKeyMode() === 'cert'
      ? [
          [
            'Alipay does not know our app certificate (wrong ALIPAY_APP_CERT_PATH)',
            'ALIPAY_APP_CERT_PATH',
            { appCert: testCertificateAuthority().issue(TEST_APP_ID, testKeys().app.publicKey) },
          ] satisfies [string, string, ClientOverrides],
        ]
      : []),
  ])('answers 502 alipay_unavailable, naming the key to check, when %s', async (_when, key, keys) => {
    const client = sim.client(undefined, keys)
    const app = await buildApp({ db: getDb(), config: testConfig(), alipay: { client } })
    try {
      const { authCode } = await sim.issueAuthCode()
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { authCode } })
      expect(res.statusCode).toBe(502)
      expect(res.json()).toMatchObject({ code: 'alipay_unavailable', message: expect.stringContaining(key) })
    } finally {
      await app.close()
    }
  })

  it('answers 502 alipay_unavailable when no Alipay client is configured', async () => {
    const app = await buildApp({ db: getDb(), config: testConfig() })
    try {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { authCode: 'abc' } })
      expect(res.statusCode).toBe(502)
      expect(res.json()).toMatchObject({ code: 'alipay_unavailable' })
    } finally {
      await app.close()
    }
  })
})
