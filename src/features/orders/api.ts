import type { Order, OrderPage, OrderStatus } from '@contract'
import { api } from '../../shared/request'

export const ORDERS_PAGE_SIZE = 10

export const fetchOrders = (status: OrderStatus | undefined, page: number) =>
  api.get<OrderPage>('/api/orders', { status, page, pageSize: ORDERS_PAGE_SIZE })

export const fetchOrder = (id: string) => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`)

export const cancelOrder = (id: string) => api.post<Order>(`/api/orders/${encodeURIComponent(id)}/cancel`)
