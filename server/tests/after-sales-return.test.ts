/**
 * Return and refund (退货退款) end to end through the HTTP API: the buyer pays, the merchant
 * ships, the buyer asks, the merchant approves, the buyer enters the return parcel, the merchant
 * confirms it came back; then the refund is confirmed at Alipay (the simulator), the stock
 * returns, and audit_log has each staff action with its before → after.
 */
import type { MerchantAfterSalesPage, MerchantAfterSalesRequest, Order } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { SHIPMENT } from './orders-fulfilment-helpers'
import { stockOf } from './orders-helpers'
import { shopForSuite } from './payments-helpers'
import {
  ask,
  asStaff,
  auditOfRequest,
  ENVELOPE,
  newBuyer,
  paidOrder,
  PRICES,
  refundedAtAlipay,
  RETURN_PARCEL,
  returnAndRefund,
  stockUp,
  timeline,
} from './after-sales-helpers'

const sim = simulatorForSuite()

describeEachDatabase('after-sales: return and refund', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  let owner: TestStaff
  beforeAll(async () => {
    await stockUp(getDb())
    owner = await loggedInStaff(getDb(), 'owner')
  })
  const merchant = () => asStaff(shop, owner.headers)

  it('goes from the ask to Alipay’s confirmed refund, each staff step audited', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 3, pencils: 1 })
    const shipped = await merchant()('POST', `/api/merchant/orders/${order.id}/shipment`, SHIPMENT)
    expect(shipped.json<Order>().status).toBe('shipped')

    const asked = await ask(buyer, order.id, returnAndRefund([{ lineNo: 1, quantity: 2 }]))
    expect(asked.statusCode).toBe(201)
    const { id } = asked.json<MerchantAfterSalesRequest>()
    expect(asked.json()).toMatchObject({ status: 'requested', refundAmount: 2 * PRICES[ENVELOPE] })
    expect(asked.json()).not.toHaveProperty('refund')

    const queue = (
      await merchant()('GET', '/api/merchant/after-sales?status=requested')
    ).json<MerchantAfterSalesPage>()
    expect(queue.items.map((item) => item.id)).toContain(id)

    const approved = await merchant()('POST', `/api/merchant/after-sales/${id}/approve`)
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'awaiting_return', decidedBy: owner.name })
    expect(approved.json()).not.toHaveProperty('refund')

    // The goods are not back: confirming their arrival is too early.
    const early = await merchant()('POST', `/api/merchant/after-sales/${id}/return-received`)
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({ code: 'after_sales_not_actionable' })

    const parcel = await buyer.post(`/api/after-sales/${id}/return-shipment`, RETURN_PARCEL)
    expect(parcel.statusCode).toBe(200)
    expect(parcel.json()).toMatchObject({ status: 'returning', returnShipment: RETURN_PARCEL })
    expect(parcel.json()).not.toHaveProperty('decidedBy')
    const again = await buyer.post(`/api/after-sales/${id}/return-shipment`, RETURN_PARCEL)
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
    const other = await buyer.post(`/api/after-sales/${id}/return-shipment`, {
      ...RETURN_PARCEL,
      trackingNo: 'ZT2024000002',
    })
    expect(other.statusCode).toBe(409)
    expect(other.json()).toMatchObject({ code: 'after_sales_not_actionable' })

    const stockBefore = await stockOf(getDb(), ENVELOPE)
    expect(await refundedAtAlipay(sim, order.id)).toBe(0)
    const received = await merchant()('POST', `/api/merchant/after-sales/${id}/return-received`)
    expect(received.statusCode).toBe(200)
    const done = received.json<MerchantAfterSalesRequest>()
    expect(done).toMatchObject({
      status: 'refunded',
      refund: { amount: 2 * PRICES[ENVELOPE], status: 'refunded', outRequestNo: `R${order.id}_${id}` },
      returnShipment: RETURN_PARCEL,
    })
    expect(timeline(done)).toEqual([
      'requested/buyer',
      'approved/staff',
      'return_shipped/buyer',
      'return_received/staff',
      'refund_sent/system',
      'refunded/system',
    ])
    expect(done.events[2].note).toBe(`${RETURN_PARCEL.carrier} ${RETURN_PARCEL.trackingNo}`)
    expect(await refundedAtAlipay(sim, order.id)).toBe(2 * PRICES[ENVELOPE])
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stockBefore + 2)

    // A retry of the confirmation changes nothing more.
    const replay = await merchant()('POST', `/api/merchant/after-sales/${id}/return-received`)
    expect(replay.statusCode).toBe(200)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stockBefore + 2)
    expect(await refundedAtAlipay(sim, order.id)).toBe(2 * PRICES[ENVELOPE])

    expect(await auditOfRequest(getDb(), id)).toEqual([
      {
        staff_id: owner.id,
        action: 'after_sales.approve',
        before: { status: 'requested' },
        after: { status: 'awaiting_return' },
      },
      {
        staff_id: owner.id,
        action: 'after_sales.return_received',
        before: { status: 'returning' },
        after: { status: 'refunding', refundFen: 2 * PRICES[ENVELOPE], outRequestNo: `R${order.id}_${id}` },
      },
    ])
    const [shipEntry] = await getDb().query(
      `select action, before, after from audit_log where target_type = 'order' and target_id = $1`,
      [order.id],
    )
    expect(shipEntry).toMatchObject({ action: 'order.ship', before: { status: 'paid' } })

    // The merchant's view of the order's request, and the buyer's order summary.
    const seen = await merchant()('GET', `/api/merchant/after-sales/${id}`)
    expect(seen.json()).toEqual(done)
    const summary = await buyer.get(`/api/orders/${order.id}/after-sales`)
    expect(summary.json()).toMatchObject({
      kinds: ['refund_only', 'return_and_refund'],
      lines: [
        { lineNo: 1, claimable: 1, open: false },
        { lineNo: 2, claimable: 1, open: false },
      ],
      refunded: 2 * PRICES[ENVELOPE],
    })
  })
})
