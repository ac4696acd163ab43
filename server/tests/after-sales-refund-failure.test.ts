/**
 * A refund Alipay refuses (the simulator's `refunds: 'fail'`, ACQ.SELLER_BALANCE_NOT_ENOUGH):
 * the request stays refunding with its refund failed and a 'refund_failed' event; an owner sends
 * it again with the same out_request_no and it completes; a `staff` account may not (403).
 */
import type { AfterSalesRequest, MerchantAfterSalesRequest } from '../../contract'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { loggedInStaff } from './merchant-helpers'
import { shopForSuite } from './payments-helpers'
import { atAlipay } from './refunds-helpers'
import {
  ask,
  asStaff,
  auditOfRequest,
  newBuyer,
  paidOrder,
  PENCILS,
  PRICES,
  refundedAtAlipay,
  refundOnly,
  refundsAtAlipay,
  refundsOf,
  ship,
  stockUp,
  timeline,
} from './after-sales-helpers'

const sim = simulatorForSuite()

describeEachDatabase('after-sales: a refund Alipay refused', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  beforeAll(async () => stockUp(getDb()))
  afterEach(async () => {
    await sim.control({ refunds: 'normal' })
  })

  it('stays refunding until an owner sends it again, with the same out_request_no', async () => {
    const owner = await loggedInStaff(getDb(), 'owner')
    const clerk = await loggedInStaff(getDb(), 'staff')
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 1 })

    await sim.control({ refunds: 'fail' })
    const asked = await ask(buyer, order.id, refundOnly([{ lineNo: 2, quantity: 1 }]))
    expect(asked.statusCode).toBe(201)
    const request = asked.json<AfterSalesRequest>()
    const outRequestNo = `R${order.id}_${request.id}`
    expect(request).toMatchObject({
      status: 'refunding',
      refund: { amount: PRICES[PENCILS], status: 'failed', outRequestNo },
    })
    expect(timeline(request)).toEqual([
      'requested/buyer',
      'approved/system',
      'refund_sent/system',
      'refund_failed/system',
    ])
    expect(request.events[3].note).toContain('ACQ.SELLER_BALANCE_NOT_ENOUGH')
    expect(await refundedAtAlipay(sim, order.id)).toBe(0)
    // Still open: the order is not shipped meanwhile.
    expect((await buyer.get(`/api/orders/${order.id}/after-sales`)).json()).toMatchObject({
      lines: [{ open: false }, { open: true, claimable: 0 }],
    })

    await sim.control({ refunds: 'normal' })
    const forbidden = await asStaff(shop, clerk.headers)(
      'POST',
      `/api/merchant/after-sales/${request.id}/refund`,
    )
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json()).toMatchObject({ code: 'forbidden', message: 'Only owner accounts may do this.' })
    expect((await refundsOf(getDb(), order.id))[0]).toMatchObject({ status: 'failed' })

    const retried = await asStaff(shop, owner.headers)(
      'POST',
      `/api/merchant/after-sales/${request.id}/refund`,
    )
    expect(retried.statusCode).toBe(200)
    expect(retried.headers['idempotent-replayed']).toBeUndefined()
    const done = retried.json<MerchantAfterSalesRequest>()
    expect(done).toMatchObject({
      status: 'refunded',
      refund: { amount: PRICES[PENCILS], status: 'refunded', outRequestNo },
    })
    expect(timeline(done)).toEqual([
      'requested/buyer',
      'approved/system',
      'refund_sent/system',
      'refund_failed/system',
      'refund_sent/system',
      'refunded/system',
    ])
    expect(await atAlipay(sim, order.id, outRequestNo)).toMatchObject({ refundStatus: 'REFUND_SUCCESS' })
    expect(await refundedAtAlipay(sim, order.id)).toBe(PRICES[PENCILS])
    expect(await refundsOf(getDb(), order.id)).toEqual([
      { amount_fen: PRICES[PENCILS], status: 'refunded', after_sales_request_id: request.id },
    ])
    expect(await auditOfRequest(getDb(), request.id)).toEqual([
      {
        staff_id: owner.id,
        action: 'after_sales.refund_retry',
        before: { refundStatus: 'failed' },
        after: { refundStatus: 'pending', refundFen: PRICES[PENCILS], outRequestNo },
      },
    ])

    // Refunded: sending again changes nothing, and sends nothing.
    const again = await asStaff(shop, owner.headers)('POST', `/api/merchant/after-sales/${request.id}/refund`)
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(done)
    expect(await refundedAtAlipay(sim, order.id)).toBe(PRICES[PENCILS])
    expect(await auditOfRequest(getDb(), request.id)).toHaveLength(1)
  })

  it('two owners sending it again at once: one sends, the other is told it is done', async () => {
    const owners = [await loggedInStaff(getDb(), 'owner'), await loggedInStaff(getDb(), 'owner')]
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 1 })
    await sim.control({ refunds: 'fail' })
    const request = (
      await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    expect(request.refund).toMatchObject({ status: 'failed' })
    await sim.control({ refunds: 'normal' })
    const answers = await Promise.all(
      owners.map((owner) =>
        asStaff(shop, owner.headers)('POST', `/api/merchant/after-sales/${request.id}/refund`),
      ),
    )
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200])
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(1)
    expect(await auditOfRequest(getDb(), request.id)).toHaveLength(1)
    expect(await refundsAtAlipay(sim, order.id)).toEqual([
      `R${order.id}_${request.id} ${request.refundAmount}`,
    ])
    expect((await buyer.get(`/api/after-sales/${request.id}`)).json()).toMatchObject({ status: 'refunded' })
  })

  it('answers 409 when the request has no refund to send', async () => {
    const owner = await loggedInStaff(getDb(), 'owner')
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer)
    // Shipped, so a refund-only request waits for staff: until approved it has no refund.
    await ship(getDb(), order.id)
    const pending = (
      await ask(buyer, order.id, refundOnly([{ lineNo: 2, quantity: 1 }]))
    ).json<AfterSalesRequest>()
    const res = await asStaff(shop, owner.headers)('POST', `/api/merchant/after-sales/${pending.id}/refund`)
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      code: 'after_sales_not_actionable',
      message: `After-sales request ${pending.id} is requested; it has no refund to send again.`,
    })
  })
})
