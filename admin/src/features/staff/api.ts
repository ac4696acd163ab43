import type { CreateStaffInput, StaffAccount, StaffAccountList } from '@contract'
import { api } from '../../shared/api'

const staffPath = (name: string) => `/api/merchant/staff/${encodeURIComponent(name)}`

export const fetchStaff = () => api.get<StaffAccountList>('/api/merchant/staff')
export const addStaff = (input: CreateStaffInput) => api.post<StaffAccount>('/api/merchant/staff', input)
export const setStaffEnabled = (name: string, enabled: boolean) =>
  api.post<unknown>(`${staffPath(name)}/${enabled ? 'enable' : 'disable'}`)
export const resetStaffPassword = (name: string, password: string) =>
  api.put<void>(`${staffPath(name)}/password`, { password })
