/**
 * Deeply nested JSON (server/http/json-body.ts): a body nesting arrays or objects past
 * JSON_NESTING_MAX is refused with 400 before anything recurses over it (it used to overflow the
 * stack in the strict body check: a 500); a body just under the bound is validated as usual.
 */
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { JSON_NESTING_MAX, nestsDeeperThan } from '../http/json-body'
import { appForSuite } from '../testing/suites'
import { newKey } from './orders-helpers'
import { pgliteForSuite } from './abuse-helpers'

// Parsing does not depend on the database backend, so PGlite suffices here.
const getDb = pgliteForSuite()
const suite = appForSuite(getDb)

/** `{"<field>": [[...]]}` with `levels` levels in all, the outer object included. */
const nestedBody = (field: string, levels: number) =>
  `{"${field}":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`

const routes = [
  { name: 'POST /api/orders', method: 'POST', url: '/api/orders', field: 'lines', idempotent: true },
  { name: 'POST /api/deposits', method: 'POST', url: '/api/deposits', field: 'itemId', idempotent: false },
  { name: 'PUT /api/address', method: 'PUT', url: '/api/address', field: 'name', idempotent: false },
] as const

const send = (route: (typeof routes)[number], payload: string) =>
  suite.app.inject({
    method: route.method,
    url: route.url,
    headers: {
      ...suite.buyer.headers,
      'content-type': 'application/json',
      ...(route.idempotent ? { 'idempotency-key': newKey() } : {}),
    },
    payload,
  })

describe.each(routes)('$name', (route) => {
  it('refuses 20,000 nested arrays with 400 naming the limit', async () => {
    const res = await send(route, nestedBody(route.field, 20_000))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({
      code: 'bad_request',
      message: `Request body nests arrays and objects more than ${JSON_NESTING_MAX} levels deep.`,
      requestId: expect.any(String),
    })
  })

  it('refuses one level past the limit, and validates a body at the limit as usual', async () => {
    const over = await send(route, nestedBody(route.field, JSON_NESTING_MAX + 1))
    expect(over.statusCode).toBe(400)
    expect(over.json().message).toMatch(/levels deep/)

    const at = await send(route, nestedBody(route.field, JSON_NESTING_MAX))
    expect(at.statusCode).toBe(400)
    expect(at.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^body/) })
  })
})

it('still accepts an ordinary body', async () => {
  const res = await suite.app.inject({
    method: 'PUT',
    url: '/api/address',
    headers: suite.buyer.headers,
    payload: SAMPLE_ADDRESS,
  })
  expect(res.statusCode).toBe(200)
})

it('does not count brackets inside strings', () => {
  const text = JSON.stringify({ note: '['.repeat(100) + '{'.repeat(100), list: [[1]] })
  // The object and the two arrays of `list`: three levels.
  expect(nestsDeeperThan(text, 3)).toBe(false)
  expect(nestsDeeperThan(text, 2)).toBe(true)
  expect(nestsDeeperThan(JSON.stringify({ note: 'a\\"[[[', list: [[[1]]] }), 3)).toBe(true)
})
