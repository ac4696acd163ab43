import type { ConsoleOrderHistory, ConsoleRefund } from '@contract'
import { Card, Table, Timeline, Typography, type TableColumnsType } from 'antd'
import { isMessageKey, useT, type Translate } from '../../i18n'
import { Link } from '../../shared/router'
import { RefundStatusTag } from '../../shared/StatusTag'
import { Amount, EmptyState, formatTime, Time } from '../../shared/ui'

const TIMELINE_COLORS: Record<string, string> = {
  paid: 'green',
  shipped: 'blue',
  refunded: 'green',
  refund_failed: 'red',
  closed: 'gray',
  cancelled: 'gray',
}

function label(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`
  return isMessageKey(key) ? t(key) : value
}

/** A timeline kind in words; the after-sales steps (after_sales.approved, …) read as the after-sales page says them. */
function kindLabel(t: Translate, kind: string): string {
  const afterSales = /^after_sales\.(.+)$/.exec(kind)
  return afterSales ? label(t, 'afterSalesEvent', afterSales[1]) : label(t, 'timeline', kind)
}

export function RefundHistoryCard({ refunds }: { refunds: ConsoleRefund[] }) {
  const t = useT()
  const columns: TableColumnsType<ConsoleRefund> = [
    {
      title: t('afterSales.id'),
      dataIndex: 'afterSalesId',
      render: (id: string) => <Link to={`/after-sales/${id}`}>{id}</Link>,
    },
    { title: t('afterSales.outRequestNo'), dataIndex: 'outRequestNo', className: 'tabular' },
    {
      title: t('afterSales.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (fen: number) => <Amount fen={fen} />,
    },
    {
      title: t('afterSales.status'),
      dataIndex: 'status',
      render: (status) => <RefundStatusTag status={status} />,
    },
    { title: t('afterSales.createdAt'), dataIndex: 'createdAt', render: (at: string) => <Time iso={at} /> },
  ]
  return (
    <Card title={t('orders.refunds')}>
      <Table<ConsoleRefund>
        rowKey='outRequestNo'
        size='small'
        columns={columns}
        dataSource={refunds}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('orders.noRefunds')} /> }}
        data-testid='order-refunds'
      />
    </Card>
  )
}

export function OrderTimelineCard({ history }: { history: ConsoleOrderHistory }) {
  const t = useT()
  return (
    <Card title={t('orders.timeline')}>
      {history.timeline.length === 0 ? (
        <EmptyState description={t('orders.noTimeline')} />
      ) : (
        <Timeline
          data-testid='order-timeline'
          items={history.timeline.map((event) => ({
            color: TIMELINE_COLORS[event.kind] ?? 'blue',
            content: (
              <>
                <Typography.Text strong>{kindLabel(t, event.kind)}</Typography.Text>
                <Typography.Text type='secondary'>
                  {' · '}
                  {label(t, 'actor', event.actor)} · <span className='tabular'>{formatTime(event.at)}</span>
                </Typography.Text>
                {event.note && <div>{event.note}</div>}
              </>
            ),
          }))}
        />
      )}
    </Card>
  )
}
