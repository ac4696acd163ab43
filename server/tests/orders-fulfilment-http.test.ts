import type { ApiErrorBody, Order, OrderPage } from '../../contract'
import { createTestBuyer, type TestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import {
  FULFILMENT_SKU,
  paidOrder,
  placeOrder,
  receivedOrder,
  SHIPMENT,
  shippedOrder,
} from './orders-fulfilment-helpers'
import { getAs, setStock } from './orders-helpers'

describeEachDatabase('confirming receipt over HTTP', (getDb) => {
  const suite = appForSuite(getDb)
  let stranger: TestBuyer

  const confirm = (orderId: string, headers: Record<string, string> = suite.buyer.headers) =>
    suite.app.inject({ method: 'POST', url: `/api/orders/${orderId}/receipt`, headers })

  beforeAll(async () => {
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    stranger = await createTestBuyer(getDb())
  })

  it('shows the shipment, and 200s with the received order once confirmed', async () => {
    const orderId = await shippedOrder(getDb(), suite.buyer.buyer.id)
    const shown = (await getAs(suite.app, suite.buyer, `/api/orders/${orderId}`)).json<Order>()
    expect(shown).toMatchObject({
      status: 'shipped',
      shipment: { carrier: SHIPMENT.carrier, trackingNo: SHIPMENT.trackingNo, shippedAt: expect.any(String) },
    })
    expect(shown.receivedAt).toBeUndefined()

    const res = await confirm(orderId)
    expect(res.statusCode).toBe(200)
    const order = res.json<Order>()
    expect(order).toMatchObject({ id: orderId, status: 'received', shipment: shown.shipment })
    expect(Date.parse(order.receivedAt!)).toBeGreaterThanOrEqual(Date.parse(shown.shipment!.shippedAt))
    expect(order.completedAt).toBeUndefined()
  })

  it('409s order_not_receivable for an order that is not shipped', async () => {
    const userId = suite.buyer.buyer.id
    const orders = {
      'awaiting payment': await placeOrder(getDb(), userId),
      paid: await paidOrder(getDb(), userId),
      received: await receivedOrder(getDb(), userId),
    }
    for (const [status, orderId] of Object.entries(orders)) {
      const res = await confirm(orderId)
      expect(res.statusCode).toBe(409)
      const body = res.json<ApiErrorBody>()
      expect(body.code).toBe('order_not_receivable')
      expect(body.message).toContain(`is ${status}`)
    }
  })

  it("404s another buyer's order and leaves it shipped", async () => {
    const orderId = await shippedOrder(getDb(), suite.buyer.buyer.id)
    const res = await confirm(orderId, stranger.headers)
    expect(res.statusCode).toBe(404)
    expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'not_found', message: expect.any(String) })
    expect((await getAs(suite.app, suite.buyer, `/api/orders/${orderId}`)).json<Order>().status).toBe(
      'shipped',
    )
  })

  it('401s without a session', async () => {
    const orderId = await shippedOrder(getDb(), suite.buyer.buyer.id)
    const res = await confirm(orderId, {})
    expect(res.statusCode).toBe(401)
    expect(res.json<ApiErrorBody>().code).toBe('unauthorized')
  })

  it('lists orders by the new statuses', async () => {
    const lister = await createTestBuyer(getDb())
    const shipped = await shippedOrder(getDb(), lister.buyer.id)
    const received = await receivedOrder(getDb(), lister.buyer.id)
    for (const [status, ids] of [
      ['shipped', [shipped]],
      ['received', [received]],
      ['completed', []],
    ] as const) {
      const res = await getAs(suite.app, lister, `/api/orders?status=${status}`)
      expect(res.statusCode).toBe(200)
      expect(res.json<OrderPage>().items.map((order) => order.id)).toEqual(ids)
    }
  })

  it('does not cancel a shipped order', async () => {
    const orderId = await shippedOrder(getDb(), suite.buyer.buyer.id)
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/cancel`,
      headers: suite.buyer.headers,
    })
    expect(res.statusCode).toBe(409)
    expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'order_not_cancellable' })
    expect(res.json<ApiErrorBody>().message).toContain('is shipped')
  })
})
