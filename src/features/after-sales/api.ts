import type {
  AfterSalesPage,
  AfterSalesRequest,
  CreateAfterSalesRequest,
  OrderAfterSales,
  ReturnShipmentInput,
} from '@contract'
import { PAGE_SIZE_MAX } from '@contract/limits'
import { api } from '../../shared/request'

/** Request cards are tall, like order cards: a page holds fewer than the API's default. */
export const AFTER_SALES_PAGE_SIZE = Math.min(10, PAGE_SIZE_MAX)

const requestPath = (id: string) => `/api/after-sales/${encodeURIComponent(id)}`
const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}/after-sales`

/** An order's requests, and what may still be asked on it. */
export const fetchOrderAfterSales = (orderId: string) => api.get<OrderAfterSales>(orderPath(orderId))

export const createAfterSales = (orderId: string, body: CreateAfterSalesRequest) =>
  api.post<AfterSalesRequest>(orderPath(orderId), body)

/** The buyer's requests, newest first. */
export const fetchAfterSalesPage = (page: number) =>
  api.get<AfterSalesPage>('/api/after-sales', { page, pageSize: AFTER_SALES_PAGE_SIZE })

export const fetchAfterSales = (id: string) => api.get<AfterSalesRequest>(requestPath(id))

export const cancelAfterSales = (id: string) => api.post<AfterSalesRequest>(`${requestPath(id)}/cancel`)

export const sendReturnShipment = (id: string, parcel: ReturnShipmentInput) =>
  api.post<AfterSalesRequest>(`${requestPath(id)}/return-shipment`, parcel)
