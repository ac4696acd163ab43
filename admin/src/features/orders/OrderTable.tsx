import type { MerchantOrderPage, MerchantOrderSummary } from '@contract'
import { Button, Space, Typography, type TableColumnsType } from 'antd'
import { useT } from '../../i18n'
import { PagedTable, type PagedList } from '../../shared/ListTable'
import { Link } from '../../shared/router'
import { OrderStatusTag } from '../../shared/StatusTag'
import { Amount, Time } from '../../shared/ui'

interface OrderTableProps extends PagedList<MerchantOrderPage> {
  onShip: (orderId: string) => void
}

export function OrderTable({ onShip, ...paged }: OrderTableProps) {
  const t = useT()
  const columns: TableColumnsType<MerchantOrderSummary> = [
    {
      title: t('orders.id'),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/orders/${id}`} className='tabular'>
          {id}
        </Link>
      ),
    },
    {
      title: t('orders.status'),
      dataIndex: 'status',
      render: (status) => <OrderStatusTag status={status} />,
    },
    {
      title: t('orders.buyer'),
      key: 'address',
      render: (_, order) => (
        <Space orientation='vertical' size={0}>
          <span>{order.address.name}</span>
          <Typography.Text type='secondary' className='tabular'>
            {order.address.phone}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('orders.items'), dataIndex: 'itemCount', align: 'right', className: 'tabular' },
    {
      title: t('orders.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: number) => <Amount fen={total} strong />,
    },
    { title: t('orders.createdAt'), dataIndex: 'createdAt', render: (at: string) => <Time iso={at} /> },
    { title: t('orders.paidAt'), dataIndex: 'paidAt', render: (at?: string) => <Time iso={at} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, order) => (
        <Space>
          <Link to={`/orders/${order.id}`}>{t('common.view')}</Link>
          {order.status === 'paid' && (
            <Button
              type='link'
              size='small'
              onClick={() => onShip(order.id)}
              data-testid={`ship-${order.id}`}
            >
              {t('orders.ship')}
            </Button>
          )}
        </Space>
      ),
    },
  ]
  return (
    <PagedTable<MerchantOrderSummary>
      {...paged}
      rowKey='id'
      columns={columns}
      empty={t('orders.empty')}
      data-testid='order-table'
    />
  )
}
