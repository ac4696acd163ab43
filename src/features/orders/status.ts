import type { Order, OrderStatus } from '@contract'
import type { MessageKey } from '../../shared/i18n'
import { pageUrl } from '../../shared/routes'

/** The list tabs, in order; undefined = all orders. */
export const ORDER_TABS: readonly { status?: OrderStatus; label: MessageKey }[] = [
  { status: undefined, label: 'orders.tab.all' },
  { status: 'awaiting_payment', label: 'orders.status.awaiting_payment' },
  { status: 'paid', label: 'orders.status.paid' },
  { status: 'closed', label: 'orders.status.closed' },
]

/** What to call each status (closed ones say why: see statusLabel). */
const STATUS_LABELS: Record<Exclude<OrderStatus, 'closed'>, MessageKey> = {
  awaiting_payment: 'orders.status.awaiting_payment',
  paid: 'orders.status.paid',
  shipped: 'orders.status.shipped',
  received: 'orders.status.received',
  completed: 'orders.status.completed',
}

/** What to call an order's state: a closed order says why it closed. */
export function statusLabel(order: Pick<Order, 'status' | 'closeReason'>): MessageKey {
  if (order.status === 'closed') {
    return order.closeReason === 'expired' ? 'orders.closed.expired' : 'orders.closed.cancelled'
  }
  return STATUS_LABELS[order.status]
}

export const orderUrl = (id: string) => pageUrl('order', { id })
export const ordersUrl = (status?: OrderStatus) => pageUrl('orders', { status: status ?? 'all' })
