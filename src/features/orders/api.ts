import type { Order, OrderPage, OrderStatus } from '@contract'
import { PAGE_SIZE_MAX } from '@contract/limits'
import { api } from '../../shared/request'

/** Order cards are tall, so a page holds fewer than the API's default (and never more than its max). */
export const ORDERS_PAGE_SIZE = Math.min(10, PAGE_SIZE_MAX)

const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`

export const fetchOrders = (status: OrderStatus | undefined, page: number) =>
  api.get<OrderPage>('/api/orders', { status, page, pageSize: ORDERS_PAGE_SIZE })

export const fetchOrder = (id: string) => api.get<Order>(orderPath(id))

export const cancelOrder = (id: string) => api.post<Order>(`${orderPath(id)}/cancel`)

/** The buyer says a shipped order arrived. */
export const confirmReceipt = (id: string) => api.post<Order>(`${orderPath(id)}/receipt`)
