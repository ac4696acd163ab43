import type { CreateStaffInput, StaffAccount, StaffAccountList } from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { api } from '../../shared/api'

const staffPath = (name: string) => `${MERCHANT_API_PREFIX}/staff/${encodeURIComponent(name)}`

export const fetchStaff = () => api.get<StaffAccountList>(`${MERCHANT_API_PREFIX}/staff`)
export const addStaff = (input: CreateStaffInput) =>
  api.post<StaffAccount>(`${MERCHANT_API_PREFIX}/staff`, input)
export const setStaffEnabled = (name: string, enabled: boolean) =>
  api.post<unknown>(`${staffPath(name)}/${enabled ? 'enable' : 'disable'}`)
export const resetStaffPassword = (name: string, password: string) =>
  api.put<void>(`${staffPath(name)}/password`, { password })
