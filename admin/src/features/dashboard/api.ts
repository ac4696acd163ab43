import type { MerchantDashboard } from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { api } from '../../shared/api'

export const fetchDashboard = () => api.get<MerchantDashboard>(`${MERCHANT_API_PREFIX}/dashboard`)
