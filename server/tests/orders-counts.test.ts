/**
 * GET /api/orders/counts, what the "me" tab shows beside its shortcuts: the buyer's own orders
 * awaiting payment, paid and shipped, and open after-sales requests; closed orders, expired ones
 * and withdrawn requests do not count; logged out is a 401.
 */
import type { AfterSalesRequest, Order, OrderCounts } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { ask, newBuyer, paidOrder, refundOnly, ship, stockUp, type Buyer } from './after-sales-helpers'
import { expireOrder, newKey } from './orders-helpers'
import { shopForSuite } from './payments-helpers'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'

const sim = simulatorForSuite()

describeEachDatabase('order counts for the "me" tab', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  beforeAll(async () => {
    await stockUp(getDb())
  })

  const place = async (buyer: Buyer): Promise<Order> => {
    const res = await shop.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { host: new URL(shop.origin).host, 'idempotency-key': newKey(), ...buyer.headers },
      payload: { lines: [{ skuId: 'envelope-kraft-std', quantity: 1 }], address: SAMPLE_ADDRESS },
    })
    expect(res.statusCode).toBe(201)
    return res.json<Order>()
  }
  const counts = async (buyer: Buyer): Promise<OrderCounts> => {
    const res = await buyer.get('/api/orders/counts')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    return res.json<OrderCounts>()
  }

  it('counts only the buyer’s own orders per status and their open after-sales requests', async () => {
    const buyer = await newBuyer(shop, getDb())
    const stranger = await newBuyer(shop, getDb())
    expect(await counts(buyer)).toEqual({ awaiting_payment: 0, paid: 0, shipped: 0, after_sales: 0 })

    await place(buyer)
    await place(buyer)
    const cancelled = await place(buyer)
    expect((await buyer.post(`/api/orders/${cancelled.id}/cancel`)).statusCode).toBe(200)
    const expired = await place(buyer)
    await expireOrder(getDb(), expired.id)
    await paidOrder(shop, sim, getDb(), buyer)
    const shipped = await paidOrder(shop, sim, getDb(), buyer)
    await ship(getDb(), shipped.id)
    const asked = await paidOrder(shop, sim, getDb(), buyer)
    await ship(getDb(), asked.id)
    const open = (
      await ask(buyer, asked.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    const withdrawn = (
      await ask(buyer, asked.id, refundOnly([{ lineNo: 2, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    expect((await buyer.post(`/api/after-sales/${withdrawn.id}/cancel`)).statusCode).toBe(200)
    await place(stranger)

    expect(await counts(buyer)).toEqual({ awaiting_payment: 2, paid: 1, shipped: 2, after_sales: 1 })
    expect(open.status).toBe('requested')
    expect(await counts(stranger)).toEqual({ awaiting_payment: 1, paid: 0, shipped: 0, after_sales: 0 })
  }, 60_000)

  it('needs a logged-in buyer', async () => {
    const res = await shop.app.inject({
      method: 'GET',
      url: '/api/orders/counts',
      headers: { host: new URL(shop.origin).host },
    })
    expect(res.statusCode).toBe(401)
  })
})
