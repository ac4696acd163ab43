/**
 * A corpus of malformed requests (faults-malformed-corpus.ts) against the server as `npm start`
 * runs it, over real HTTP: every one gets a 4xx with `{ code, message }`, never a 5xx, nothing is
 * ordered or reserved by any of them, and the server keeps serving: the whole corpus again at once,
 * then ordinary requests succeed. (Alipay's notify endpoint answers in Alipay's protocol, text
 * `success`/`fail`, and has its own suite: faults-notify.test.ts.)
 */
import net from 'node:net'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { Order } from '../../contract'
import { startShopServer, type ShopServer } from '../../tests/support/shop-server'
import { createTestBuyer, type TestBuyer } from '../testing/buyers'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import {
  MALFORMED_HTTP,
  MALFORMED_REQUESTS,
  NOT_IN_CORPUS,
  type MalformedRequest,
} from './faults-malformed-corpus'
import { httpRequest, type HttpAnswer } from './faults-http'
import { countOrders, newKey } from './orders-helpers'

let server: ShopServer
let buyer: TestBuyer
/** Staff accounts of each role, so a merchant route's body is read rather than refused at its guard. */
const staff = {} as Record<'staff' | 'owner', TestStaff>
const ids: Record<string, string> = {}

async function placeOrder(who: TestBuyer, key = newKey()): Promise<Order> {
  const res = await httpRequest('POST', `${server.baseUrl}/api/orders`, {
    body: { lines: [{ skuId: 'pencil-set-std', quantity: 1 }], address: SAMPLE_ADDRESS },
    headers: { ...who.headers, 'idempotency-key': key },
  })
  if (res.status !== 201) throw new Error(`order ${res.status} ${res.text}`)
  return res.json as Order
}

beforeAll(async () => {
  server = await startShopServer()
  buyer = await createTestBuyer(server.db)
  staff.staff = await loggedInStaff(server.db, 'staff')
  staff.owner = await loggedInStaff(server.db, 'owner')
  ids.key = newKey()
  ids.open = (await placeOrder(buyer, ids.key)).id
  ids.closed = (await placeOrder(buyer)).id
  const cancel = await httpRequest('POST', `${server.baseUrl}/api/orders/${ids.closed}/cancel`, {
    headers: buyer.headers,
  })
  expect(cancel.status).toBe(200)
  ids.foreign = (await placeOrder(await createTestBuyer(server.db))).id
})
afterAll(() => server.close())

const fill = (text: string) => text.replace(/\{(open|closed|foreign|key)\}/g, (_, name: string) => ids[name])

function send(request: MalformedRequest): Promise<HttpAnswer> {
  const headers: Record<string, string> = {}
  const auth = request.auth ?? 'buyer'
  if (auth === 'buyer') Object.assign(headers, buyer.headers)
  else if (auth === 'staff' || auth === 'owner') Object.assign(headers, staff[auth].headers)
  else if (auth !== 'none') headers.authorization = auth
  if (request.method === 'POST' && request.path === '/api/orders' && request.key !== false)
    headers['idempotency-key'] = newKey()
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = fill(value)
  if (request.raw !== undefined) headers['content-type'] = request.contentType ?? 'application/json'
  const body = request.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(request.body)))
  return httpRequest(request.method, `${server.baseUrl}${fill(request.path)}`, {
    body,
    rawBody: request.raw,
    headers,
  })
}

function expectRefused(res: HttpAnswer): void {
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  expect(res.json).toEqual(
    expect.objectContaining({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) }),
  )
  expect((res.json as { message: string }).message.length).toBeGreaterThan(0)
}

/** What no malformed request may change: orders, payments, the catalog, staff and the audit log. */
async function state() {
  const { db } = server
  return {
    orders: await countOrders(db),
    skus: await db.query('select id, price_fen, stock, active from skus order by id'),
    products: await db.query('select id, active from products order by id'),
    payments: await db.query('select count(*)::int as n from payments'),
    staff: await db.query('select count(*)::int as n from staff'),
    // A refused staff login is recorded by design (server/staff/login.ts): anything else is a change.
    auditLog: await db.query(`select count(*)::int as n from audit_log where action <> 'staff.login_failed'`),
  }
}

/** "METHOD /path/:param" for every route, from Fastify's route tree (HEAD and OPTIONS left out). */
function routesOf(tree: string): string[] {
  const routes: string[] = []
  const stack: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)/.exec(line)
    if (!match) continue
    const depth = match[1].length / 4
    stack.length = depth
    stack.push(match[2])
    const path = stack.join('').replace(/\/\//g, '/')
    for (const method of match[3].split(', '))
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`)
  }
  return routes
}

it('holds at least 50 requests, and one for every route but the listed exceptions', () => {
  expect(MALFORMED_REQUESTS.length).toBeGreaterThanOrEqual(50)
  const routes = routesOf(server.app.printRoutes({ commonPrefix: false }))
  expect(routes).toContain('POST /api/orders/:id/cancel')
  const excused = (route: string) =>
    Object.keys(NOT_IN_CORPUS).some((pattern) =>
      pattern.endsWith('*') ? route.startsWith(pattern.slice(0, -1)) : route === pattern,
    )
  const covered = (route: string) => {
    const [method, path] = route.split(' ')
    const pattern = new RegExp(`^${path.replace(/:[a-z]+/gi, '[^/]+')}(\\?|$)`)
    return MALFORMED_REQUESTS.some((r) => r.method === method && pattern.test(fill(r.path)))
  }
  expect(routes.filter((route) => !excused(route) && !covered(route))).toEqual([])
})

describe('each malformed request gets a 4xx { code, message }', () => {
  it.each(MALFORMED_REQUESTS.map((request) => [request.name, request] as const))(
    '%s',
    async (_name, request) => {
      const before = await state()
      const res = await send(request)
      expectRefused(res)
      // With a staff account's token the guard lets it in: the refusal is about the request itself.
      if (request.auth === 'staff' || request.auth === 'owner') expect([401, 403]).not.toContain(res.status)
      expect(await state()).toEqual(before)
    },
  )
})

/** Writes raw bytes and reads the answer until the server closes the connection. */
function rawExchange(text: string): Promise<string> {
  const { port } = new URL(server.baseUrl)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1')
    const chunks: Buffer[] = []
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.write(text, 'latin1')
  })
}

describe('requests HTTP itself refuses get a 4xx { code, message } too', () => {
  it.each(MALFORMED_HTTP)('%s', async (_name, text) => {
    const answer = await rawExchange(text)
    const [head, body] = answer.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 4\d\d /)
    expect(JSON.parse(body)).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    )
  })
})

it('keeps serving: the whole corpus at once, then ordinary requests succeed', async () => {
  const before = await state()
  const answers = await Promise.all([
    ...MALFORMED_REQUESTS.map(send),
    ...MALFORMED_HTTP.map(([, text]) => rawExchange(text)),
  ])
  const statuses = answers.map((a) => (typeof a === 'string' ? Number(a.slice(9, 12)) : a.status))
  expect(statuses.filter((status) => status < 400 || status >= 500)).toEqual([])
  expect(await state()).toEqual(before)

  expect((await httpRequest('GET', `${server.baseUrl}/healthz`)).status).toBe(200)
  expect((await httpRequest('GET', `${server.baseUrl}/api/products?pageSize=5`)).status).toBe(200)
  const order = await placeOrder(buyer)
  const read = await httpRequest('GET', `${server.baseUrl}/api/orders/${order.id}`, {
    headers: buyer.headers,
  })
  expect([read.status, (read.json as Order).status]).toEqual([200, 'awaiting_payment'])
})
