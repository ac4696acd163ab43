/**
 * Issue 14, finding 7: web-view tickets (and any token in a URL) never reach the logs, and a
 * ticket dies with the session that minted it (logout, or the session's expiry).
 */
import { Writable } from 'node:stream'
import type { ApiErrorBody, WebViewCheckout } from '../../contract'
import { redactUrl } from '../http/log-redaction'
import { createSession } from '../session/repository'
import { hashToken } from '../session/tokens'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase, simulatorForSuite } from '../testing/suites'
import { asBuyer, payingBuyer, startShop, type PayingBuyer, type ShopUnderTest } from './payments-helpers'

const sim = simulatorForSuite()

describe('redactUrl', () => {
  it('replaces the values of token-like query parameters and keeps everything else', () => {
    expect(redactUrl('/webview/checkout?order=20260101&ticket=abcDEF_123-xyz')).toBe(
      '/webview/checkout?order=20260101&ticket=[redacted]',
    )
    expect(
      redactUrl('/x?token=t1&access_token=t2&auth_code=c1&authCode=c2&sign=s&sign_type=RSA2&q=mug&page=2'),
    ).toBe(
      '/x?token=[redacted]&access_token=[redacted]&auth_code=[redacted]&authCode=[redacted]&sign=[redacted]&sign_type=[redacted]&q=mug&page=2',
    )
    // Encoded or oddly cased names are secrets too; broken encoding does not throw.
    expect(redactUrl('/x?%74icket=t&TICKET=u&a=%E0%A4%A')).toBe(
      '/x?%74icket=[redacted]&TICKET=[redacted]&a=%E0%A4%A',
    )
    expect(redactUrl('/api/products')).toBe('/api/products')
  })
})

describeEachDatabase('web-view tickets', (getDb) => {
  const logLines: string[] = []
  let shop: ShopUnderTest
  beforeAll(async () => {
    await prepareDatabase(getDb())
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean))
        done()
      },
    })
    shop = await startShop(getDb(), sim, { logger: { level: 'info', stream } })
  })
  afterAll(async () => {
    await shop?.close()
  })

  async function ticketFor(who: PayingBuyer) {
    const buyer = asBuyer(shop, who)
    const order = await buyer.placeOrder('envelope-kraft-std', 1)
    const res = await buyer.post(`/api/orders/${order.id}/webview-ticket`)
    expect(res.statusCode).toBe(201)
    const url = new URL(res.json<WebViewCheckout>().url)
    return { order, path: `${url.pathname}${url.search}`, ticket: url.searchParams.get('ticket') ?? '' }
  }
  const openPage = (path: string) => shop.app.inject({ method: 'GET', url: path })
  const payWith = (orderId: string, ticket: string) =>
    shop.app.inject({ method: 'POST', url: '/webview/api/payment', payload: { orderId, ticket } })

  it('keeps tickets and other URL tokens out of the access log', async () => {
    const { order, path, ticket } = await ticketFor(await payingBuyer(getDb()))
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await openPage(path)).statusCode).toBe(200)
    await shop.app.inject({
      method: 'GET',
      url: '/api/products?q=mug&token=SECRET-TOKEN-1&auth_code=SECRET-CODE-2',
    })

    const logged = logLines.join('\n')
    expect(logged).toContain(`/webview/checkout?order=${order.id}&ticket=[redacted]`)
    expect(logged).toContain('/api/products?q=mug&token=[redacted]&auth_code=[redacted]')
    expect(logged).not.toContain(ticket)
    expect(logged).not.toMatch(/SECRET-TOKEN-1|SECRET-CODE-2/)
  })

  it('refuses a ticket once its session has logged out', async () => {
    const who = await payingBuyer(getDb())
    const { order, path, ticket } = await ticketFor(who)
    const logout = await shop.app.inject({ method: 'DELETE', url: '/api/session', headers: who.headers })
    expect(logout.statusCode).toBe(204)

    const page = await openPage(path)
    expect(page.statusCode).toBe(401)
    expect(page.body).not.toContain('my.tradePay')
    const paid = await payWith(order.id, ticket)
    expect(paid.statusCode).toBe(401)
    expect(paid.json<ApiErrorBody>().code).toBe('ticket_invalid')
    const rows = await getDb().query('select 1 from webview_tickets where ticket_hash = $1', [
      hashToken(ticket),
    ])
    expect(rows).toEqual([])
  })

  it('refuses a ticket once its session has expired, before the sweeper deletes the session', async () => {
    const who = await payingBuyer(getDb())
    const { order, ticket } = await ticketFor(who)
    const token = who.headers.authorization.replace('Bearer ', '')
    await getDb().query(
      `update sessions set expires_at = now() - interval '1 second' where token_hash = $1`,
      [hashToken(token)],
    )
    expect((await payWith(order.id, ticket)).statusCode).toBe(401)
  })

  it('keeps a ticket when another session of the same buyer logs out', async () => {
    const who = await payingBuyer(getDb())
    const { order, ticket } = await ticketFor(who)
    const other = await payingBuyer(getDb()) // a different buyer entirely
    await shop.app.inject({ method: 'DELETE', url: '/api/session', headers: other.headers })
    const second = await createSession(getDb(), who.buyer.id, 3600)
    await shop.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { authorization: `Bearer ${second.token}` },
    })
    expect((await payWith(order.id, ticket)).statusCode).toBe(200)
  })
})
