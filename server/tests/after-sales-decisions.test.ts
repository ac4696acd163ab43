/**
 * Requests that end without a refund, and what an open one holds: staff reject with a reason the
 * buyer sees, the buyer cancels, and while a request is open its order is neither received nor
 * completed by the sweeper (time moved back as in orders-fulfilment tests).
 */
import type { AfterSalesRequest, MerchantAfterSalesRequest } from '../../contract'
import { completeSettledBatch, receiveOverdueBatch } from '../orders/fulfilment-sweep'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { fulfilmentOf } from './orders-fulfilment-helpers'
import { shopForSuite } from './payments-helpers'
import {
  ask,
  asStaff,
  auditOfRequest,
  newBuyer,
  paidOrder,
  receive,
  refundedAtAlipay,
  refundOnly,
  RETURN_PARCEL,
  returnAndRefund,
  ship,
  stockUp,
  timeline,
} from './after-sales-helpers'

const sim = simulatorForSuite()
const DAYS = { autoReceiveDays: 10, afterSalesDays: 7 }

describeEachDatabase('after-sales: reject, cancel, and what an open request holds', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  let staff: TestStaff
  beforeAll(async () => {
    await stockUp(getDb())
    staff = await loggedInStaff(getDb())
  })
  const merchant = () => asStaff(shop, staff.headers)

  async function shippedOrderWithBuyer(shippedDaysAgo = 0) {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer)
    await ship(getDb(), order.id, shippedDaysAgo)
    return { buyer, order }
  }

  it('rejects with the reason the buyer sees; the line is free again, nothing refunded', async () => {
    const { buyer, order } = await shippedOrderWithBuyer()
    const { id } = (
      await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))
    ).json<AfterSalesRequest>()
    const noReason = await merchant()('POST', `/api/merchant/after-sales/${id}/reject`, {})
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json()).toMatchObject({ code: 'bad_request' })

    const reason = '商品已签收且无质量问题'
    const rejected = await merchant()('POST', `/api/merchant/after-sales/${id}/reject`, { reason })
    expect(rejected.statusCode).toBe(200)
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: reason, decidedBy: staff.name })
    const again = await merchant()('POST', `/api/merchant/after-sales/${id}/reject`, { reason })
    expect(again.headers['idempotent-replayed']).toBe('true')
    const approve = await merchant()('POST', `/api/merchant/after-sales/${id}/approve`)
    expect(approve.statusCode).toBe(409)
    expect(approve.json()).toMatchObject({
      code: 'after_sales_not_actionable',
      message: `After-sales request ${id} is rejected; only a requested one can be approved.`,
    })

    const seen = (await buyer.get(`/api/after-sales/${id}`)).json<AfterSalesRequest>()
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: reason })
    expect(timeline(seen)).toEqual(['requested/buyer', 'rejected/staff'])
    expect(seen.events[1].note).toBe(reason)
    expect(await auditOfRequest(getDb(), id)).toEqual([
      {
        staff_id: staff.id,
        action: 'after_sales.reject',
        before: { status: 'requested' },
        after: { status: 'rejected', reason },
      },
    ])
    expect(await refundedAtAlipay(sim, order.id)).toBe(0)
    // A rejected request claims nothing: the same units can be asked for again.
    expect((await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))).statusCode).toBe(201)
  })

  it('lets the buyer cancel until the refund runs, and cancel again as a no-op', async () => {
    const { buyer, order } = await shippedOrderWithBuyer()
    const { id } = (
      await ask(buyer, order.id, returnAndRefund([{ lineNo: 2, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    await merchant()('POST', `/api/merchant/after-sales/${id}/approve`)
    await buyer.post(`/api/after-sales/${id}/return-shipment`, RETURN_PARCEL)
    const cancelled = await buyer.post(`/api/after-sales/${id}/cancel`)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', returnShipment: RETURN_PARCEL })
    expect(timeline(cancelled.json())).toEqual([
      'requested/buyer',
      'approved/staff',
      'return_shipped/buyer',
      'cancelled/buyer',
    ])
    const again = await buyer.post(`/api/after-sales/${id}/cancel`)
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
    const received = await merchant()('POST', `/api/merchant/after-sales/${id}/return-received`)
    expect(received.statusCode).toBe(409)
    expect(received.json<MerchantAfterSalesRequest>()).toMatchObject({ code: 'after_sales_not_actionable' })

    // A refunding request can no longer be cancelled.
    const refunding = (
      await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    await merchant()('POST', `/api/merchant/after-sales/${refunding.id}/approve`)
    const late = await buyer.post(`/api/after-sales/${refunding.id}/cancel`)
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({
      code: 'after_sales_not_actionable',
      message: expect.stringContaining('is refunded'),
    })
    expect(await refundedAtAlipay(sim, order.id)).toBe(refunding.refundAmount)
  })

  it('keeps an order with an open request from being received or completed by the sweeper', async () => {
    const shipped = await shippedOrderWithBuyer(30)
    const received = await shippedOrderWithBuyer(40)
    await receive(getDb(), received.order.id, 30)
    const asks = [
      (
        await ask(shipped.buyer, shipped.order.id, returnAndRefund([{ lineNo: 1, quantity: 1 }]))
      ).json<AfterSalesRequest>(),
      (
        await ask(received.buyer, received.order.id, refundOnly([{ lineNo: 2, quantity: 1 }]))
      ).json<AfterSalesRequest>(),
    ]
    expect(asks.map((request) => request.status)).toEqual(['requested', 'requested'])

    expect(await receiveOverdueBatch(getDb(), DAYS)).not.toContain(shipped.order.id)
    expect(await completeSettledBatch(getDb(), DAYS)).not.toContain(received.order.id)
    await expect(
      getDb().query(`update orders set status = 'completed', completed_at = now() where id = $1`, [
        received.order.id,
      ]),
    ).rejects.toThrow(/open after-sales request/)
    // Still open while the return is on its way.
    await merchant()('POST', `/api/merchant/after-sales/${asks[0].id}/approve`)
    expect(await receiveOverdueBatch(getDb(), DAYS)).not.toContain(shipped.order.id)
    expect((await fulfilmentOf(getDb(), shipped.order.id)).status).toBe('shipped')
    expect((await fulfilmentOf(getDb(), received.order.id)).status).toBe('received')

    // Once they end, the sweeper moves the orders on.
    await shipped.buyer.post(`/api/after-sales/${asks[0].id}/cancel`)
    await merchant()('POST', `/api/merchant/after-sales/${asks[1].id}/reject`, { reason: '已超过退款期限' })
    expect(await receiveOverdueBatch(getDb(), DAYS)).toContain(shipped.order.id)
    expect(await completeSettledBatch(getDb(), DAYS)).toContain(received.order.id)

    // A completed order takes no more requests.
    const late = await ask(received.buyer, received.order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({
      code: 'after_sales_not_allowed',
      message: `Order ${received.order.id} is completed: its after-sales window has ended.`,
    })
  })
})
