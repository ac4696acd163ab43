import type {
  ConsoleAlipayTrade,
  ConsoleOrderHistory,
  ConsoleOrderListQuery,
  MerchantOrder,
  MerchantOrderPage,
  ShipmentInput,
} from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { api } from '../../shared/api'

export type OrderListFilter = Partial<ConsoleOrderListQuery>

const orderPath = (id: string) => `${MERCHANT_API_PREFIX}/orders/${encodeURIComponent(id)}`

export const fetchOrders = (filter: OrderListFilter) =>
  api.get<MerchantOrderPage>(`${MERCHANT_API_PREFIX}/orders`, filter)
export const fetchOrder = (id: string) => api.get<MerchantOrder>(orderPath(id))
export const fetchOrderHistory = (id: string) => api.get<ConsoleOrderHistory>(`${orderPath(id)}/history`)
export const fetchAlipayTrade = (id: string) => api.get<ConsoleAlipayTrade>(`${orderPath(id)}/alipay-trade`)
export const shipOrder = (id: string, shipment: ShipmentInput) =>
  api.post<MerchantOrder>(`${orderPath(id)}/shipment`, shipment)
export const cancelOrder = (id: string) => api.post<unknown>(`${orderPath(id)}/cancel`)
