import type { Order, OrderStatus } from '@contract'
import type { MessageKey } from '../../shared/i18n'

/** The list tabs, in order; undefined = all orders. */
export const ORDER_TABS: readonly { status?: OrderStatus; label: MessageKey }[] = [
  { status: undefined, label: 'orders.tab.all' },
  { status: 'awaiting_payment', label: 'orders.status.awaiting_payment' },
  { status: 'paid', label: 'orders.status.paid' },
  { status: 'closed', label: 'orders.status.closed' },
]

/** What to call an order's state: a closed order says why it closed. */
export function statusLabel(order: Pick<Order, 'status' | 'closeReason'>): MessageKey {
  if (order.status === 'closed') {
    return order.closeReason === 'expired' ? 'orders.closed.expired' : 'orders.closed.cancelled'
  }
  return `orders.status.${order.status}`
}

export const orderUrl = (id: string) => `/pages/order/index?id=${encodeURIComponent(id)}`
export const ordersUrl = (status?: OrderStatus) => `/pages/orders/index?status=${status ?? 'all'}`
