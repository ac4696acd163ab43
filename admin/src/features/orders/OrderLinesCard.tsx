import type { MerchantOrder, OrderLine } from '@contract'
import { Card, Table } from 'antd'
import { useT } from '../../i18n'
import { productLineColumns } from '../../shared/lineColumns'
import { Amount } from '../../shared/ui'

export function OrderLinesCard({ order }: { order: MerchantOrder }) {
  const t = useT()
  const columns = productLineColumns<OrderLine>(t, (line) => line.lineTotal, t('orders.lineTotal'))
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
