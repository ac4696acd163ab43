/**
 * Migration 010's rules hold for any statement, not just the after-sales module's: each test
 * breaks one rule with plain SQL and expects the database to refuse it. Orders here are paid
 * directly (fulfilment helpers) with a payment row, no Alipay involved.
 */
import type { Db } from '../db/types'
import { shipOrder } from '../orders/fulfilment'
import { requestRefund } from '../payments/refunds'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { FULFILMENT_SKU, paidOrder, SHIPMENT } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'

describeEachDatabase('after-sales: the rules in SQL', (getDb) => {
  let userId: string
  beforeAll(async () => {
    await prepareDatabase(getDb())
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    userId = (await createTestBuyer(getDb())).buyer.id
  })

  /** A paid order of one line (2 × FULFILMENT_SKU), with its payment row. */
  async function order(db: Db = getDb()): Promise<{ id: string; total: number }> {
    const id = await paidOrder(db, userId)
    const [{ total }] = await db.query<{ total: number }>(
      `update order_lines set quantity = 2, line_total_fen = unit_price_fen * 2 where order_id = $1
       returning line_total_fen as total`,
      [id],
    )
    await db.query(
      `insert into payments (order_id, trade_no, amount_fen, trade_status) values ($1, $2, $3, 'TRADE_SUCCESS')`,
      [id, `T${id}`, total],
    )
    return { id, total }
  }

  async function request(orderId: string, quantity = 1, refundFen = 100): Promise<string> {
    const [row] = await getDb().query<{ id: string }>(
      `insert into after_sales_requests (order_id, user_id, kind, reason, refund_fen)
       values ($1, $2, 'refund_only', 'other', $3) returning id::text`,
      [orderId, userId, refundFen],
    )
    await getDb().query(
      `insert into after_sales_lines (request_id, order_id, line_no, quantity) values ($1, $2, 1, $3)`,
      [row.id, orderId, quantity],
    )
    return row.id
  }

  const setStatus = (id: string, status: string) =>
    getDb().query('update after_sales_requests set status = $2 where id = $1', [id, status])

  it('starts requested, and moves only along the diagram', async () => {
    const { id: orderId } = await order()
    await expect(
      getDb().query(
        `insert into after_sales_requests (order_id, user_id, kind, reason, refund_fen, status)
         values ($1, $2, 'refund_only', 'other', 100, 'refunding')`,
        [orderId, userId],
      ),
    ).rejects.toThrow(/starts requested/)
    const id = await request(orderId)
    await expect(setStatus(id, 'awaiting_return')).rejects.toThrow(/check constraint/)
    await expect(setStatus(id, 'refunded')).rejects.toThrow(/requested and cannot become refunded/)
    await setStatus(id, 'refunding')
    await expect(setStatus(id, 'cancelled')).rejects.toThrow(/refunding and cannot become cancelled/)
    await expect(setStatus(id, 'refunded')).rejects.toThrow(/only once Alipay confirmed its refund/)
    await expect(
      getDb().query('update after_sales_requests set refund_fen = 1 where id = $1', [id]),
    ).rejects.toThrow(/cannot change what was asked/)
  })

  it('refuses a request for an order of another buyer', async () => {
    const { id: orderId } = await order()
    const other = (await createTestBuyer(getDb())).buyer.id
    await expect(
      getDb().query(
        `insert into after_sales_requests (order_id, user_id, kind, reason, refund_fen)
         values ($1, $2, 'refund_only', 'other', 100)`,
        [orderId, other],
      ),
    ).rejects.toThrow(/foreign key/)
  })

  it('holds one open request per line; an ended one frees it', async () => {
    const { id: orderId } = await order()
    const first = await request(orderId)
    await expect(request(orderId)).rejects.toMatchObject({ constraint: 'after_sales_lines_one_open_idx' })
    await setStatus(first, 'cancelled')
    await request(orderId)
  })

  it('never lets a line’s requests not rejected or cancelled claim more units than were bought', async () => {
    const { id: orderId, total } = await order()
    await expect(request(orderId, 3)).rejects.toMatchObject({ constraint: 'after_sales_lines_within_bought' })
    // One unit refunded (final, so the line is free) still counts.
    const refunded = await request(orderId, 1, total / 2)
    await setStatus(refunded, 'refunding')
    const recorded = await getDb().transaction((tx) =>
      requestRefund(tx, {
        orderId,
        amountFen: total / 2,
        kind: 'after_sales',
        afterSalesRequestId: refunded,
        reason: 'x',
      }),
    )
    expect(recorded).toHaveProperty('refund')
    await getDb().query(
      `update refunds set status = 'refunded', refunded_at = now() where after_sales_request_id = $1`,
      [refunded],
    )
    const [{ status }] = await getDb().query<{ status: string }>(
      'select status from after_sales_requests where id = $1',
      [refunded],
    )
    expect(status).toBe('refunded')
    await expect(request(orderId, 2)).rejects.toMatchObject({ constraint: 'after_sales_lines_within_bought' })
    await request(orderId, 1)
  })

  it('ties an after-sales refund to its approved request and its amount', async () => {
    const { id: orderId } = await order()
    const id = await request(orderId, 1, 300)
    const refundOf = (amountFen: number) =>
      getDb().transaction((tx) =>
        requestRefund(tx, { orderId, amountFen, kind: 'after_sales', afterSalesRequestId: id, reason: 'x' }),
      )
    await expect(refundOf(300)).rejects.toThrow(/is requested and cannot be refunded/)
    await setStatus(id, 'refunding')
    await expect(refundOf(299)).rejects.toThrow(/refunds 300 fen, not 299/)
    expect(await refundOf(300)).toHaveProperty('refund')
    await getDb().query(
      `update refunds set status = 'failed', last_error = 'ACQ.X' where after_sales_request_id = $1`,
      [id],
    )
    const events = await getDb().query<{ type: string; note: string | null }>(
      'select type, note from after_sales_events where request_id = $1 order by id',
      [id],
    )
    expect(events).toEqual([
      { type: 'refund_sent', note: null },
      { type: 'refund_failed', note: 'ACQ.X' },
    ])
  })

  it('makes order_has_open_after_sales true while a request is open, and holds shipping', async () => {
    const { id: orderId } = await order()
    const id = await request(orderId)
    const open = async () =>
      (await getDb().query<{ open: boolean }>('select order_has_open_after_sales($1) as open', [orderId]))[0]
        .open
    expect(await open()).toBe(true)
    expect(await getDb().transaction((tx) => shipOrder(tx, orderId, SHIPMENT))).toBe(false)
    await setStatus(id, 'cancelled')
    expect(await open()).toBe(false)
    expect(await getDb().transaction((tx) => shipOrder(tx, orderId, SHIPMENT))).toBe(true)
  })
})
