import type { ApiErrorBody, Order, OrderPage } from '../../contract'
import { closeExpiredOrders } from '../orders/expiry'
import { markOrderPaid } from '../orders/state'
import { createTestBuyer, type TestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { cancelAs, expireOrder, getAs, postOrder, setStock, statusOf, stockOf } from './orders-helpers'
import { appForSuite } from '../testing/suites'

describeEachDatabase('order life cycle over HTTP', (getDb) => {
  const suite = appForSuite(getDb)
  let stranger: TestBuyer

  const place = async (skuId: string, quantity = 1, who: TestBuyer = suite.buyer): Promise<Order> => {
    const res = await postOrder(suite.app, who, [{ skuId, quantity }])
    expect(res.statusCode).toBe(201)
    return res.json<Order>()
  }

  beforeAll(async () => {
    stranger = await createTestBuyer(getDb())
  })

  it("shows a buyer their own order, and another buyer's as not found", async () => {
    const order = await place('envelope-kraft-std')
    const mine = await getAs(suite.app, suite.buyer, `/api/orders/${order.id}`)
    expect(mine.statusCode).toBe(200)
    expect(mine.json<Order>()).toEqual(order)
    expect(mine.headers['cache-control']).toBe('no-store')

    const theirs = await getAs(suite.app, stranger, `/api/orders/${order.id}`)
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json<ApiErrorBody>()).toMatchObject({ code: 'not_found', message: expect.any(String) })
    const unknown = await getAs(suite.app, suite.buyer, '/api/orders/20240101000000000000')
    expect(theirs.json<ApiErrorBody>().message.replace(order.id, 'X')).toBe(
      unknown.json<ApiErrorBody>().message.replace('20240101000000000000', 'X'),
    )
  })

  it("lists the buyer's orders newest first, by status, paged", async () => {
    const lister = await createTestBuyer(getDb())
    await place('envelope-kraft-std', 1, stranger)
    const placed: Order[] = []
    for (let i = 0; i < 3; i++) placed.push(await place('envelope-kraft-std', 1, lister))
    expect((await cancelAs(suite.app, lister, placed[1].id)).statusCode).toBe(200)

    const all = (await getAs(suite.app, lister, '/api/orders')).json<OrderPage>()
    expect(all).toMatchObject({ page: 1, pageSize: 20, total: 3, hasMore: false })
    expect(all.items.map((o) => o.id)).toEqual([placed[2].id, placed[1].id, placed[0].id])

    const awaiting = (await getAs(suite.app, lister, '/api/orders?status=awaiting_payment')).json<OrderPage>()
    expect(awaiting.items.map((o) => o.id)).toEqual([placed[2].id, placed[0].id])
    const closed = (await getAs(suite.app, lister, '/api/orders?status=closed')).json<OrderPage>()
    expect(closed.items.map((o) => o.id)).toEqual([placed[1].id])

    const page2 = (await getAs(suite.app, lister, '/api/orders?page=2&pageSize=2')).json<OrderPage>()
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3, hasMore: false })
    expect(page2.items.map((o) => o.id)).toEqual([placed[0].id])
    const beyond = (await getAs(suite.app, lister, '/api/orders?page=9&pageSize=2')).json<OrderPage>()
    expect(beyond).toEqual({ items: [], page: 9, pageSize: 2, total: 3, hasMore: false })
  })

  it('cancels an unpaid order and returns its stock, exactly once', async () => {
    await setStock(getDb(), 'clock-wall-std', 5)
    const order = await place('clock-wall-std', 2)
    expect(await stockOf(getDb(), 'clock-wall-std')).toBe(3)

    const cancelled = await cancelAs(suite.app, suite.buyer, order.id)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json<Order>()).toMatchObject({
      id: order.id,
      status: 'closed',
      closeReason: 'cancelled',
    })
    expect(cancelled.json<Order>().closedAt).toEqual(expect.any(String))
    expect(await stockOf(getDb(), 'clock-wall-std')).toBe(5)

    const again = await cancelAs(suite.app, suite.buyer, order.id)
    expect(again.statusCode).toBe(409)
    expect(again.json<ApiErrorBody>().code).toBe('order_not_cancellable')
    expect(await stockOf(getDb(), 'clock-wall-std')).toBe(5)
  })

  it('returns stock once when the same order is cancelled concurrently', async () => {
    await setStock(getDb(), 'vase-glass-std', 4)
    const order = await place('vase-glass-std', 3)
    const responses = await Promise.all([1, 2, 3, 4].map(() => cancelAs(suite.app, suite.buyer, order.id)))
    expect(responses.map((res) => res.statusCode).sort()).toEqual([200, 409, 409, 409])
    expect(await stockOf(getDb(), 'vase-glass-std')).toBe(4)
  })

  it("refuses to cancel a paid order (409) and another buyer's order (404)", async () => {
    const paid = await place('envelope-kraft-std')
    await getDb().transaction((tx) => markOrderPaid(tx, paid.id, new Date()))
    const res = await cancelAs(suite.app, suite.buyer, paid.id)
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'order_not_cancellable',
      message: expect.stringMatching(/paid/),
    })

    const other = await place('envelope-kraft-std')
    const foreign = await cancelAs(suite.app, stranger, other.id)
    expect(foreign.statusCode).toBe(404)
    expect((await statusOf(getDb(), other.id)).status).toBe('awaiting_payment')
  })

  it('closes an expired order when it is read, returning its stock', async () => {
    await setStock(getDb(), 'candle-soy-std', 6)
    const order = await place('candle-soy-std', 2)
    await expireOrder(getDb(), order.id)

    const read = await getAs(suite.app, suite.buyer, `/api/orders/${order.id}`)
    expect(read.json<Order>()).toMatchObject({ status: 'closed', closeReason: 'expired' })
    expect(await stockOf(getDb(), 'candle-soy-std')).toBe(6)
    // Read again, and swept afterwards: nothing more comes back.
    await getAs(suite.app, suite.buyer, `/api/orders/${order.id}`)
    await closeExpiredOrders(getDb())
    expect(await stockOf(getDb(), 'candle-soy-std')).toBe(6)
  })

  it('never lists an expired order as awaiting payment', async () => {
    const lister = await createTestBuyer(getDb())
    const order = await place('envelope-kraft-std', 1, lister)
    await expireOrder(getDb(), order.id)
    const awaiting = (await getAs(suite.app, lister, '/api/orders?status=awaiting_payment')).json<OrderPage>()
    expect(awaiting.items).toEqual([])
    const closed = (await getAs(suite.app, lister, '/api/orders?status=closed')).json<OrderPage>()
    expect(closed.items.map((o) => [o.id, o.closeReason])).toEqual([[order.id, 'expired']])
  })

  it("does not close an unexpired order on read, nor another buyer's expired order", async () => {
    const fresh = await place('envelope-kraft-std')
    expect((await getAs(suite.app, suite.buyer, `/api/orders/${fresh.id}`)).json<Order>().status).toBe(
      'awaiting_payment',
    )
    const foreign = await place('envelope-kraft-std', 1, stranger)
    await expireOrder(getDb(), foreign.id)
    await getAs(suite.app, suite.buyer, `/api/orders/${foreign.id}`)
    await getAs(suite.app, suite.buyer, '/api/orders')
    expect((await statusOf(getDb(), foreign.id)).status).toBe('awaiting_payment')
  })

  describe('saved address', () => {
    const address = { name: 'Li Lei', phone: '+85212345678', region: 'Hong Kong', detail: '1 Queen’s Road' }

    it('is 404 until saved, then read back and replaced', async () => {
      const newcomer = await createTestBuyer(getDb())
      const none = await getAs(suite.app, newcomer, '/api/address')
      expect(none.statusCode).toBe(404)
      expect(none.json<ApiErrorBody>().code).toBe('not_found')

      const put = await suite.app.inject({
        method: 'PUT',
        url: '/api/address',
        headers: newcomer.headers,
        payload: address,
      })
      expect(put.statusCode).toBe(200)
      expect(put.json()).toEqual(address)
      expect((await getAs(suite.app, newcomer, '/api/address')).json()).toEqual(address)

      const moved = { ...address, detail: '2 Nathan Road' }
      await suite.app.inject({
        method: 'PUT',
        url: '/api/address',
        headers: newcomer.headers,
        payload: moved,
      })
      expect((await getAs(suite.app, newcomer, '/api/address')).json()).toEqual(moved)
      expect((await getAs(suite.app, suite.buyer, '/api/address')).statusCode).toBe(404)
    })
  })

  it('cancels when the client sends Content-Type: application/json with no body, as mini-programs do', async () => {
    const order = await place('envelope-kraft-std')
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      headers: { ...suite.buyer.headers, 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<Order>()).toMatchObject({ status: 'closed', closeReason: 'cancelled' })
  })
})
