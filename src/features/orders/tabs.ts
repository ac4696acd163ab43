import type { MessageKey } from '../../shared/i18n'
import { pageUrl } from '../../shared/routes'

/**
 * The tabs of the orders page, which the "me" tab page also offers as shortcuts: so this module,
 * in the main package, holds only what both need (the rest is in status.ts, in the subpackages).
 */
export type OrderTab = 'all' | 'awaiting_payment' | 'paid' | 'shipped' | 'completed' | 'after_sales'

/** The tabs, in order. Received orders show under "all" (the API filters by one status). */
export const ORDER_TABS: readonly { tab: OrderTab; label: MessageKey }[] = [
  { tab: 'all', label: 'orders.tab.all' },
  { tab: 'awaiting_payment', label: 'orders.tab.awaiting_payment' },
  { tab: 'paid', label: 'orders.tab.paid' },
  { tab: 'shipped', label: 'orders.tab.shipped' },
  { tab: 'completed', label: 'orders.tab.completed' },
  { tab: 'after_sales', label: 'orders.tab.afterSales' },
]

export const ordersUrl = (tab: OrderTab = 'all') => pageUrl('orders', { tab })
