/**
 * Bad after-sales input is a 4xx `{ code, message }` and changes nothing: too many units, lines
 * that do not exist or come twice, a line already held, the wrong kind for the order's status,
 * someone else's order or request, and merchant routes without a staff token.
 */
import type { AfterSalesRequest } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { loggedInStaff } from './merchant-helpers'
import { newKey } from './orders-helpers'
import { shopForSuite } from './payments-helpers'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import {
  ask,
  asStaff,
  ENVELOPE,
  newBuyer,
  paidOrder,
  refundOnly,
  refundsOf,
  returnAndRefund,
  ship,
  stockUp,
  type Buyer,
} from './after-sales-helpers'

const sim = simulatorForSuite()

describeEachDatabase('after-sales: refused input', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  beforeAll(async () => stockUp(getDb()))

  /** Asks, expects the refusal, and checks no request was made. */
  async function refused(
    buyer: Buyer,
    orderId: string,
    body: object,
    status: number,
    code: string,
    message?: string | RegExp,
  ) {
    const before = await getDb().query('select count(*)::int as n from after_sales_requests')
    const res = await ask(buyer, orderId, body as never)
    expect(res.statusCode).toBe(status)
    expect(res.json()).toMatchObject({
      code,
      message: message ? expect.stringMatching(message) : expect.any(String),
    })
    expect(await getDb().query('select count(*)::int as n from after_sales_requests')).toEqual(before)
  }

  it('refuses more units than bought, or than are still claimable', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    await refused(
      buyer,
      order.id,
      refundOnly([{ lineNo: 1, quantity: 3 }]),
      409,
      'after_sales_quantity_exceeded',
      'Line 1 was bought 2 times and 2 can still be claimed, not 3.',
    )
    expect((await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))).json()).toMatchObject({
      status: 'refunded',
    })
    await refused(
      buyer,
      order.id,
      refundOnly([{ lineNo: 1, quantity: 2 }]),
      409,
      'after_sales_quantity_exceeded',
      'Line 1 was bought 2 times and 1 can still be claimed, not 2.',
    )
  })

  it('refuses unknown and repeated lines (400), and a line an open request holds (409)', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    await ship(getDb(), order.id)
    await refused(
      buyer,
      order.id,
      refundOnly([{ lineNo: 3, quantity: 1 }]),
      400,
      'bad_request',
      /has no line 3/,
    )
    await refused(
      buyer,
      order.id,
      refundOnly([
        { lineNo: 1, quantity: 1 },
        { lineNo: 1, quantity: 1 },
      ]),
      400,
      'bad_request',
      'Line 1 is named twice; name each line once.',
    )
    await refused(buyer, order.id, refundOnly([]), 400, 'bad_request')
    await refused(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 0 }]), 400, 'bad_request')
    await refused(
      buyer,
      order.id,
      { ...refundOnly([{ lineNo: 1, quantity: 1 }]), reason: 'bored' },
      400,
      'bad_request',
    )
    await refused(
      buyer,
      order.id,
      { ...refundOnly([{ lineNo: 1, quantity: 1 }]), kind: 'exchange' },
      400,
      'bad_request',
    )

    const first = await ask(buyer, order.id, returnAndRefund([{ lineNo: 1, quantity: 1 }]))
    expect(first.json()).toMatchObject({ status: 'requested' })
    await refused(
      buyer,
      order.id,
      refundOnly([
        { lineNo: 2, quantity: 1 },
        { lineNo: 1, quantity: 1 },
      ]),
      409,
      'after_sales_line_open',
      'Line 1 already has an open after-sales request; wait for it to end.',
    )
    // Ended, the line is free again.
    await buyer.post(`/api/after-sales/${first.json<AfterSalesRequest>().id}/cancel`)
    expect((await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))).statusCode).toBe(201)
  })

  it('refuses a return before shipping, and anything on an unpaid order', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer)
    await refused(
      buyer,
      order.id,
      returnAndRefund([{ lineNo: 1, quantity: 1 }]),
      409,
      'after_sales_not_allowed',
      `Order ${order.id} is paid: it is not shipped yet, so there is nothing to send back: ask for a refund only.`,
    )
    const placed = await shop.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'idempotency-key': newKey(), ...buyer.headers },
      payload: { lines: [{ skuId: ENVELOPE, quantity: 1 }], address: SAMPLE_ADDRESS },
    })
    const unpaid = placed.json<{ id: string }>().id
    await refused(
      buyer,
      unpaid,
      refundOnly([{ lineNo: 1, quantity: 1 }]),
      409,
      'after_sales_not_allowed',
      `Order ${unpaid} is awaiting payment: nothing was paid for it.`,
    )
    expect((await buyer.get(`/api/orders/${unpaid}/after-sales`)).json()).toMatchObject({ kinds: [] })
    expect(await refundsOf(getDb(), order.id)).toEqual([])
  })

  it('answers 404 for another buyer’s order and requests, and 401 without a buyer', async () => {
    const owner = await newBuyer(shop, getDb())
    const other = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), owner)
    await refused(
      other,
      order.id,
      refundOnly([{ lineNo: 1, quantity: 1 }]),
      404,
      'not_found',
      `No order ${order.id}.`,
    )
    expect((await other.get(`/api/orders/${order.id}/after-sales`)).statusCode).toBe(404)
    const { id } = (
      await ask(owner, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    for (const res of [
      await other.get(`/api/after-sales/${id}`),
      await other.post(`/api/after-sales/${id}/cancel`),
      await other.post(`/api/after-sales/${id}/return-shipment`, {
        carrier: '顺丰速运',
        trackingNo: 'SF1234567890',
      }),
    ]) {
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ code: 'not_found', message: `No after-sales request ${id}.` })
    }
    expect((await other.get('/api/after-sales')).json()).toMatchObject({ total: 0, items: [] })
    const anonymous = await shop.app.inject({ method: 'GET', url: `/api/after-sales/${id}` })
    expect(anonymous.statusCode).toBe(401)
    expect((await owner.get('/api/after-sales/0')).statusCode).toBe(400)
    expect((await owner.get('/api/after-sales/99999999')).json()).toMatchObject({ code: 'not_found' })
  })

  it('answers 401 on merchant routes without a staff token, and with a buyer’s', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer)
    await ship(getDb(), order.id)
    const { id } = (
      await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    const routes: Array<['GET' | 'POST', string, object?]> = [
      ['GET', '/api/merchant/after-sales'],
      ['GET', `/api/merchant/after-sales/${id}`],
      ['POST', `/api/merchant/after-sales/${id}/approve`],
      ['POST', `/api/merchant/after-sales/${id}/reject`, { reason: '不符合退款条件' }],
      ['POST', `/api/merchant/after-sales/${id}/return-received`],
      ['POST', `/api/merchant/after-sales/${id}/refund`],
    ]
    for (const headers of [{}, buyer.headers]) {
      for (const [method, url, body] of routes) {
        const res = await asStaff(shop, headers)(method, url, body)
        expect(res.statusCode).toBe(401)
        expect(res.json()).toMatchObject({ code: 'unauthorized', message: expect.any(String) })
      }
    }
    // And a staff token is no buyer's.
    const staff = await loggedInStaff(getDb())
    const asBuyerRoute = await asStaff(shop, staff.headers)('GET', `/api/after-sales/${id}`)
    expect(asBuyerRoute.statusCode).toBe(401)
    expect((await buyer.get(`/api/after-sales/${id}`)).json()).toMatchObject({ status: 'requested' })
  })
})
