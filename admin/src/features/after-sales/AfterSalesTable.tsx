import type { MerchantAfterSalesPage, MerchantAfterSalesRequest } from '@contract'
import type { TableColumnsType } from 'antd'
import { useT } from '../../i18n'
import { PagedTable, type PagedList } from '../../shared/ListTable'
import { Link } from '../../shared/router'
import { AfterSalesStatusTag } from '../../shared/StatusTag'
import { Amount, Time } from '../../shared/ui'

interface AfterSalesTableProps extends PagedList<MerchantAfterSalesPage> {
  /** The link to one request, keeping the list's filter. */
  detailLink: (id: string) => string
}

export function AfterSalesTable({ detailLink, ...paged }: AfterSalesTableProps) {
  const t = useT()
  const columns: TableColumnsType<MerchantAfterSalesRequest> = [
    {
      title: t('afterSales.id'),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={detailLink(id)} className='tabular' data-testid={`after-sales-${id}`}>
          {id}
        </Link>
      ),
    },
    {
      title: t('afterSales.order'),
      dataIndex: 'orderId',
      render: (orderId: string) => (
        <Link to={`/orders/${orderId}`} className='tabular'>
          {orderId}
        </Link>
      ),
    },
    {
      title: t('afterSales.kind'),
      dataIndex: 'kind',
      render: (kind) => t(`afterSalesKind.${kind as MerchantAfterSalesRequest['kind']}`),
    },
    {
      title: t('afterSales.reason'),
      dataIndex: 'reason',
      render: (reason) => t(`afterSalesReason.${reason as MerchantAfterSalesRequest['reason']}`),
    },
    {
      title: t('afterSales.amount'),
      dataIndex: 'refundAmount',
      align: 'right',
      render: (fen: number) => <Amount fen={fen} strong />,
    },
    {
      title: t('afterSales.status'),
      dataIndex: 'status',
      render: (status) => <AfterSalesStatusTag status={status} />,
    },
    { title: t('afterSales.createdAt'), dataIndex: 'createdAt', render: (at: string) => <Time iso={at} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, request) => <Link to={detailLink(request.id)}>{t('common.view')}</Link>,
    },
  ]
  return (
    <PagedTable<MerchantAfterSalesRequest>
      {...paged}
      rowKey='id'
      columns={columns}
      empty={t('afterSales.empty')}
      data-testid='after-sales-table'
    />
  )
}
