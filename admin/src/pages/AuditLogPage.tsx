import { Card } from 'antd'
import { useState } from 'react'
import { fetchAudit, type AuditFilter } from '../features/audit/api'
import { AuditFilters } from '../features/audit/AuditFilters'
import { AuditTable } from '../features/audit/AuditTable'
import { useT } from '../i18n'
import { Page } from '../shared/ui'
import { useRequest } from '../shared/useRequest'

/** Owners: every staff action, newest first, with what it changed. */
export function AuditLogPage() {
  const t = useT()
  const [filter, setFilter] = useState<AuditFilter>({ page: 1 })
  const audit = useRequest(`audit:${JSON.stringify(filter)}`, () => fetchAudit(filter))
  return (
    <Page title={t('audit.title')}>
      <Card>
        <AuditFilters onSearch={(fields) => setFilter({ ...fields, page: 1 })} />
        <AuditTable list={audit} onPageChange={(page) => setFilter((current) => ({ ...current, page }))} />
      </Card>
    </Page>
  )
}
