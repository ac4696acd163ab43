/**
 * Refund only (仅退款) before shipping, approved at once (AFTER_SALES_AUTO_APPROVE, on by default):
 * the refund of exactly those lines is confirmed at Alipay (the simulator) before the answer, the
 * stock returns, and the order's after-sales and the buyer's lists show it. A fully refunded order
 * is not shipped.
 */
import type { AfterSalesPage, AfterSalesRequest, OrderAfterSales } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { stockOf } from './orders-helpers'
import { shopForSuite } from './payments-helpers'
import { loggedInStaff } from './merchant-helpers'
import {
  ask,
  asStaff,
  ENVELOPE,
  newBuyer,
  paidOrder,
  PENCILS,
  PRICES,
  refundedAtAlipay,
  refundOnly,
  refundsAtAlipay,
  refundsOf,
  stockUp,
  timeline,
} from './after-sales-helpers'
import { SHIPMENT } from './orders-fulfilment-helpers'

const sim = simulatorForSuite()

describeEachDatabase('after-sales: refund only before shipping', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  beforeAll(async () => stockUp(getDb()))

  it('approves it at once, refunds exactly that line at Alipay, and returns its stock', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    const stock = { envelopes: await stockOf(getDb(), ENVELOPE), pencils: await stockOf(getDb(), PENCILS) }

    const res = await ask(buyer, order.id, refundOnly([{ lineNo: 2, quantity: 1 }], { note: '不想要了' }))
    expect(res.statusCode).toBe(201)
    const request = res.json<AfterSalesRequest>()
    expect(request).toMatchObject({
      orderId: order.id,
      kind: 'refund_only',
      status: 'refunded',
      reason: 'changed_mind',
      note: '不想要了',
      refundAmount: PRICES[PENCILS],
      lines: [
        { lineNo: 2, skuId: PENCILS, quantity: 1, unitPrice: PRICES[PENCILS], refundAmount: PRICES[PENCILS] },
      ],
      refund: {
        amount: PRICES[PENCILS],
        status: 'refunded',
        outRequestNo: `R${order.id}_${request.id}`,
        refundedAt: expect.any(String),
      },
    })
    expect(request).not.toHaveProperty('decidedBy')
    expect(timeline(request)).toEqual([
      'requested/buyer',
      'approved/system',
      'refund_sent/system',
      'refunded/system',
    ])
    expect(await refundsAtAlipay(sim, order.id)).toEqual([`R${order.id}_${request.id} ${PRICES[PENCILS]}`])
    expect(await refundsOf(getDb(), order.id)).toEqual([
      { amount_fen: PRICES[PENCILS], status: 'refunded', after_sales_request_id: request.id },
    ])
    expect(await stockOf(getDb(), PENCILS)).toBe(stock.pencils + 1)
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stock.envelopes)

    const summary = (await buyer.get(`/api/orders/${order.id}/after-sales`)).json<OrderAfterSales>()
    expect(summary).toEqual({
      orderId: order.id,
      kinds: ['refund_only'],
      lines: [
        { lineNo: 1, claimable: 2, open: false },
        { lineNo: 2, claimable: 0, open: false },
      ],
      refunded: PRICES[PENCILS],
      requests: [request],
    })
    const one = await buyer.get(`/api/after-sales/${request.id}`)
    expect(one.statusCode).toBe(200)
    expect(one.json()).toEqual(request)
    const page = (await buyer.get('/api/after-sales?status=refunded')).json<AfterSalesPage>()
    expect(page).toMatchObject({ total: 1, page: 1, hasMore: false, items: [request] })
    expect((await buyer.get('/api/after-sales?status=requested')).json<AfterSalesPage>().total).toBe(0)

    // The order itself stays paid, and ships what is left.
    const staff = await loggedInStaff(getDb())
    const shipped = await asStaff(shop, staff.headers)(
      'POST',
      `/api/merchant/orders/${order.id}/shipment`,
      SHIPMENT,
    )
    expect(shipped.statusCode).toBe(200)
  })

  it('refunds a line in parts, never more units than were bought', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 3, pencils: 0 })
    expect((await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))).json()).toMatchObject({
      status: 'refunded',
    })
    const more = await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))
    expect(more.statusCode).toBe(409)
    expect(more.json()).toMatchObject({
      code: 'after_sales_quantity_exceeded',
      message: expect.stringContaining('1 can still be claimed, not 2'),
    })
    expect((await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))).statusCode).toBe(201)
    expect(await refundedAtAlipay(sim, order.id)).toBe(3 * PRICES[ENVELOPE])
    const summary = (await buyer.get(`/api/orders/${order.id}/after-sales`)).json<OrderAfterSales>()
    expect(summary).toMatchObject({ kinds: [], refunded: 3 * PRICES[ENVELOPE], lines: [{ claimable: 0 }] })
  })

  it('does not ship an order refunded in full, and says why', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 1 })
    const res = await ask(
      buyer,
      order.id,
      refundOnly([
        { lineNo: 1, quantity: 1 },
        { lineNo: 2, quantity: 1 },
      ]),
    )
    expect(res.json()).toMatchObject({ status: 'refunded', refundAmount: order.total })
    expect(await refundedAtAlipay(sim, order.id)).toBe(order.total)
    const staff = await loggedInStaff(getDb())
    const shipped = await asStaff(shop, staff.headers)(
      'POST',
      `/api/merchant/orders/${order.id}/shipment`,
      SHIPMENT,
    )
    expect(shipped.statusCode).toBe(409)
    expect(shipped.json()).toMatchObject({
      code: 'order_not_shippable',
      message: `Order ${order.id} was refunded in full; there is nothing left to ship.`,
    })
  })
})
