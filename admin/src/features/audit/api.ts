import type { AuditListQuery, AuditPage } from '@contract'
import { api } from '../../shared/api'

export type AuditFilter = Partial<AuditListQuery>

export const fetchAudit = (filter: AuditFilter) => api.get<AuditPage>('/api/merchant/audit', filter)
