import type { AuditEntry, AuditPage } from '@contract'
import { Tag, Typography, type TableColumnsType } from 'antd'
import { useT } from '../../i18n'
import { PagedTable, type PagedList } from '../../shared/ListTable'
import { Time } from '../../shared/ui'
import { AuditChange } from './AuditChange'

export function AuditTable(paged: PagedList<AuditPage>) {
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
      {...paged}
      rowKey='id'
      columns={columns}
      empty={t('audit.empty')}
      data-testid='audit-table'
    />
  )
}
