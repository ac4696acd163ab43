import type { Order, OrderStatus } from '@contract'
import type { MessageKey } from '../../shared/i18n'
import { pageUrl } from '../../shared/routes'
import { ORDER_TABS, type OrderTab } from './tabs'

/** The tab a URL names (`?tab=`), else all orders. */
export const orderTabFromQuery = (value?: string): OrderTab =>
  ORDER_TABS.find((entry) => entry.tab === value)?.tab ?? 'all'

/** The order status a tab lists, if it lists the orders of one status. */
export const tabStatus = (tab: OrderTab): OrderStatus | undefined =>
  tab === 'all' || tab === 'after_sales' ? undefined : tab

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
