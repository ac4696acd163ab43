/**
 * GET /orders/:id/history: an order's Alipay trade_no, its after-sales refunds and its whole
 * timeline, oldest first, put together from what each domain already records: the order's own
 * timestamps, the refunds ledger (008), the after-sales timelines (010) and the audit log (006),
 * which names the staff member behind each staff step.
 *
 * Who acted: a staff name when the audit log or the order (shipped_by) says one; otherwise the
 * buyer, the shop itself (`system`: expiry, automatic receipt and completion, refunds sent) or
 * `alipay` (payments and refunds it confirmed).
 */
import type { ConsoleOrderHistory, ConsoleRefund, ConsoleTimelineEvent } from '../../contract'
import { AFTER_SALES_ACTIONS } from '../after-sales/staff-actions'
import { fenToYuan } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import { iso } from '../orders/repository'
import { CANCEL_ACTION } from './cancel'
import { SHIP_ACTION } from './shipping'

interface OrderFacts {
  close_reason: string | null
  created_at: Date
  paid_at: Date | null
  shipped_at: Date | null
  carrier: string | null
  tracking_no: string | null
  shipped_by: string | null
  received_at: Date | null
  completed_at: Date | null
  closed_at: Date | null
  trade_no: string | null
}

interface AuditFact {
  action: string
  target_type: string
  target_id: string
  staff: string | null
  before: unknown
  after: unknown
  at: Date
}

interface AfterSalesFact {
  request_id: string
  type: string
  by: 'buyer' | 'staff' | 'system'
  note: string | null
  at: Date
}

interface RefundFact {
  after_sales_request_id: string | null
  out_request_no: string
  amount_fen: number
  status: ConsoleRefund['status']
  last_error: string | null
  created_at: Date
  updated_at: Date
  refunded_at: Date | null
}

/** Staff actions that are a step of the order's own timeline: their entry names who, not a step of its own. */
const ORDER_STEP_ACTIONS: readonly string[] = [SHIP_ACTION, CANCEL_ACTION]

/** The staff action behind an after-sales step by staff. */
const AFTER_SALES_STEP_ACTIONS: Record<string, string> = {
  approved: AFTER_SALES_ACTIONS.approve,
  rejected: AFTER_SALES_ACTIONS.reject,
  return_received: AFTER_SALES_ACTIONS.returnReceived,
}

/** Refund steps come from the refunds ledger (every refund, closed orders' too), not twice. */
const REFUND_STEPS: readonly string[] = ['refund_sent', 'refunded', 'refund_failed']

async function readFacts(db: Queryable, orderId: string) {
  const [order] = await db.query<OrderFacts>(
    `select o.close_reason, o.created_at, o.paid_at, o.shipped_at, o.carrier, o.tracking_no,
            s.name as shipped_by, o.received_at, o.completed_at, o.closed_at, p.trade_no
       from orders o left join staff s on s.id = o.shipped_by left join payments p on p.order_id = o.id
      where o.id = $1`,
    [orderId],
  )
  if (!order) return undefined
  const audits = await db.query<AuditFact>(
    `select a.action, a.target_type, a.target_id, s.name as staff, a.before, a.after, a.at
       from audit_log a left join staff s on s.id = a.staff_id
      where (a.target_type = 'order' and a.target_id = $1)
         or (a.target_type = 'after_sales'
             and a.target_id in (select id::text from after_sales_requests where order_id = $1))
      order by a.at, a.id`,
    [orderId],
  )
  const afterSales = await db.query<AfterSalesFact>(
    `select e.request_id::text, e.type, e.by, e.note, e.at
       from after_sales_events e join after_sales_requests r on r.id = e.request_id
      where r.order_id = $1 order by e.at, e.id`,
    [orderId],
  )
  const refunds = await db.query<RefundFact>(
    `select after_sales_request_id::text, out_request_no, amount_fen, status, last_error, created_at,
            updated_at, refunded_at
       from refunds where order_id = $1 order by id`,
    [orderId],
  )
  return { order, audits, afterSales, refunds }
}

type Facts = NonNullable<Awaited<ReturnType<typeof readFacts>>>

const step = (at: Date, kind: string, actor: string, note?: string | null): ConsoleTimelineEvent => ({
  at: iso(at),
  kind,
  actor,
  ...(note ? { note } : {}),
})

/** The staff member of the latest entry of `action` on the target, if any. */
function staffOf(audits: AuditFact[], action: string, type: string, id: string): string | undefined {
  return (
    audits.filter((a) => a.action === action && a.target_type === type && a.target_id === id).at(-1)?.staff ??
    undefined
  )
}

function orderSteps({ order, audits }: Facts, orderId: string, autoReceiveDays: number) {
  const steps = [step(order.created_at, 'created', 'buyer')]
  if (order.paid_at) steps.push(step(order.paid_at, 'paid', 'alipay', order.trade_no))
  if (order.shipped_at) {
    const who = staffOf(audits, SHIP_ACTION, 'order', orderId) ?? order.shipped_by ?? 'system'
    steps.push(step(order.shipped_at, 'shipped', who, `${order.carrier} ${order.tracking_no}`))
  }
  if (order.received_at && order.shipped_at) {
    // The sweeper receives an order AUTO_RECEIVE_DAYS after shipping; the buyer does it sooner.
    const due = new Date(order.shipped_at).getTime() + autoReceiveDays * 86_400_000
    steps.push(
      step(order.received_at, 'received', new Date(order.received_at).getTime() >= due ? 'system' : 'buyer'),
    )
  }
  if (order.completed_at) steps.push(step(order.completed_at, 'completed', 'system'))
  if (order.closed_at) {
    const byStaff = staffOf(audits, CANCEL_ACTION, 'order', orderId)
    const who = byStaff ?? (order.close_reason === 'expired' ? 'system' : 'buyer')
    steps.push(step(order.closed_at, 'closed', who, order.close_reason))
  }
  return steps
}

function afterSalesSteps({ afterSales, audits }: Facts) {
  return afterSales
    .filter((event) => !REFUND_STEPS.includes(event.type))
    .map((event) => {
      const action = AFTER_SALES_STEP_ACTIONS[event.type]
      const staff = action && staffOf(audits, action, 'after_sales', event.request_id)
      const who = event.by === 'staff' ? (staff ?? 'staff') : event.by
      const note = `#${event.request_id}${event.note ? ` ${event.note}` : ''}`
      return step(event.at, `after_sales.${event.type}`, who, note)
    })
}

function refundSteps({ refunds }: Facts) {
  return refunds.flatMap((refund) => {
    const what = `${refund.out_request_no} ${fenToYuan(refund.amount_fen)}`
    const steps = [step(refund.created_at, 'refund_sent', 'system', what)]
    if (refund.refunded_at) steps.push(step(refund.refunded_at, 'refunded', 'alipay', what))
    if (refund.status === 'failed')
      steps.push(
        step(refund.updated_at, 'refund_failed', 'alipay', `${what} ${refund.last_error ?? ''}`.trim()),
      )
    return steps
  })
}

function otherStaffSteps({ audits }: Facts) {
  return audits
    .filter((entry) => entry.target_type === 'order' && !ORDER_STEP_ACTIONS.includes(entry.action))
    .map((entry) =>
      step(
        entry.at,
        entry.action,
        entry.staff ?? 'system',
        `${JSON.stringify(entry.before)} → ${JSON.stringify(entry.after)}`,
      ),
    )
}

function toConsoleRefund(refund: RefundFact & { after_sales_request_id: string }): ConsoleRefund {
  return {
    afterSalesId: refund.after_sales_request_id,
    outRequestNo: refund.out_request_no,
    amount: refund.amount_fen,
    status: refund.status,
    createdAt: iso(refund.created_at),
    ...(refund.refunded_at ? { refundedAt: iso(refund.refunded_at) } : {}),
  }
}

/** The order's history, or undefined when there is no such order. */
export async function orderHistory(
  db: Queryable,
  orderId: string,
  autoReceiveDays: number,
): Promise<ConsoleOrderHistory | undefined> {
  const facts = await readFacts(db, orderId)
  if (!facts) return undefined
  // Alipay's times have whole seconds: a payment can read a moment before its order was placed.
  // The order's own steps keep their sequence (sorted no earlier than the step before them).
  let previous = 0
  const ordered = orderSteps(facts, orderId, autoReceiveDays).map((event) => {
    previous = Math.max(previous, Date.parse(event.at))
    return { event, key: previous }
  })
  const others = [...afterSalesSteps(facts), ...refundSteps(facts), ...otherStaffSteps(facts)].map(
    (event) => ({
      event,
      key: Date.parse(event.at),
    }),
  )
  // Stable: steps at the same instant keep the order above (the order's own first).
  const timeline = [...ordered, ...others].sort((a, b) => a.key - b.key).map(({ event }) => event)
  return {
    ...(facts.order.trade_no ? { tradeNo: facts.order.trade_no } : {}),
    // ConsoleRefund names its after-sales request: a closed order's refund is in the timeline only.
    refunds: facts.refunds
      .filter((refund): refund is RefundFact & { after_sales_request_id: string } =>
        Boolean(refund.after_sales_request_id),
      )
      .map(toConsoleRefund),
    timeline,
  }
}
