import type { MerchantDashboard } from '@contract'
import { api } from '../../shared/api'

export const fetchDashboard = () => api.get<MerchantDashboard>('/api/merchant/dashboard')
