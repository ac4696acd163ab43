/**
 * Issue 14 #2: request budgets (server/limits/rate-limit.ts) on login, staff login, order
 * creation, opening a payment (API and web-view), deposits, web-view tickets and after-sales,
 * per buyer and per client address; 429 `rate_limited` with Retry-After; RATE_LIMIT=0 turns them
 * off; an unreachable counter store lets requests through (fail open) with a warning.
 */
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import { loadConfig } from '../config'
import { readHttpSettings } from '../http/http-settings'
import { LIMITED_ACTIONS, RATE_WINDOW_MS, readLimits } from '../limits/config'
import { buildTestApp, testConfig } from '../testing/app'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { expectRateLimited, limitedRequest, tightLimits } from './abuse-rate-limit-helpers'
import { setStock } from './orders-helpers'

let addressCounter = 0
/** A client address no other test used, so only this test's requests count against it. */
const freshAddress = () => `10.14.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`

describeEachDatabase('request budgets', (getDb) => {
  const apps: FastifyInstance[] = []
  const appWith = async (limits = tightLimits(1, 1000)) => {
    const app = await buildTestApp(getDb(), { limits })
    apps.push(app)
    return app
  }
  const newBuyer = () => createTestBuyer(getDb())

  beforeAll(async () => {
    await prepareDatabase(getDb())
    await setStock(getDb(), 'pencil-set-std', 10_000)
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
  })

  it('counts in windows of one minute, on by default', () => {
    expect(RATE_WINDOW_MS).toBe(60_000)
    const limits = loadConfig({}).limits.rate
    expect(limits.enabled).toBe(true)
    expect(limits.perMinute).toEqual({
      login: 30,
      staffLogin: 10,
      createOrder: 20,
      openPayment: 30,
      createDeposit: 10,
      webviewTicket: 20,
      afterSales: 10,
    })
    expect(limits.addressPerMinute).toBe(600)
  })

  it.each(LIMITED_ACTIONS)(
    '%s: the request over budget gets 429 rate_limited with Retry-After',
    async (action) => {
      const app = await appWith()
      const address = freshAddress()
      const buyer = action === 'login' || action === 'staffLogin' ? undefined : await newBuyer()
      const first = await limitedRequest(app, action, address, buyer)
      expect(first.statusCode).not.toBe(429)
      expectRateLimited(await limitedRequest(app, action, address, buyer))
    },
  )

  it('opening a payment from the web view (a ticket, no session) counts per address', async () => {
    const app = await appWith()
    const address = freshAddress()
    expect((await limitedRequest(app, 'openPayment', address)).statusCode).not.toBe(429)
    expectRateLimited(await limitedRequest(app, 'openPayment', address))
    expect((await limitedRequest(app, 'openPayment', freshAddress())).statusCode).not.toBe(429)
  })

  it('counts per buyer: another buyer at the same address still orders', async () => {
    const app = await appWith(tightLimits(2, 1000))
    const address = freshAddress()
    const [greedy, other] = [await newBuyer(), await newBuyer()]
    for (let n = 0; n < 2; n++)
      expect((await limitedRequest(app, 'createOrder', address, greedy)).statusCode).toBe(201)
    expectRateLimited(await limitedRequest(app, 'createOrder', address, greedy))
    // The same buyer from another address is the same buyer.
    expectRateLimited(await limitedRequest(app, 'createOrder', freshAddress(), greedy))
    expect((await limitedRequest(app, 'createOrder', address, other)).statusCode).toBe(201)
  })

  it('counts per address across buyers and actions: a fresh buyer from a busy address is refused', async () => {
    const app = await appWith(tightLimits(100, 3))
    const busy = freshAddress()
    expect((await limitedRequest(app, 'login', busy)).statusCode).not.toBe(429)
    expect((await limitedRequest(app, 'createOrder', busy, await newBuyer())).statusCode).toBe(201)
    expect((await limitedRequest(app, 'createDeposit', busy, await newBuyer())).statusCode).not.toBe(429)
    expectRateLimited(await limitedRequest(app, 'createOrder', busy, await newBuyer()))
    expect((await limitedRequest(app, 'createOrder', freshAddress(), await newBuyer())).statusCode).toBe(201)
  })

  it('leaves other routes alone', async () => {
    const app = await appWith()
    const buyer = await newBuyer()
    for (let n = 0; n < 5; n++) {
      const res = await app.inject({ method: 'GET', url: '/api/orders', headers: buyer.headers })
      expect(res.statusCode).toBe(200)
    }
  })

  it('RATE_LIMIT=0 turns the budgets off', async () => {
    const limits = tightLimits(1, 1, { RATE_LIMIT: '0' })
    expect(limits.rate.enabled).toBe(false)
    const app = await appWith(limits)
    const address = freshAddress()
    for (let n = 0; n < 4; n++) expect((await limitedRequest(app, 'login', address)).statusCode).not.toBe(429)
  })

  it('lets requests through, with a warning, when the counter store is unreachable (fail open)', async () => {
    const logged: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString())
        done()
      },
    })
    // Nothing listens on port 1: every Redis call fails at once.
    const limits = tightLimits(1, 1, { REDIS_URL: 'redis://127.0.0.1:1' })
    const app = await buildApp({
      db: getDb(),
      config: testConfig({ limits, logLevel: 'warn' }),
      logger: { stream },
    })
    apps.push(app)
    const address = freshAddress()
    for (let n = 0; n < 3; n++) {
      const res = await limitedRequest(app, 'login', address)
      expect([400, 502]).toContain(res.statusCode)
    }
    expect(logged.join('')).toContain('rate limits: the counter store failed')
  })

  it.each([
    [true, 'counts each client behind a trusted proxy on its own, by the address the proxy appended'],
    [false, 'counts everyone behind an untrusted proxy as the proxy: X-Forwarded-For is not believed'],
  ])('TRUST_PROXY (the proxy listed: %s) %s', async (listed) => {
    const proxy = freshAddress()
    const app = await buildTestApp(getDb(), {
      limits: tightLimits(1, 1000),
      http: { ...testConfig().http, trustProxy: listed ? [proxy] : [] },
    })
    apps.push(app)
    // The proxy appends the address it saw; what the client wrote itself comes first.
    const login = (client: string, claimed = '198.51.100.7') =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: proxy,
        headers: { 'x-forwarded-for': `${claimed}, ${client}` },
        payload: { authCode: 'not-a-real-code' },
      })
    expect((await login('203.0.113.1')).statusCode).not.toBe(429)
    // Claiming another address does not make the same client someone else.
    expectRateLimited(await login('203.0.113.1', '198.51.100.8'))
    const otherClient = await login('203.0.113.2')
    if (listed) expect(otherClient.statusCode).not.toBe(429)
    else expectRateLimited(otherClient)
  })

  it('reads TRUST_PROXY as a list of addresses, and says what to set otherwise', () => {
    expect(readHttpSettings({}).trustProxy).toEqual([])
    expect(readHttpSettings({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback',
    ])
    // A bare "true" or a hop count would believe whatever the client writes first.
    for (const value of ['1', 'true', 'proxy.example.com']) {
      expect(() => readHttpSettings({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must list your proxies/)
    }
  })

  it('says what to set when a budget is malformed', () => {
    expect(() => readLimits({ RATE_LIMIT_ORDERS_PER_MINUTE: 'lots' })).toThrow(
      'RATE_LIMIT_ORDERS_PER_MINUTE must be a whole number from 1 to 1000000 (got "lots"). Default: RATE_LIMIT_ORDERS_PER_MINUTE=20.',
    )
    expect(() => readLimits({ RATE_LIMIT: 'off' })).toThrow(/RATE_LIMIT must be 1, true, 0 or false/)
    expect(() => readLimits({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\//)
    expect(() => readLimits({ MAX_UNPAID_ORDERS_PER_BUYER: '-1' })).toThrow(/MAX_UNPAID_ORDERS_PER_BUYER/)
  })
})
