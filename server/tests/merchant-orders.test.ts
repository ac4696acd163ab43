/** The merchant API's order list and order reads, and who may use them. */
import type { ApiErrorBody, MerchantOrder, MerchantOrderPage } from '../../contract'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { createTestBuyer, type TestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { FULFILMENT_SKU, paidOrder, placeOrder, SHIPMENT, shippedOrder } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'
import { bearer } from './staff-helpers'

describeEachDatabase('merchant orders: list and read', (getDb) => {
  const suite = appForSuite(getDb)
  let staff: TestStaff
  let other: TestBuyer
  /** Oldest first: awaiting payment (buyer), paid (other), shipped (buyer), paid (buyer). */
  const ids: Record<'awaiting' | 'paidOther' | 'shipped' | 'paid', string> = {} as never

  const get = (url: string, headers: Record<string, string> = staff.headers) =>
    suite.app.inject({ method: 'GET', url, headers: { host: 'shop.test', ...headers } })
  const list = async (query = '') => {
    const res = await get(`/api/merchant/orders${query}`)
    expect(res.statusCode).toBe(200)
    return res.json<MerchantOrderPage>()
  }
  const alipayTail = (buyer: TestBuyer) => buyer.buyer.alipay.value.slice(-4)

  beforeAll(async () => {
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    staff = await loggedInStaff(getDb())
    other = await createTestBuyer(getDb())
    const mine = suite.buyer.buyer.id
    ids.awaiting = await placeOrder(getDb(), mine)
    ids.paidOther = await paidOrder(getDb(), other.buyer.id)
    ids.shipped = await shippedOrder(getDb(), mine)
    ids.paid = await paidOrder(getDb(), mine)
    // Minutes apart, so "newest first" does not hang on the clock's resolution.
    for (const [minutesAgo, id] of [ids.awaiting, ids.paidOther, ids.shipped, ids.paid].reverse().entries()) {
      await getDb().query(
        `update orders set created_at = now() - make_interval(mins => $2::int) where id = $1`,
        [id, minutesAgo + 1],
      )
    }
  })

  it("lists every buyer's orders, newest first, each with its buyer, address and times", async () => {
    const page = await list()
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 4, hasMore: false })
    expect(page.items.map((order) => order.id)).toEqual([ids.paid, ids.shipped, ids.paidOther, ids.awaiting])

    const shipped = page.items[1]
    expect(shipped).toEqual({
      id: ids.shipped,
      status: 'shipped',
      total: expect.any(Number),
      itemCount: 1,
      buyer: { id: suite.buyer.buyer.id, alipayIdTail: alipayTail(suite.buyer) },
      address: SAMPLE_ADDRESS,
      createdAt: expect.any(String),
      paidAt: expect.any(String),
      shippedAt: expect.any(String),
    })
    expect(shipped.total).toBeGreaterThan(0)
    expect(page.items[2].buyer).toEqual({ id: other.buyer.id, alipayIdTail: alipayTail(other) })
    expect(page.items[3]).not.toHaveProperty('paidAt')
  })

  it('never shows the whole Alipay id', async () => {
    const text = (await get('/api/merchant/orders')).body
    expect(text).not.toContain(suite.buyer.buyer.alipay.value)
    expect(text).not.toContain(other.buyer.alipay.value)
  })

  it('filters by status', async () => {
    expect((await list('?status=paid')).items.map((o) => o.id)).toEqual([ids.paid, ids.paidOther])
    expect(await list('?status=shipped')).toMatchObject({ total: 1, items: [{ id: ids.shipped }] })
    expect(await list('?status=completed')).toEqual({
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
      hasMore: false,
    })
  })

  it('pages, and says the total even beyond the last page', async () => {
    const first = await list('?pageSize=3')
    expect(first).toMatchObject({ page: 1, pageSize: 3, total: 4, hasMore: true })
    expect(first.items.map((o) => o.id)).toEqual([ids.paid, ids.shipped, ids.paidOther])
    const second = await list('?pageSize=3&page=2')
    expect(second).toMatchObject({ page: 2, total: 4, hasMore: false, items: [{ id: ids.awaiting }] })
    expect(await list('?pageSize=3&page=3')).toMatchObject({ items: [], total: 4, hasMore: false })
    expect(await list('?status=paid&pageSize=1&page=2')).toMatchObject({
      items: [{ id: ids.paidOther }],
      total: 2,
      hasMore: false,
    })
  })

  it('400s a bad query', async () => {
    for (const query of ['?status=lost', '?page=0', '?pageSize=51', '?page=abc']) {
      const res = await get(`/api/merchant/orders${query}`)
      expect([query, res.statusCode]).toEqual([query, 400])
      expect(res.json<ApiErrorBody>().code).toBe('bad_request')
    }
  })

  it('reads one order with its lines, address, buyer, shipment and times', async () => {
    const res = await get(`/api/merchant/orders/${ids.shipped}`, {
      ...staff.headers,
      'accept-language': 'en',
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const order = res.json<MerchantOrder>()
    expect(order).toMatchObject({
      id: ids.shipped,
      status: 'shipped',
      lines: [{ skuId: FULFILMENT_SKU, quantity: 1, title: expect.stringMatching(/[A-Za-z]/) }],
      itemCount: 1,
      address: SAMPLE_ADDRESS,
      buyer: { id: suite.buyer.buyer.id, alipayIdTail: alipayTail(suite.buyer) },
      shipment: { ...SHIPMENT, shippedAt: expect.any(String) },
      createdAt: expect.any(String),
      paidAt: expect.any(String),
    })
    // Shipped by a test, not by staff.
    expect(order).not.toHaveProperty('shippedBy')
    expect((await get(`/api/merchant/orders/${ids.awaiting}`)).json<MerchantOrder>()).not.toHaveProperty(
      'shipment',
    )
  })

  it('404s an unknown order and 400s a malformed id', async () => {
    const unknown = await get('/api/merchant/orders/20990101000000000000')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json<ApiErrorBody>()).toMatchObject({ code: 'not_found', message: expect.any(String) })
    expect((await get('/api/merchant/orders/abc')).statusCode).toBe(400)
  })

  describe('needs a staff token', () => {
    const routes = () => [
      { method: 'GET' as const, url: '/api/merchant/orders' },
      { method: 'GET' as const, url: `/api/merchant/orders/${ids.paid}` },
      { method: 'POST' as const, url: `/api/merchant/orders/${ids.paid}/shipment`, payload: SHIPMENT },
    ]

    it.each([
      ['no token', () => ({})],
      ["a buyer's token", () => suite.buyer.headers],
      ['an unknown token', () => bearer('0123456789abcdef0123456789abcdef')],
    ])('401s %s on every merchant order route, and ships nothing', async (_name, headers) => {
      for (const route of routes()) {
        const res = await suite.app.inject({ ...route, headers: headers() })
        expect([route.url, res.statusCode]).toEqual([route.url, 401])
        expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'unauthorized', message: expect.any(String) })
      }
      expect((await list('?status=paid')).total).toBe(2)
    })

    it('401s session_expired for an expired staff session', async () => {
      const expired = await loggedInStaff(getDb())
      await getDb().query(
        "update staff_sessions set expires_at = now() - interval '1 second' where staff_id = $1",
        [expired.id],
      )
      const res = await get('/api/merchant/orders', expired.headers)
      expect([res.statusCode, res.json<ApiErrorBody>().code]).toEqual([401, 'session_expired'])
    })

    it("does not open a buyer's route with a staff token", async () => {
      const res = await get('/api/orders', staff.headers)
      expect(res.statusCode).toBe(401)
    })
  })
})
