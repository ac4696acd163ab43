/**
 * After-sales under races, on PGlite (transactions one after the other) and PostgreSQL (really at
 * once): two staff approving one request make one refund; a buyer cancelling while staff approve
 * leaves one outcome; two requests on one line leave one open; and refunds racing requests never
 * take more than was paid — also when the request's own check passed before the other refund
 * committed (only the refunds table's trigger can stop that one).
 */
import type { LightMyRequestResponse } from 'fastify'
import type { AfterSalesRequest } from '../../contract'
import { requestRefund } from '../payments/refunds'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { until } from '../testing/until'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { stockOf } from './orders-helpers'
import { shopForSuite } from './payments-helpers'
import { afterSales, paymentDeps, refund } from './refunds-helpers'
import {
  ask,
  asStaff,
  auditOfRequest,
  ENVELOPE,
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

describeEachDatabase('after-sales: races', (getDb, kind) => {
  const shop = shopForSuite(getDb, () => sim)
  let alice: TestStaff
  let bob: TestStaff
  beforeAll(async () => {
    await stockUp(getDb())
    alice = await loggedInStaff(getDb(), 'owner')
    bob = await loggedInStaff(getDb())
  })
  const act = (staff: TestStaff, requestId: string, action: string) =>
    asStaff(shop, staff.headers)('POST', `/api/merchant/after-sales/${requestId}/${action}`)
  const fresh = (res: LightMyRequestResponse) =>
    res.statusCode === 200 && res.headers['idempotent-replayed'] === undefined

  /** A refund-only request on a shipped order: it waits for staff. */
  async function waitingRequest() {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    await ship(getDb(), order.id)
    const request = (
      await ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 2 }]))
    ).json<AfterSalesRequest>()
    return { buyer, order, request }
  }

  it('two approvals at once: one refund row, one refund at Alipay, one answer fresh', async () => {
    const { order, request } = await waitingRequest()
    const answers = await Promise.all([act(alice, request.id, 'approve'), act(bob, request.id, 'approve')])
    expect(answers.filter(fresh)).toHaveLength(1)
    for (const answer of answers) {
      expect([200, 409]).toContain(answer.statusCode)
      if (!fresh(answer) && answer.statusCode === 200)
        expect(answer.headers['idempotent-replayed']).toBe('true')
    }
    expect(await refundsOf(getDb(), order.id)).toEqual([
      { amount_fen: request.refundAmount, status: 'refunded', after_sales_request_id: request.id },
    ])
    expect(await refundsAtAlipay(sim, order.id)).toEqual([
      `R${order.id}_${request.id} ${request.refundAmount}`,
    ])
    expect(await auditOfRequest(getDb(), request.id)).toHaveLength(1)
    const seen = (await act(alice, request.id, 'approve')).json<AfterSalesRequest>()
    expect(timeline(seen).filter((event) => event.startsWith('approved'))).toHaveLength(1)
  })

  it('a cancel racing an approval: one of them wins, and a refund exists only if approval did', async () => {
    const { buyer, order, request } = await waitingRequest()
    const [approved, cancelled] = await Promise.all([
      act(alice, request.id, 'approve'),
      buyer.post(`/api/after-sales/${request.id}/cancel`),
    ])
    expect([approved.statusCode, cancelled.statusCode].sort()).toEqual([200, 409])
    const refunds = await refundsOf(getDb(), order.id)
    expect(refunds).toHaveLength(approved.statusCode === 200 ? 1 : 0)
    expect(await refundedAtAlipay(sim, order.id)).toBe(approved.statusCode === 200 ? request.refundAmount : 0)
  })

  it('two requests on one line at once: one is made, the other is told the line is held', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 2, pencils: 1 })
    await ship(getDb(), order.id)
    const answers = await Promise.all([
      ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }])),
      ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }])),
    ])
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409])
    expect(answers.find((answer) => answer.statusCode === 409)?.json()).toMatchObject({
      code: 'after_sales_line_open',
    })
    const [{ n }] = await getDb().query<{ n: number }>(
      'select count(*)::int as n from after_sales_requests where order_id = $1',
      [order.id],
    )
    expect(n).toBe(1)
  })

  it('two requests whose sum exceeds what is left: one is refunded, the other is a 409', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 1 })
    // A refund of 1000 fen first: 3400 are left, less than both lines (1500 + 2900).
    expect(await refund(paymentDeps(getDb(), sim.client()), await afterSales(getDb(), order.id, 1000))).toBe(
      'refunded',
    )
    const stock = { [ENVELOPE]: await stockOf(getDb(), ENVELOPE), [PENCILS]: await stockOf(getDb(), PENCILS) }
    const answers = await Promise.all([
      ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }])),
      ask(buyer, order.id, refundOnly([{ lineNo: 2, quantity: 1 }])),
    ])
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409])
    const winner = answers.find((answer) => answer.statusCode === 201)!.json<AfterSalesRequest>()
    expect(answers.find((answer) => answer.statusCode === 409)?.json()).toMatchObject({
      code: 'refund_exceeds_paid',
    })
    expect(winner.status).toBe('refunded')
    expect(await refundedAtAlipay(sim, order.id)).toBe(1000 + winner.refundAmount)
    const won = winner.lines[0].skuId as typeof ENVELOPE | typeof PENCILS
    const lost = won === ENVELOPE ? PENCILS : ENVELOPE
    expect(await stockOf(getDb(), won)).toBe(stock[won] + 1)
    expect(await stockOf(getDb(), lost)).toBe(stock[lost])
  })

  it('a refund committed while a request waits for it: the table refuses the request’s refund', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 1 })
    // Leaves 1499 fen: one fen less than line 1.
    const other = await afterSales(getDb(), order.id, order.total - PRICES[ENVELOPE] + 1)
    const stock = await stockOf(getDb(), ENVELOPE)
    let asked: Promise<LightMyRequestResponse> | undefined
    await getDb().transaction(async (tx) => {
      const [{ xid }] = await tx.query<{ xid: string }>('select txid_current()::text as xid')
      expect(await requestRefund(tx, other)).toHaveProperty('refund')
      asked = ask(buyer, order.id, refundOnly([{ lineNo: 1, quantity: 1 }]))
      // On PostgreSQL the request checked what is left (all of it: this refund is not committed)
      // and now waits for this transaction at the refunds table's lock. PGlite runs it after.
      if (kind === 'postgres')
        await until(
          'the request to wait for this refund',
          async () =>
            (
              await getDb().query(
                `select 1 from pg_locks where locktype = 'transactionid' and transactionid::text = $1 and not granted`,
                [xid],
              )
            ).length > 0 || undefined,
          5000,
          10,
        )
    })
    const answer = await asked!
    expect(answer.statusCode).toBe(409)
    expect(answer.json()).toMatchObject({ code: 'refund_exceeds_paid' })
    const refunds = await refundsOf(getDb(), order.id)
    expect(refunds.map((row) => row.amount_fen)).toEqual([other.amountFen])
    expect(await stockOf(getDb(), ENVELOPE)).toBe(stock)
    const [{ n }] = await getDb().query<{ n: number }>(
      'select count(*)::int as n from after_sales_lines where order_id = $1',
      [order.id],
    )
    expect(n).toBe(0)
  })
})
