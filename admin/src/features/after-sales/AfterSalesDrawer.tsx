import type { AfterSalesLine, MerchantAfterSalesRequest } from '@contract'
import { Descriptions, Drawer, Flex, Skeleton, Space, Table, Timeline, Typography } from 'antd'
import { useT } from '../../i18n'
import { productLineColumns } from '../../shared/lineColumns'
import { Link } from '../../shared/router'
import { AfterSalesStatusTag, RefundStatusTag } from '../../shared/StatusTag'
import { Amount, formatTime, LoadError, Time } from '../../shared/ui'
import { useRequest } from '../../shared/useRequest'
import { fetchAfterSales } from './api'
import { AfterSalesActions } from './AfterSalesActions'

interface AfterSalesDrawerProps {
  requestId: string | undefined
  onClose: () => void
  /** A request changed: the list refreshes too. */
  onChanged: () => void
}

export function AfterSalesDrawer({ requestId, onClose, onChanged }: AfterSalesDrawerProps) {
  const t = useT()
  const detail = useRequest(requestId ? `after-sales:${requestId}` : null, () =>
    fetchAfterSales(requestId ?? ''),
  )
  const request = detail.data?.id === requestId ? detail.data : undefined
  return (
    <Drawer
      open={requestId !== undefined}
      onClose={onClose}
      size={720}
      title={requestId ? t('afterSales.detailTitle', { id: requestId }) : ''}
      extra={
        request && (
          <AfterSalesActions
            request={request}
            onChanged={() => {
              detail.reload()
              onChanged()
            }}
          />
        )
      }
      data-testid='after-sales-drawer'
    >
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {!request && detail.loading && <Skeleton active paragraph={{ rows: 10 }} />}
      {request && <AfterSalesDetail request={request} />}
    </Drawer>
  )
}

function AfterSalesDetail({ request }: { request: MerchantAfterSalesRequest }) {
  const t = useT()
  const lineColumns = productLineColumns<AfterSalesLine>(
    t,
    (line) => line.refundAmount,
    t('afterSales.amount'),
  )
  return (
    <Flex vertical gap={24}>
      {/* Labels on one line: the content columns wrap instead (long English labels, a long out_request_no). */}
      <Descriptions column={2} size='small' bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('afterSales.status')}>
          <AfterSalesStatusTag status={request.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSales.order')}>
          <Link to={`/orders/${request.orderId}`} className='tabular'>
            {request.orderId}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSales.kind')}>
          {t(`afterSalesKind.${request.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSales.reason')}>
          {t(`afterSalesReason.${request.reason}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSales.note')} span={2}>
          {request.note || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSales.amount')}>
          <Amount fen={request.refundAmount} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t('afterSales.createdAt')}>
          <Time iso={request.createdAt} />
        </Descriptions.Item>
        {request.decidedBy && (
          // A row of its own, like every item after it: sharing one, the refund squeezed both.
          <Descriptions.Item label={t('afterSales.decidedBy')} span={2}>
            {request.decidedBy}
          </Descriptions.Item>
        )}
        {request.rejectReason && (
          <Descriptions.Item label={t('afterSales.rejectReason')} span={2}>
            {request.rejectReason}
          </Descriptions.Item>
        )}
        {request.returnShipment && (
          <Descriptions.Item label={t('afterSales.returnShipment')} span={2}>
            {request.returnShipment.carrier}{' '}
            <span className='tabular'>{request.returnShipment.trackingNo}</span>
          </Descriptions.Item>
        )}
        {request.refund && (
          <Descriptions.Item label={t('afterSales.refund')} span={2}>
            <Space wrap>
              <RefundStatusTag status={request.refund.status} />
              <Amount fen={request.refund.amount} />
              <Typography.Text type='secondary' className='tabular'>
                {t('afterSales.outRequestNo')}: {request.refund.outRequestNo}
              </Typography.Text>
              {request.refund.refundedAt && <Time iso={request.refund.refundedAt} />}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('afterSales.lines')}</Typography.Title>
        <Table<AfterSalesLine>
          rowKey='lineNo'
          size='small'
          columns={lineColumns}
          dataSource={request.lines}
          pagination={false}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('afterSales.events')}</Typography.Title>
        <Timeline
          items={request.events.map((event) => ({
            color:
              event.type === 'refund_failed' || event.type === 'rejected'
                ? 'red'
                : event.type === 'refunded'
                  ? 'green'
                  : 'blue',
            content: (
              <>
                <Typography.Text strong>{t(`afterSalesEvent.${event.type}`)}</Typography.Text>
                <Typography.Text type='secondary'>
                  {' · '}
                  {t(`actor.${event.by}`)} · <span className='tabular'>{formatTime(event.at)}</span>
                </Typography.Text>
                {event.note && <div>{event.note}</div>}
              </>
            ),
          }))}
        />
      </div>
    </Flex>
  )
}
