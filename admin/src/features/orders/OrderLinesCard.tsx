import type { MerchantOrder, OrderLine } from '@contract'
import { Card, Image, Space, Table, Typography, type TableColumnsType } from 'antd'
import { useT } from '../../i18n'
import { Amount } from '../../shared/ui'

export function OrderLinesCard({ order }: { order: MerchantOrder }) {
  const t = useT()
  const columns: TableColumnsType<OrderLine> = [
    {
      title: t('orders.product'),
      key: 'product',
      render: (_, line) => (
        <Space>
          <Image src={line.image} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />
          <Space orientation='vertical' size={0}>
            <span>{line.title}</span>
            <Typography.Text type='secondary'>{line.skuLabel}</Typography.Text>
          </Space>
        </Space>
      ),
    },
    {
      title: t('orders.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (fen: number) => <Amount fen={fen} />,
    },
    { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right', className: 'tabular' },
    {
      title: t('orders.lineTotal'),
      dataIndex: 'lineTotal',
      align: 'right',
      render: (fen: number) => <Amount fen={fen} />,
    },
  ]
  return (
    <Card title={t('orders.lines')}>
      <Table<OrderLine>
        rowKey='lineNo'
        columns={columns}
        dataSource={order.lines}
        pagination={false}
        size='middle'
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3} align='right'>
              {t('orders.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align='right'>
              <Amount fen={order.total} strong />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  )
}
