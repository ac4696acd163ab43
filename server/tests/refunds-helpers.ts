/**
 * Shared by the refunds suites (not a test file itself): paid orders through the shop and the
 * simulator, the payment code's dependencies on the suite's database, Alipay clients that lose
 * or bend answers, and what the simulator says about a trade's refunds.
 */
import type { SimulatorHarness } from '../alipay-simulator/test-harness'
import { AlipayUnavailableError, type AlipayClient } from '../alipay/client'
import type { Db } from '../db/types'
import type { PaymentDeps } from '../payments/deps'
import { requestRefund, sendRefund, type Refund, type RefundRequest } from '../payments/refunds'
import { testConfig } from '../testing/app'
import { until } from '../testing/until'
import { asBuyer, payingBuyer, tradeNoOf, type ShopUnderTest } from './payments-helpers'
import { statusOf } from './orders-helpers'

export const silentLog = { info: () => {}, warn: () => {}, error: () => {} }

export function paymentDeps(db: Db, alipay: AlipayClient): PaymentDeps {
  return { db, alipay, settings: testConfig().alipay.payments, log: silentLog }
}

/** An order of 3 envelopes, paid at the simulator and in the shop. */
export async function paidOrder(shop: ShopUnderTest, db: Db, sim: SimulatorHarness) {
  const buyer = asBuyer(shop, await payingBuyer(db))
  const order = await buyer.placeOrder('envelope-kraft-std', 3)
  const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
  expect((await sim.pay(tradeNO, 'pay')).resultCode).toBe('9000')
  await until(
    'the order to be paid',
    async () => ((await statusOf(db, order.id)).status === 'paid' ? true : undefined),
    5000,
    25,
  )
  return { id: order.id, total: order.total }
}

/**
 * An after-sales refund of `amountFen` on the order, for an approved request (refunding) made
 * directly in the database: migration 010 ties every after-sales refund to its request, of the
 * same amount. These suites test the refund ledger; the after-sales-*.test.ts suites make
 * requests the real way.
 */
export async function afterSales(db: Db, orderId: string, amountFen: number): Promise<RefundRequest> {
  const requestId = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into after_sales_requests (order_id, user_id, kind, reason, refund_fen)
       select id, user_id, 'refund_only', 'other', $2 from orders where id = $1
       returning id::text`,
      [orderId, amountFen],
    )
    if (!row) throw new Error(`no order ${orderId}`)
    await tx.query(`update after_sales_requests set status = 'refunding' where id = $1`, [row.id])
    return row.id
  })
  return { orderId, amountFen, kind: 'after_sales', afterSalesRequestId: requestId, reason: '测试退款' }
}

/** Records the refund (it must be accepted) and returns it, unsent. */
export async function recordRefund(db: Db, request: RefundRequest): Promise<Refund> {
  const result = await db.transaction((tx) => requestRefund(tx, request))
  if (!('refund' in result)) throw new Error(`refund refused: ${JSON.stringify(result)}`)
  return result.refund
}

/** Records the refund and sends it; returns its status afterwards. */
export async function refund(deps: PaymentDeps, request: RefundRequest) {
  return sendRefund(deps, await recordRefund(deps.db, request))
}

/** The refund's row as the database holds it. */
export async function refundRow(db: Db, outRequestNo: string) {
  const [row] = await db.query<{ status: string; attempts: number; last_error: string | null }>(
    'select status, attempts, last_error from refunds where out_request_no = $1',
    [outRequestNo],
  )
  return row
}

/** What Alipay (the simulator) says: the trade's status and total refunded, and one refund. */
export async function atAlipay(sim: SimulatorHarness, orderId: string, outRequestNo?: string) {
  const trade = await sim
    .client()
    .exec<{ tradeStatus: string; refundFee?: string }>('alipay.trade.query', { out_trade_no: orderId })
  const query = outRequestNo
    ? await sim
        .client()
        .exec<{ refundStatus?: string; refundAmount?: string }>('alipay.trade.fastpay.refund.query', {
          out_trade_no: orderId,
          out_request_no: outRequestNo,
        })
    : {}
  return { tradeStatus: trade.tradeStatus, refundFee: trade.refundFee, refundStatus: query.refundStatus }
}

export interface BentClient extends AlipayClient {
  /** "method out_request_no" of every refund call made through it. */
  calls: string[]
  /** The calls about one refund (the reconciler also finishes other tests' refunds). */
  callsFor(outRequestNo: string): string[]
}

/**
 * The simulator's client, each call going through `bend`, which may make the real call
 * (`real()`), and answer or throw whatever it likes instead.
 */
export function bentClient(
  sim: SimulatorHarness,
  bend: (method: string, real: () => Promise<unknown>) => Promise<unknown> = (_, real) => real(),
): BentClient {
  const client = sim.client()
  const calls: string[] = []
  return {
    ...client,
    calls,
    callsFor: (outRequestNo) => calls.filter((call) => call.endsWith(` ${outRequestNo}`)),
    async exec<T>(method: string, biz?: Record<string, unknown>): Promise<T> {
      if (method.includes('refund')) calls.push(`${method} ${String(biz?.out_request_no)}`)
      return (await bend(method, () => client.exec(method, biz))) as T
    },
  }
}

/** Alipay refunds, but its answer never arrives (a timeout after the fact). */
export const losingRefundAnswers = (sim: SimulatorHarness) =>
  bentClient(sim, async (method, real) => {
    const answer = await real()
    if (method === 'alipay.trade.refund') throw new AlipayUnavailableError(method, 'network', 'answer lost')
    return answer
  })
