/**
 * With AFTER_SALES_AUTO_APPROVE off, a refund-only request before shipping waits for the merchant:
 * nothing is refunded and no stock moves until staff approve it, and meanwhile the order is not
 * shipped (the 409 says why). Approval then refunds it, returns its stock and is audited.
 */
import type { AfterSalesRequest, MerchantAfterSalesPage } from '../../contract'
import { loadConfig } from '../config'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { loggedInStaff } from './merchant-helpers'
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
  refundOnly,
  refundsOf,
  stockUp,
  timeline,
} from './after-sales-helpers'

describe('AFTER_SALES_AUTO_APPROVE', () => {
  it('is on unless set to 0 or false', () => {
    expect(loadConfig({}).afterSalesAutoApprove).toBe(true)
    expect(loadConfig({ AFTER_SALES_AUTO_APPROVE: ' ' }).afterSalesAutoApprove).toBe(true)
    expect(loadConfig({ AFTER_SALES_AUTO_APPROVE: 'TRUE' }).afterSalesAutoApprove).toBe(true)
    expect(loadConfig({ AFTER_SALES_AUTO_APPROVE: '1' }).afterSalesAutoApprove).toBe(true)
    expect(loadConfig({ AFTER_SALES_AUTO_APPROVE: '0' }).afterSalesAutoApprove).toBe(false)
    expect(loadConfig({ AFTER_SALES_AUTO_APPROVE: 'false' }).afterSalesAutoApprove).toBe(false)
    expect(() => loadConfig({ AFTER_SALES_AUTO_APPROVE: 'no' })).toThrow(
      'AFTER_SALES_AUTO_APPROVE must be 1, true, 0 or false (got "no"). Default: AFTER_SALES_AUTO_APPROVE=true.',
    )
  })
})

const sim = simulatorForSuite()

describeEachDatabase('after-sales: refund only with automatic approval off', (getDb) => {
  const shop = shopForSuite(getDb, () => sim, { config: { afterSalesAutoApprove: false } })
  beforeAll(async () => stockUp(getDb()))

  it('waits for the merchant, holds shipping, then refunds and returns the stock once approved', async () => {
    const staff = await loggedInStaff(getDb())
    const merchant = asStaff(shop, staff.headers)
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    const stock = await stockOf(getDb(), ENVELOPE)

    const asked = await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))
    expect(asked.statusCode).toBe(201)
    const { id } = asked.json<AfterSalesRequest>()
    expect(asked.json()).toMatchObject({ status: 'requested', refundAmount: 2 * PRICES[ENVELOPE] })
    expect(await refundsOf(getDb(), order.id)).toEqual([])
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stock)
    const summary = await buyer.get(`/api/orders/${order.id}/after-sales`)
    expect(summary.json()).toMatchObject({
      lines: [
        { lineNo: 1, claimable: 0, open: true },
        { lineNo: 2, claimable: 1, open: false },
      ],
      refunded: 0,
    })

    const shipping = await merchant('POST', `/api/merchant/orders/${order.id}/shipment`, SHIPMENT)
    expect(shipping.statusCode).toBe(409)
    expect(shipping.json()).toMatchObject({
      code: 'order_not_shippable',
      message: `Order ${order.id} has an open after-sales request; decide it before shipping.`,
    })

    const queue = (
      await merchant('GET', '/api/merchant/after-sales?status=requested')
    ).json<MerchantAfterSalesPage>()
    expect(queue.items.find((item) => item.id === id)).not.toHaveProperty('decidedBy')
    const approved = await merchant('POST', `/api/merchant/after-sales/${id}/approve`)
    expect(approved.statusCode).toBe(200)
    expect(approved.headers['idempotent-replayed']).toBeUndefined()
    expect(approved.json()).toMatchObject({
      status: 'refunded',
      decidedBy: staff.name,
      refund: { amount: 2 * PRICES[ENVELOPE], status: 'refunded' },
    })
    expect(timeline(approved.json())).toEqual([
      'requested/buyer',
      'approved/staff',
      'refund_sent/system',
      'refunded/system',
    ])
    expect(await refundedAtAlipay(sim, order.id)).toBe(2 * PRICES[ENVELOPE])
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stock + 2)
    expect(await auditOfRequest(getDb(), id)).toEqual([
      {
        staff_id: staff.id,
        action: 'after_sales.approve',
        before: { status: 'requested' },
        after: { status: 'refunding', refundFen: 2 * PRICES[ENVELOPE], outRequestNo: `R${order.id}_${id}` },
      },
    ])

    // What is left ships.
    expect((await merchant('POST', `/api/merchant/orders/${order.id}/shipment`, SHIPMENT)).statusCode).toBe(
      200,
    )
  })
})
