import type { Order, OrderStatus } from '@contract'
import { usePagedList, type PagedList } from '../../shared/hooks/usePagedList'
import { fetchOrders } from './api'

/** The buyer's orders for one status tab (all when undefined), page by page. */
export function useOrderList(status: OrderStatus | undefined): PagedList<Order> {
  return usePagedList(status ?? 'all', (page) => fetchOrders(status, page))
}
