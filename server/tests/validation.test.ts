import type { FastifyInstance } from 'fastify'
import type { ProductPage } from '../../contract'
import { buildTestApp } from '../testing/app'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'

// HTTP-level behaviour does not depend on the database backend, so PGlite suffices here.
let testDb: TestDatabase
let app: FastifyInstance

beforeAll(async () => {
  testDb = await createPgliteTestDatabase()
  await prepareDatabase(testDb.db)
  app = await buildTestApp(testDb.db)
  // Test-only routes to exercise body parsing and unexpected failures.
  app.post('/test/echo', async (request) => ({ received: request.body }))
  app.get('/test/boom', async () => {
    throw new Error('secret detail: connection string postgres://admin:hunter2@db')
  })
})
afterAll(async () => {
  await app.close()
  await testDb.dispose()
})

describe('malformed paging', () => {
  const corpus: Array<[string, RegExp]> = [
    ['page=abc', /querystring\/page must be integer/],
    ['page=0', /querystring\/page must be >= 1/],
    ['page=-1', /querystring\/page must be >= 1/],
    ['page=1.5', /querystring\/page must be integer/],
    ['page=1e400', /querystring\/page must be integer/],
    ['page=1e3', /querystring\/page must be integer/],
    ['page=%205', /querystring\/page must be integer/],
    ['page=+5', /querystring\/page must be integer/],
    ['page=-1e400', /querystring\/page/],
    ['page=99999999999999999999', /querystring\/page must be <= 10000/],
    ['page=1&page=2', /querystring\/page/],
    ['page=', /querystring\/page/],
    ['page=%20', /querystring\/page/],
    ['page=0x10', /querystring\/page/],
    ['page=NaN', /querystring\/page/],
    ['page=Infinity', /querystring\/page/],
    ['page=true', /querystring\/page/],
    ['pageSize=0', /querystring\/pageSize must be >= 1/],
    ['pageSize=51', /querystring\/pageSize must be <= 50/],
    ['pageSize=abc', /querystring\/pageSize/],
    ['pageSize=1e400', /querystring\/pageSize/],
    ['categoryId=', /querystring\/categoryId/],
    ['categoryId=Apparel', /querystring\/categoryId/],
    ['categoryId=a&categoryId=b', /querystring\/categoryId/],
    ['q=', /querystring\/q/],
    [`q=${'x'.repeat(51)}`, /querystring\/q/],
    // PostgreSQL text cannot hold NUL (it would be a 500), and no control character belongs in a search.
    ['q=%00', /querystring\/q must match pattern/],
    ['q=a%00b', /querystring\/q must match pattern/],
    ['q=%01', /querystring\/q must match pattern/],
    ['q=a%09b', /querystring\/q must match pattern/],
    ['q=a%0Ab', /querystring\/q must match pattern/],
    ['q=%1F', /querystring\/q must match pattern/],
    ['q=%7F', /querystring\/q must match pattern/],
    ['q=%C2%85', /querystring\/q must match pattern/],
    ['categoryId=%00', /querystring\/categoryId must match pattern/],
    ['categoryId=a%00b', /querystring\/categoryId must match pattern/],
  ]

  it.each(corpus)('GET /api/products?%s → 400 bad_request', async (query, message) => {
    const res = await app.inject({ method: 'GET', url: `/api/products?${query}` })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body).toEqual({
      code: 'bad_request',
      message: expect.stringMatching(message),
      requestId: expect.any(String),
    })
  })

  it.each(['%00', 'a%00b', '%0A', 'tshirt-classic%00', '%7F'])(
    'GET /api/products/%s → 400 bad_request',
    async (id) => {
      const res = await app.inject({ method: 'GET', url: `/api/products/${id}` })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/params\/id/) })
    },
  )

  it.each(['q=%ff', 'q=%E4%B8', 'q=%ED%A0%80', 'q=%', 'q=%zz', 'q=a%2500b', 'categoryId=%ff'])(
    'never answers GET /api/products?%s with a 500',
    async (query) => {
      const res = await app.inject({ method: 'GET', url: `/api/products?${query}` })
      expect([200, 400]).toContain(res.statusCode)
    },
  )

  it('still searches ordinary text with spaces, punctuation and CJK', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/products?q=${encodeURIComponent('T恤')}`,
    })
    expect(res.statusCode).toBe(200)
    const spaced = await app.inject({ method: 'GET', url: '/api/products?q=Classic%20Cotton' })
    expect(spaced.json<ProductPage>().items.map((p) => p.id)).toEqual(['tshirt-classic'])
  })

  it('ignores unknown query parameters', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/products?pageSize=5&utm_source=x&page=2' })
    expect(res.statusCode).toBe(200)
    expect(res.json<ProductPage>()).toMatchObject({ page: 2, pageSize: 5, total: 36, hasMore: true })
  })

  it('accepts the largest valid values', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/products?page=10000&pageSize=50' })
    expect(res.statusCode).toBe(200)
    expect(res.json<ProductPage>()).toMatchObject({ items: [], page: 10000, pageSize: 50, hasMore: false })
  })
})

describe('error shape', () => {
  it('answers unknown routes with 404 not_found', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope?x=1' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({
      code: 'not_found',
      message: 'No route for GET /api/nope',
      requestId: expect.any(String),
    })
  })

  it('hides unexpected errors behind a generic 500 internal_error', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/boom', headers: { 'x-request-id': 'boom-1' } })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'internal_error', message: expect.any(String), requestId: 'boom-1' })
    expect(res.body).not.toMatch(/hunter2|secret|stack|at /)
  })

  it('rejects bodies over the limit with 413 payload_too_large', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(70 * 1024) }),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ code: 'payload_too_large', message: expect.any(String) })
  })

  it('rejects malformed JSON with 400 bad_request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'bad_request', message: 'Request body is not valid JSON.' })
  })

  it('rejects non-finite numbers in JSON bodies', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"amount":1e400}',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'bad_request', message: 'body/amount must be a finite number' })
  })

  it('rejects unsupported content types with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type', message: expect.any(String) })
  })
})

describe('request ids', () => {
  it('echoes a well-formed incoming X-Request-Id, on success and on errors', async () => {
    const ok = await app.inject({
      method: 'GET',
      url: '/api/categories',
      headers: { 'x-request-id': 'abc.DEF_123-x' },
    })
    expect(ok.headers['x-request-id']).toBe('abc.DEF_123-x')
    const bad = await app.inject({
      method: 'GET',
      url: '/api/products?page=0',
      headers: { 'x-request-id': 'req-7' },
    })
    expect(bad.headers['x-request-id']).toBe('req-7')
    expect(bad.json().requestId).toBe('req-7')
    const missing = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'req-8' } })
    expect(missing.headers['x-request-id']).toBe('req-8')
    expect(missing.json().requestId).toBe('req-8')
  })

  it('replaces malformed or missing ids with a generated one', async () => {
    for (const header of ['has space', 'x'.repeat(65), 'semi;colon', '']) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/categories',
        headers: { 'x-request-id': header },
      })
      const id = res.headers['x-request-id']
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
    }
    const a = await app.inject({ method: 'GET', url: '/api/categories' })
    const b = await app.inject({ method: 'GET', url: '/api/categories' })
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
  })
})

describe('CORS', () => {
  it('answers preflights with the allowed headers and exposes x-request-id', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/api/products',
      headers: {
        origin: 'http://localhost:10086',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    })
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    const allowed = String(res.headers['access-control-allow-headers'])
    for (const header of [
      'content-type',
      'authorization',
      'idempotency-key',
      'x-request-id',
      'accept-language',
    ]) {
      expect(allowed).toContain(header)
    }
    const simple = await app.inject({
      method: 'GET',
      url: '/api/categories',
      headers: { origin: 'http://localhost:10086' },
    })
    expect(simple.headers['access-control-expose-headers']).toContain('x-request-id')
  })

  it('restricts the origin when CORS_ORIGIN is configured', async () => {
    const restricted = await buildTestApp(testDb.db, { corsOrigin: 'https://shop.example.com' })
    try {
      for (const url of ['/healthz', '/api/categories']) {
        const evil = await restricted.inject({
          method: 'GET',
          url,
          headers: { origin: 'https://evil.example.com' },
        })
        // A single origin is always announced as itself, so browsers refuse other origins.
        expect(evil.headers['access-control-allow-origin']).toBe('https://shop.example.com')
        expect(JSON.stringify(evil.headers)).not.toContain('evil.example.com')
        const shop = await restricted.inject({
          method: 'GET',
          url,
          headers: { origin: 'https://shop.example.com' },
        })
        expect(shop.headers['access-control-allow-origin']).toBe('https://shop.example.com')
      }
    } finally {
      await restricted.close()
    }
  })

  it('reflects only listed origins when CORS_ORIGIN has several, and keeps every Vary entry', async () => {
    const a = 'https://a.example.com'
    const b = 'https://b.example.com'
    const listed = await buildTestApp(testDb.db, { corsOrigin: [a, b] })
    const varies = (value: unknown) =>
      String(value ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
    try {
      for (const [origin, allowed] of [
        [a, a],
        [b, b],
        ['https://evil.example.com', undefined],
      ]) {
        const res = await listed.inject({
          method: 'GET',
          url: '/api/categories',
          headers: { origin, 'accept-language': 'en' },
        })
        expect(res.statusCode).toBe(200)
        expect(res.headers['access-control-allow-origin']).toBe(allowed)
        // Caches must key on both: the CORS answer depends on Origin, the body on Accept-Language.
        expect(varies(res.headers.vary)).toEqual(expect.arrayContaining(['origin', 'accept-language']))
      }
      // Errors from the catalog routes carry both too.
      const missing = await listed.inject({
        method: 'GET',
        url: '/api/products/nope',
        headers: { origin: a },
      })
      expect(missing.headers['access-control-allow-origin']).toBe(a)
      expect(varies(missing.headers.vary)).toEqual(expect.arrayContaining(['origin', 'accept-language']))
    } finally {
      await listed.close()
    }
  })
})
