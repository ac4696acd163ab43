/** Shared by the rate-limit suites (not a test file itself). */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { ApiErrorBody } from '../../contract'
import { loadConfig } from '../config'
import { LIMITED_ACTIONS, type LimitedAction, type Limits } from '../limits/config'
import type { TestBuyer } from '../testing/buyers'
import { newKey } from './orders-helpers'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'

/** An order number nobody has: the routes answer 404 (or 502), which still spends the budget. */
export const SOME_ORDER_ID = '20260101000000000000'

/** The real defaults, with every action's budget and the address budget as given. */
export function tightLimits(perAction: number, addressPerMinute: number, env = {}): Limits {
  const defaults = loadConfig(env).limits
  const perMinute = Object.fromEntries(LIMITED_ACTIONS.map((action) => [action, perAction])) as Record<
    LimitedAction,
    number
  >
  return { ...defaults, rate: { ...defaults.rate, perMinute, addressPerMinute } }
}

/** One request to each limited route, as a client at `address` (with `buyer`'s token if given). */
export function limitedRequest(
  app: FastifyInstance,
  action: LimitedAction,
  address: string,
  buyer?: TestBuyer,
): Promise<LightMyRequestResponse> {
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      remoteAddress: address,
      headers: { ...buyer?.headers, ...headers },
      payload: payload as Record<string, unknown>,
    })
  switch (action) {
    case 'login':
      return post('/api/session', { authCode: 'not-a-real-code' })
    case 'staffLogin':
      return post('/api/merchant/session', { name: 'nobody', password: 'not the password' })
    case 'createOrder':
      return post(
        '/api/orders',
        { lines: [{ skuId: 'pencil-set-std', quantity: 1 }], address: SAMPLE_ADDRESS },
        { 'idempotency-key': newKey() },
      )
    case 'openPayment':
      return buyer
        ? post(`/api/orders/${SOME_ORDER_ID}/payment`, {})
        : post('/webview/api/payment', { orderId: SOME_ORDER_ID, ticket: 'x'.repeat(43) })
    case 'webviewTicket':
      return post(`/api/orders/${SOME_ORDER_ID}/webview-ticket`, {})
    case 'createDeposit':
      return post('/api/deposits', { itemId: 'no-such-item' })
    case 'afterSales':
      return post(`/api/orders/${SOME_ORDER_ID}/after-sales`, {
        kind: 'refund_only',
        lines: [{ lineNo: 1, quantity: 1 }],
        reason: 'other',
      })
  }
}

/** A 429 as the issue asks: `{ code: 'rate_limited', message }` and Retry-After in seconds. */
export function expectRateLimited(res: LightMyRequestResponse): void {
  expect(res.statusCode).toBe(429)
  expect(res.json<ApiErrorBody>()).toMatchObject({
    code: 'rate_limited',
    message: expect.stringMatching(/^Too many requests .* Wait \d+ s, then try again\.$/),
  })
  const retryAfter = Number(res.headers['retry-after'])
  expect(Number.isInteger(retryAfter)).toBe(true)
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
}
