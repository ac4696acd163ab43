/**
 * Issue 14, finding 8: the URLs the API hands out (images, notify_url, the web-view checkout, the
 * deposit's orderStr) come from configuration, never from the Host header a client sends.
 */
import type { DepositPayment, Order, OrderPayment, ProductPage, WebViewCheckout } from '../../contract'
import type { AlipayClient } from '../alipay/client'
import { openNetworkWarnings, publicOrigin } from '../http/public-urls'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase, simulatorForSuite } from '../testing/suites'
import { newKey } from './orders-helpers'
import { payingBuyer, startShop, tradeNoOf, type PayingBuyer, type ShopUnderTest } from './payments-helpers'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'

const EVIL_HOST = 'evil.example'
const sim = simulatorForSuite()

/** Requests as the buyer with a Host header the buyer chose. */
function withHost(shop: ShopUnderTest, who: PayingBuyer, host = EVIL_HOST) {
  return (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    shop.app.inject({ method, url, headers: { host, ...who.headers, ...headers }, payload })
}

describeEachDatabase('public URLs come from configuration, not the Host header', (getDb) => {
  const createCalls: Array<Record<string, unknown> | undefined> = []
  let shop: ShopUnderTest
  beforeAll(async () => {
    await prepareDatabase(getDb())
    const real = sim.client()
    const client: AlipayClient = {
      ...real,
      exec: (method, biz, extra) => {
        if (method === 'alipay.trade.create') createCalls.push(extra)
        return real.exec(method, biz, extra)
      },
    }
    shop = await startShop(getDb(), sim, { client })
  })
  afterAll(async () => {
    await shop?.close()
  })

  it('gives image URLs on the configured origin whatever Host says', async () => {
    const who = await payingBuyer(getDb())
    const send = withHost(shop, who, 'evil.example"><script>')
    const products = await send('GET', '/api/products')
    expect(products.statusCode).toBe(200)
    expect(products.body).not.toContain('evil.example')
    for (const item of products.json<ProductPage>().items) {
      expect(item.image).toMatch(new RegExp(`^${shop.origin}/images/[^"<>]+$`))
    }
    const order = await withHost(shop, who)(
      'POST',
      '/api/orders',
      {
        lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }],
        address: SAMPLE_ADDRESS,
      },
      { 'idempotency-key': newKey() },
    )
    expect(order.statusCode).toBe(201)
    expect(order.json<Order>().lines[0].image).toBe(`${shop.origin}/images/envelope-kraft.png`)
  })

  it('sends Alipay a notify_url on the configured origin, and the notify goes there', async () => {
    const who = await payingBuyer(getDb())
    const send = withHost(shop, who)
    const placed = await send(
      'POST',
      '/api/orders',
      {
        lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }],
        address: SAMPLE_ADDRESS,
      },
      { 'idempotency-key': newKey() },
    )
    const order = placed.json<Order>()
    const opened = await send('POST', `/api/orders/${order.id}/payment`)
    expect(opened.statusCode).toBe(200)
    expect(createCalls.at(-1)).toEqual({ notify_url: `${shop.origin}/api/alipay/notify` })

    const tradeNO = tradeNoOf(opened.json<OrderPayment>())
    expect((await sim.pay(tradeNO, 'pay', who.key)).resultCode).toBe('9000')
    await sim.notifier.idle()
    const urls = sim.notifier.attempts().map((attempt) => attempt.url)
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.filter((url) => url.includes(EVIL_HOST))).toEqual([])
    expect(urls.at(-1)).toBe(`${shop.origin}/api/alipay/notify`)
  })

  it('builds the web-view checkout link and the deposit orderStr on the configured origin', async () => {
    const who = await payingBuyer(getDb())
    const send = withHost(shop, who)
    const order = (
      await send(
        'POST',
        '/api/orders',
        {
          lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }],
          address: SAMPLE_ADDRESS,
        },
        { 'idempotency-key': newKey() },
      )
    ).json<Order>()
    const ticket = await send('POST', `/api/orders/${order.id}/webview-ticket`)
    expect(ticket.statusCode).toBe(201)
    expect(new URL(ticket.json<WebViewCheckout>().url).origin).toBe(shop.origin)

    const deposit = await send('POST', '/api/deposits', { itemId: 'umbrella' })
    expect(deposit.statusCode).toBe(201)
    const created = deposit.json<DepositPayment>()
    if (created.invocation.kind !== 'orderStr') throw new Error(`got ${created.invocation.kind}`)
    expect(new URLSearchParams(created.invocation.orderStr).get('notify_url')).toBe(
      `${shop.origin}/api/alipay/notify`,
    )
  })
})

describe('the configured public origin', () => {
  it('is PUBLIC_URL when set, else this server’s own address from HOST and PORT', () => {
    const base = { publicUrl: undefined, port: 3000 }
    expect(publicOrigin({ ...base, host: '127.0.0.1' })).toBe('http://127.0.0.1:3000')
    expect(publicOrigin({ ...base, host: '0.0.0.0' })).toBe('http://127.0.0.1:3000')
    expect(publicOrigin({ ...base, host: '192.168.1.20' })).toBe('http://192.168.1.20:3000')
    expect(publicOrigin({ ...base, host: '::1' })).toBe('http://[::1]:3000')
    expect(publicOrigin({ ...base, host: '0.0.0.0', publicUrl: 'https://api.example.com' })).toBe(
      'https://api.example.com',
    )
  })

  it('warns when HOST opens the server (and the simulator) to the network without PUBLIC_URL', () => {
    expect(openNetworkWarnings({ host: '127.0.0.1', port: 3000 }, true)).toEqual([])
    const open = openNetworkWarnings({ host: '0.0.0.0', port: 3000 }, true)
    expect(open).toEqual([
      expect.stringMatching(/^HOST=0\.0\.0\.0 opens the Alipay simulator to the network/),
      expect.stringMatching(/^PUBLIC_URL is unset.*Set PUBLIC_URL=http:\/\/.+:3000\.$/),
    ])
    expect(
      openNetworkWarnings({ host: '0.0.0.0', port: 3000, publicUrl: 'http://192.168.1.20:3000' }, false),
    ).toEqual([])
  })
})
