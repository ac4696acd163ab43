/**
 * The strict body check (server/http/strict-body.ts) is one mechanism for every route with a body
 * schema: Ajv would coerce 12345 into "12345", so the raw JSON must already match. Login and the
 * web-view payment have no hook of their own.
 */
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'

// HTTP-level behaviour does not depend on the database backend, so PGlite suffices here.
let testDb: TestDatabase
beforeAll(async () => {
  testDb = await createPgliteTestDatabase()
})
afterAll(async () => {
  await testDb.dispose()
})
const suite = appForSuite(() => testDb.db)

it('refuses a body that only passes after type coercion, on every route with a body', async () => {
  const login = await suite.app.inject({ method: 'POST', url: '/api/session', payload: { authCode: 12345 } })
  expect(login.statusCode).toBe(400)
  expect(login.json()).toMatchObject({
    code: 'bad_request',
    message: expect.stringMatching(/^body\/authCode/),
  })
  const webview = await suite.app.inject({
    method: 'POST',
    url: '/webview/api/payment',
    payload: { orderId: 2024061103847561, ticket: 'x'.repeat(43) },
  })
  expect(webview.statusCode).toBe(400)
  expect(webview.json()).toMatchObject({
    code: 'bad_request',
    message: expect.stringMatching(/^body\/orderId/),
  })
})

it('still accepts a well-typed body, and a missing optional one', async () => {
  const address = await suite.app.inject({
    method: 'PUT',
    url: '/api/address',
    headers: suite.buyer.headers,
    payload: SAMPLE_ADDRESS,
  })
  expect(address.statusCode).toBe(200)
  const cancel = await suite.app.inject({
    method: 'POST',
    url: '/api/orders/20240611038475610293/cancel',
    headers: suite.buyer.headers,
  })
  expect(cancel.statusCode).toBe(404) // no body, no body schema: reaches the handler
})
