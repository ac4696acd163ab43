import type { AfterSalesListQuery, MerchantAfterSalesPage, MerchantAfterSalesRequest } from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { api } from '../../shared/api'

const requestPath = (id: string) => `${MERCHANT_API_PREFIX}/after-sales/${encodeURIComponent(id)}`

export const fetchAfterSalesList = (query: Partial<AfterSalesListQuery>) =>
  api.get<MerchantAfterSalesPage>(`${MERCHANT_API_PREFIX}/after-sales`, query)
export const fetchAfterSales = (id: string) => api.get<MerchantAfterSalesRequest>(requestPath(id))
export const approveAfterSales = (id: string) =>
  api.post<MerchantAfterSalesRequest>(`${requestPath(id)}/approve`)
export const rejectAfterSales = (id: string, reason: string) =>
  api.post<MerchantAfterSalesRequest>(`${requestPath(id)}/reject`, { reason })
export const confirmReturnReceived = (id: string) =>
  api.post<MerchantAfterSalesRequest>(`${requestPath(id)}/return-received`)
/** Owners: send a refund Alipay refused again. */
export const retryRefund = (id: string) => api.post<MerchantAfterSalesRequest>(`${requestPath(id)}/refund`)
