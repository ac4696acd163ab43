import type { Deposit, DepositItemList, DepositPayment } from '@contract'
import { api } from '../../shared/request'

/** A single-use link to the order's H5 checkout page, for the web-view demo. */
export const createWebViewTicket = (orderId: string) =>
  api.post<{ url: string }>(`/api/orders/${encodeURIComponent(orderId)}/webview-ticket`)

export const fetchDepositItems = () => api.get<DepositItemList>('/api/deposit-items')

export const createDeposit = (itemId: string) => api.post<DepositPayment>('/api/deposits', { itemId })

export const fetchDeposit = (id: string) => api.get<Deposit>(`/api/deposits/${encodeURIComponent(id)}`)
