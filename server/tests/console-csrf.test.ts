/**
 * Issue 16: a console cookie changes nothing without its CSRF token (server/console/csrf.ts), on
 * the shipment route, the image upload and every other state-changing merchant route, present and
 * future; a bearer token needs none, and when one is sent it is the only credential.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ApiErrorBody } from '../../contract'
import { CONSOLE_CSRF_HEADER } from '../../contract'
import { IMAGES_DIR, uploadsDirOf } from '../catalog/images'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { consoleLogin, CONSOLE_SESSION_URL, type ConsoleLogin } from './console-helpers'
import { loggedInStaff, shipAs } from './merchant-helpers'
import { FULFILMENT_SKU, paidOrder, SHIPMENT } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'
import { createTestStaff } from './staff-helpers'

const STATE_CHANGING = ['post', 'put', 'patch', 'delete']

const PNG = fs.readFileSync(path.join(IMAGES_DIR, 'mug-ceramic.png'))

describeEachDatabase('console CSRF', (getDb) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-csrf-'))
  const suite = appForSuite(getDb, { dataDir })
  let login: ConsoleLogin
  /** The files in the uploads directory (none while it does not exist). */
  const uploads = () => (fs.existsSync(uploadsDirOf(dataDir)) ? fs.readdirSync(uploadsDirOf(dataDir)) : [])

  beforeAll(async () => {
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    login = await consoleLogin(suite.app, await createTestStaff(getDb(), 'owner'))
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const expectCsrfFailed = (res: { statusCode: number; json: <T>() => T }) => {
    expect(res.statusCode).toBe(403)
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'csrf_failed',
      message: expect.stringContaining(CONSOLE_CSRF_HEADER),
    })
  }

  it('ships with the cookie only when the right CSRF token comes along', async () => {
    const orderId = await paidOrder(getDb(), suite.buyer.buyer.id)
    expectCsrfFailed(await shipAs(suite.app, { cookie: login.cookie }, orderId, SHIPMENT))
    expectCsrfFailed(
      await shipAs(
        suite.app,
        { cookie: login.cookie, [CONSOLE_CSRF_HEADER]: 'x'.repeat(43) },
        orderId,
        SHIPMENT,
      ),
    )
    const [{ status }] = await getDb().query<{ status: string }>('select status from orders where id = $1', [
      orderId,
    ])
    expect(status).toBe('paid')
    const shipped = await shipAs(suite.app, login.headers, orderId, SHIPMENT)
    expect(shipped.statusCode).toBe(200)
  })

  it('stores an uploaded image with the cookie only when the CSRF token comes along', async () => {
    const upload = (headers: Record<string, string>) =>
      suite.app.inject({
        method: 'POST',
        url: '/api/merchant/images',
        headers: { ...headers, 'content-type': 'image/png' },
        payload: PNG,
      })
    expectCsrfFailed(await upload({ cookie: login.cookie }))
    expect(uploads()).toEqual([])
    expect((await upload(login.headers)).statusCode).toBe(201)
    expect(uploads()).toHaveLength(1)
  })

  it('reads with the cookie alone (GET needs no token)', async () => {
    const res = await suite.app.inject({
      method: 'GET',
      url: '/api/merchant/orders',
      headers: { cookie: login.cookie },
    })
    expect(res.statusCode).toBe(200)
  })

  it('needs no CSRF token with a bearer token (not an ambient credential)', async () => {
    const orderId = await paidOrder(getDb(), suite.buyer.buyer.id)
    const staff = await loggedInStaff(getDb())
    // Even beside a console cookie: the bearer token is the credential, and no page sends it unasked.
    const headers = { ...staff.headers, cookie: login.cookie }
    expect((await shipAs(suite.app, headers, orderId, SHIPMENT)).statusCode).toBe(200)
    const [{ shipped_by: shippedBy }] = await getDb().query<{ shipped_by: string }>(
      'select shipped_by::text from orders where id = $1',
      [orderId],
    )
    expect(shippedBy).toBe(staff.id)
  })

  it('refuses an unknown bearer token with 401 even beside a good cookie and CSRF token (no fallback)', async () => {
    const orderId = await paidOrder(getDb(), suite.buyer.buyer.id)
    const headers = { ...login.headers, authorization: `Bearer ${'j'.repeat(43)}` }
    const res = await shipAs(suite.app, headers, orderId, SHIPMENT)
    expect([res.statusCode, res.json<ApiErrorBody>().code]).toEqual([401, 'unauthorized'])
    const [{ status }] = await getDb().query<{ status: string }>('select status from orders where id = $1', [
      orderId,
    ])
    expect(status).toBe('paid')
  })

  it('guards every state-changing merchant route, checked before its body or its guard', async () => {
    await suite.app.ready()
    const { paths } = suite.app.swagger() as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(paths)
      .filter(([url]) => url.startsWith('/api/merchant/'))
      .flatMap(([url, methods]) =>
        Object.keys(methods)
          .filter((method) => STATE_CHANGING.includes(method))
          .map((method) => ({ method: method.toUpperCase(), url: url.replace(/\{[^}]+\}/g, '1') })),
      )
      // Logging in opens the session: there is no token yet (its Origin is checked instead).
      .filter(({ method, url }) => !(method === 'POST' && url === CONSOLE_SESSION_URL))
    expect(routes.length).toBeGreaterThanOrEqual(8)
    // Raw image bodies have a content-type parser of their own; the check comes before it too.
    expect(routes).toContainEqual({ method: 'POST', url: '/api/merchant/images' })
    for (const { method, url } of routes) {
      const res = await suite.app.inject({
        method: method as 'POST',
        url,
        headers: { cookie: login.cookie },
        payload: {},
      })
      expect(`${method} ${url} → ${res.statusCode} ${res.json<ApiErrorBody>().code}`).toBe(
        `${method} ${url} → 403 csrf_failed`,
      )
    }
  })
})
