/**
 * Does the shop's ledger agree with "Alipay's" (the simulator's trades, GET /alipay-sim/trades,
 * as tests/support/after-sales-e2e.ts reads them)? For every order:
 *  - unpaid: no trade, or one not paid (money taken for an unpaid order is a disagreement);
 *  - paid, shipped, received, completed: a paid trade of the order's total, under the trade_no
 *    the shop holds (closed at Alipay only once fully refunded);
 *  - closed: a trade not paid, or paid late and refunded in full;
 * and for every refund: the shop's `refunded` refunds are exactly Alipay's, amount for amount.
 */
import type { Db } from '../../server/db/types'
import type { SimulatedTrade } from '../../tests/support/after-sales-e2e'

export interface Disagreement {
  orderId: string
  ours: string
  alipay: string
}

export interface AgreementReport {
  ordersChecked: number
  byStatus: Record<string, number>
  orderDisagreements: Disagreement[]
  refundsChecked: number
  refundDisagreements: Disagreement[]
}

const yuanToFen = (yuan: string) => Math.round(Number(yuan) * 100)
const PAID_STATUSES = new Set(['paid', 'shipped', 'received', 'completed'])

export interface OrderRow {
  id: string
  status: string
  total_fen: number
  trade_no: string | null
  trade_status: string | null
}

async function tradeOf(baseUrl: string, orderId: string): Promise<SimulatedTrade | undefined> {
  const response = await fetch(`${baseUrl}/alipay-sim/trades?outTradeNo=${orderId}`)
  if (response.status !== 200) throw new Error(`GET /alipay-sim/trades: ${response.status}`)
  const { items } = (await response.json()) as { items: SimulatedTrade[] }
  if (items.length > 1) throw new Error(`${items.length} trades for order ${orderId} at Alipay`)
  return items[0]
}

/** Why the order and its trade disagree, or undefined when they agree. */
export function orderDisagreement(order: OrderRow, trade: SimulatedTrade | undefined): string | undefined {
  if (!trade) return order.trade_no ? `the shop has trade ${order.trade_no}, Alipay none` : undefined
  if (order.trade_no !== trade.tradeNo) return `trade_no ${order.trade_no} here, ${trade.tradeNo} at Alipay`
  const total = yuanToFen(trade.totalAmount)
  const refunded = yuanToFen(trade.refundedAmount)
  if (total !== order.total_fen) return `total ${order.total_fen} fen here, ${total} at Alipay`
  const paidAtAlipay =
    trade.tradeStatus === 'TRADE_SUCCESS' ||
    trade.tradeStatus === 'TRADE_FINISHED' ||
    (trade.tradeStatus === 'TRADE_CLOSED' && refunded > 0)
  if (order.status === 'awaiting_payment') return paidAtAlipay ? 'unpaid here, paid at Alipay' : undefined
  if (order.status === 'closed') {
    if (!paidAtAlipay) return undefined
    return refunded === total
      ? undefined
      : `closed here, paid at Alipay with ${refunded} of ${total} fen refunded`
  }
  if (PAID_STATUSES.has(order.status)) {
    if (!paidAtAlipay) return `${order.status} here, ${trade.tradeStatus} at Alipay`
    if (trade.tradeStatus === 'TRADE_CLOSED' && refunded !== total)
      return `${order.status} here, closed at Alipay with ${refunded} of ${total} fen refunded`
    return undefined
  }
  return `unknown status ${order.status}`
}

export interface RefundRow {
  out_request_no: string
  amount_fen: number
  status: string
}

/** Ours that went through against Alipay's, by out_request_no, both ways; none pending at Alipay. */
export function refundDisagreements(
  orderId: string,
  ours: RefundRow[],
  trade: SimulatedTrade | undefined,
): Disagreement[] {
  const found: Disagreement[] = []
  const theirs = new Map(
    (trade?.refunds ?? []).map((refund) => [refund.outRequestNo, yuanToFen(refund.refundAmount)]),
  )
  for (const refund of ours) {
    const atAlipay = theirs.get(refund.out_request_no)
    theirs.delete(refund.out_request_no)
    const agrees = refund.status === 'refunded' ? atAlipay === refund.amount_fen : atAlipay === undefined
    if (!agrees)
      found.push({
        orderId,
        ours: `${refund.out_request_no} ${refund.status} ${refund.amount_fen} fen`,
        alipay: atAlipay === undefined ? 'no such refund' : `refunded ${atAlipay} fen`,
      })
  }
  for (const [outRequestNo, amount] of theirs)
    found.push({ orderId, ours: 'no such refund', alipay: `${outRequestNo} ${amount} fen` })
  for (const pending of trade?.pendingRefunds ?? [])
    found.push({ orderId, ours: '-', alipay: `${pending.outRequestNo} still pending` })
  return found
}

export async function checkAgreement(db: Db, baseUrl: string): Promise<AgreementReport> {
  const orders = await db.query<OrderRow>(
    `select o.id, o.status, o.total_fen, p.trade_no, p.trade_status
       from orders o left join payments p on p.order_id = o.id order by o.id`,
  )
  const refunds = await db.query<RefundRow & { order_id: string }>(
    'select order_id, out_request_no, amount_fen, status from refunds order by order_id',
  )
  const refundsByOrder = new Map<string, typeof refunds>()
  for (const refund of refunds)
    refundsByOrder.set(refund.order_id, [...(refundsByOrder.get(refund.order_id) ?? []), refund])

  const report: AgreementReport = {
    ordersChecked: 0,
    byStatus: {},
    orderDisagreements: [],
    refundsChecked: 0,
    refundDisagreements: [],
  }
  for (const order of orders) {
    report.ordersChecked++
    report.byStatus[order.status] = (report.byStatus[order.status] ?? 0) + 1
    const trade = await tradeOf(baseUrl, order.id)
    const why = orderDisagreement(order, trade)
    if (why) report.orderDisagreements.push({ orderId: order.id, ours: order.status, alipay: why })

    report.refundsChecked += (refundsByOrder.get(order.id) ?? []).length
    report.refundDisagreements.push(
      ...refundDisagreements(order.id, refundsByOrder.get(order.id) ?? [], trade),
    )
  }
  return report
}
