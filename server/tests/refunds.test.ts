/**
 * Refunds through Alipay (server/payments/refunds.ts, migration 008), against the simulator
 * through alipay-sdk: partial refunds add up to what was paid and never past it — refused by the
 * table itself, for any statement and under races — and a fully refunded trade ends TRADE_CLOSED
 * while its order stays paid.
 */
import { requestRefund, sendRefund, type RefundRequest, type RequestRefundResult } from '../payments/refunds'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { until } from '../testing/until'
import { fenToYuan } from '../alipay/wire-format'
import { statusOf } from './orders-helpers'
import { paymentState, shopForSuite } from './payments-helpers'
import {
  afterSales,
  atAlipay,
  losingRefundAnswers,
  paidOrder,
  paymentDeps,
  recordRefund,
  refund,
} from './refunds-helpers'

const sim = simulatorForSuite()

describeEachDatabase('refunds through Alipay', (getDb, kind) => {
  const shop = shopForSuite(getDb, () => sim)
  const deps = () => paymentDeps(getDb(), sim.client())
  const paid = () => paidOrder(shop, getDb(), sim)

  it('refunds in parts that add up to what was paid; the last one closes the trade, the order stays paid', async () => {
    const order = await paid()
    const first = await afterSales(getDb(), order.id, Math.floor(order.total / 3))
    const second = await afterSales(getDb(), order.id, order.total - first.amountFen)
    expect(await refund(deps(), first)).toBe('refunded')
    expect(await atAlipay(sim, order.id)).toMatchObject({
      tradeStatus: 'TRADE_SUCCESS',
      refundFee: fenToYuan(first.amountFen),
    })
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_SUCCESS',
    })

    expect(await refund(deps(), second)).toBe('refunded')
    expect(await atAlipay(sim, order.id)).toMatchObject({
      tradeStatus: 'TRADE_CLOSED',
      refundFee: fenToYuan(order.total),
    })
    await sim.notifier.idle()
    const state = await until(
      'both refund notifies',
      async () => {
        const seen = await paymentState(getDb(), order.id)
        return seen.notifies.filter((n) => n.notify_type === 'trade_refund').length === 2 ? seen : undefined
      },
      5000,
      25,
    )
    expect(state.order.status).toBe('paid')
    expect(state.payments[0]).toMatchObject({ trade_status: 'TRADE_CLOSED' })
    expect(state.refunds.map((r) => [r.amount_fen, r.kind, r.status, r.attempts])).toEqual([
      [first.amountFen, 'after_sales', 'refunded', 1],
      [second.amountFen, 'after_sales', 'refunded', 1],
    ])

    // Nothing is left: even one fen more is refused, and nothing is recorded.
    const one = await afterSales(getDb(), order.id, 1)
    const more = await getDb().transaction((tx) => requestRefund(tx, one))
    expect(more).toEqual({ refused: 'exceeds_paid', refundableFen: 0 })
    // The same request again is the same refund: recorded once, refunded once.
    expect(await refund(deps(), first)).toBe('refunded')
    expect((await paymentState(getDb(), order.id)).refunds).toHaveLength(2)
    expect((await atAlipay(sim, order.id)).refundFee).toBe(fenToYuan(order.total))
  })

  it('refuses a refund past what is left, and keeps the caller’s transaction usable', async () => {
    const order = await paid()
    await recordRefund(getDb(), await afterSales(getDb(), order.id, order.total - 1))
    const [two, one] = [await afterSales(getDb(), order.id, 2), await afterSales(getDb(), order.id, 1)]
    const outcome = await getDb().transaction(async (tx) => {
      const refused = await requestRefund(tx, two)
      const accepted = await requestRefund(tx, one)
      return { refused, accepted: 'refund' in accepted }
    })
    expect(outcome).toEqual({ refused: { refused: 'exceeds_paid', refundableFen: 1 }, accepted: true })
    expect(
      await getDb().transaction((tx) =>
        requestRefund(tx, {
          orderId: '20240101000000000000',
          amountFen: 1,
          kind: 'after_sales',
          afterSalesRequestId: '1',
          reason: '测试退款',
        }),
      ),
    ).toEqual({
      refused: 'not_paid',
    })
  })

  it('enforces the cap in SQL: a direct INSERT or UPDATE past what was paid fails', async () => {
    const order = await paid()
    const insert = (requestNo: string, fen: number, status = 'pending') =>
      getDb().query(
        `insert into refunds (order_id, out_request_no, amount_fen, kind, reason, status)
         values ($1, $2, $3, 'closed_order', 'x', $4)`,
        [order.id, requestNo, fen, status],
      )
    await expect(insert(`X${order.id}_1`, order.total + 1)).rejects.toThrow(/more than the \d+ fen left/)
    await insert(`X${order.id}_2`, order.total - 10)
    await expect(insert(`X${order.id}_3`, 11)).rejects.toThrow(/more than the 10 fen left/)
    // A failed refund does not count, but counts again when it is sent again.
    await insert(`X${order.id}_4`, 11, 'failed')
    await expect(
      getDb().query(`update refunds set status = 'pending' where out_request_no = $1`, [`X${order.id}_4`]),
    ).rejects.toThrow(/more than the 10 fen left/)
    // A refund's amount never changes, nor does a refunded one go back.
    await expect(
      getDb().query(`update refunds set amount_fen = 1 where out_request_no = $1`, [`X${order.id}_2`]),
    ).rejects.toThrow(/cannot change/)
    await getDb().query(
      `update refunds set status = 'refunded', refunded_at = now() where out_request_no = $1`,
      [`X${order.id}_2`],
    )
    await expect(
      getDb().query(`update refunds set status = 'pending', refunded_at = null where out_request_no = $1`, [
        `X${order.id}_2`,
      ]),
    ).rejects.toThrow(/refunded and cannot become pending/)
  })

  it('lets one of two racing refunds through when together they exceed what was paid', async () => {
    const order = await paid()
    const share = Math.ceil((order.total * 3) / 5)
    // On PostgreSQL both transactions read what is left before either inserts (the check the
    // table must not rely on); PGlite runs transactions one after the other.
    let arrived = 0
    let release: () => void = () => {}
    const bothRead = new Promise<void>((resolve) => (release = resolve))
    const requests = [await afterSales(getDb(), order.id, share), await afterSales(getDb(), order.id, share)]
    const race = (request: RefundRequest) =>
      getDb().transaction(async (tx): Promise<RequestRefundResult> => {
        await tx.query('select refundable_fen($1)', [order.id])
        if (kind === 'postgres') {
          if (++arrived === 2) release()
          await bothRead
        }
        return requestRefund(tx, request)
      })
    const results = await Promise.all(requests.map(race))
    expect(results.filter((result) => 'refund' in result)).toHaveLength(1)
    expect(results.filter((result) => 'refused' in result)).toEqual([
      { refused: 'exceeds_paid', refundableFen: order.total - share },
    ])
    const [winner] = results.flatMap((result) => ('refund' in result ? [result.refund] : []))
    expect(await sendRefund(deps(), winner)).toBe('refunded')
    expect(await atAlipay(sim, order.id)).toMatchObject({ refundFee: fenToYuan(share) })
  })

  it('confirms a refund whose answer was lost when its notify arrives, and records TRADE_CLOSED', async () => {
    const order = await paid()
    const full = await afterSales(getDb(), order.id, order.total)
    expect(await refund(paymentDeps(getDb(), losingRefundAnswers(sim)), full)).toBe('pending')
    await sim.notifier.idle()
    const state = await until(
      'the notify to confirm the refund',
      async () => {
        const seen = await paymentState(getDb(), order.id)
        return seen.refunds[0]?.status === 'refunded' ? seen : undefined
      },
      5000,
      25,
    )
    expect(state.payments[0]).toMatchObject({ trade_status: 'TRADE_CLOSED' })
    expect(state.notifies).toContainEqual(expect.objectContaining({ notify_type: 'trade_refund' }))
    expect((await statusOf(getDb(), order.id)).status).toBe('paid')
    expect(await atAlipay(sim, order.id)).toMatchObject({
      tradeStatus: 'TRADE_CLOSED',
      refundFee: fenToYuan(order.total),
    })
  })
})
