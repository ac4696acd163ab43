import type { AuditEntry, AuditPage } from '@contract'
import { Tag, Typography, type TableColumnsType } from 'antd'
import { useT } from '../../i18n'
import { PagedTable } from '../../shared/PagedTable'
import { Time } from '../../shared/ui'
import { AuditChange } from './AuditChange'

interface AuditTableProps {
  page: AuditPage | undefined
  loading: boolean
  onPageChange: (page: number) => void
}

export function AuditTable({ page, loading, onPageChange }: AuditTableProps) {
  const t = useT()
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => <Time iso={at} /> },
    {
      title: t('audit.staff'),
      dataIndex: 'staff',
      width: 140,
      render: (staff?: string) =>
        staff ?? <Typography.Text type='secondary'>{t('audit.nobody')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => <Tag color={action.endsWith('failed') ? 'red' : 'blue'}>{action}</Tag>,
    },
    {
      title: t('audit.target'),
      dataIndex: 'target',
      width: 240,
      render: (target: AuditEntry['target']) => (
        <span>
          <Typography.Text type='secondary'>{target.type}</Typography.Text>{' '}
          <span className='tabular'>{target.id}</span>
        </span>
      ),
    },
    {
      title: t('audit.change'),
      key: 'change',
      render: (_, entry) => <AuditChange before={entry.before} after={entry.after} />,
    },
  ]
  return (
    <PagedTable<AuditEntry>
      rowKey='id'
      columns={columns}
      page={page}
      loading={loading}
      empty={t('audit.empty')}
      onPageChange={onPageChange}
      data-testid='audit-table'
    />
  )
}
