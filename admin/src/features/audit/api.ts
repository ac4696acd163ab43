import type { AuditListQuery, AuditPage } from '@contract'
import { MERCHANT_API_PREFIX } from '@contract/limits'
import { api } from '../../shared/api'

export type AuditFilter = Partial<AuditListQuery>

export const fetchAudit = (filter: AuditFilter) => api.get<AuditPage>(`${MERCHANT_API_PREFIX}/audit`, filter)
