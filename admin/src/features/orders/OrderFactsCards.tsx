import type { ConsoleOrderHistory, MerchantOrder } from '@contract'
import { Card, Descriptions, Typography } from 'antd'
import { useT } from '../../i18n'
import { Amount, Time } from '../../shared/ui'

export function AddressCard({ order }: { order: MerchantOrder }) {
  const t = useT()
  const { address } = order
  return (
    <Card title={t('orders.address')} size='small'>
      <Typography.Paragraph style={{ margin: 0 }}>
        <Typography.Text strong>{address.name}</Typography.Text>{' '}
        <span className='tabular'>{address.phone}</span>
        <br />
        {address.region} {address.detail}
      </Typography.Paragraph>
    </Card>
  )
}

export function PaymentCard({ order, history }: { order: MerchantOrder; history?: ConsoleOrderHistory }) {
  const t = useT()
  return (
    <Card title={t('orders.payment')} size='small'>
      <Descriptions column={1} size='small'>
        <Descriptions.Item label={t('orders.total')}>
          <Amount fen={order.total} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.tradeNo')}>
          <Typography.Text
            className='tabular'
            copyable={Boolean(history?.tradeNo)}
            data-testid='order-trade-no'
          >
            {history?.tradeNo ?? t('common.none')}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.createdAt')}>
          <Time iso={order.createdAt} />
        </Descriptions.Item>
        {order.paidAt ? (
          <Descriptions.Item label={t('orders.paidAt')}>
            <Time iso={order.paidAt} />
          </Descriptions.Item>
        ) : (
          order.status === 'awaiting_payment' && (
            <Descriptions.Item label={t('orders.expiresAt')}>
              <Time iso={order.expiresAt} />
            </Descriptions.Item>
          )
        )}
      </Descriptions>
    </Card>
  )
}

export function ShipmentCard({ order }: { order: MerchantOrder }) {
  const t = useT()
  const { shipment } = order
  return (
    <Card title={t('orders.shipment')} size='small'>
      {shipment ? (
        <Descriptions column={1} size='small'>
          <Descriptions.Item label={t('orders.carrier')}>{shipment.carrier}</Descriptions.Item>
          <Descriptions.Item label={t('orders.trackingNo')}>
            <Typography.Text className='tabular' copyable>
              {shipment.trackingNo}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.shipped')}>
            <Time iso={shipment.shippedAt} />
          </Descriptions.Item>
          {order.shippedBy && (
            <Descriptions.Item label={t('orders.shippedBy')}>{order.shippedBy}</Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Typography.Text type='secondary'>{t('orders.notShipped')}</Typography.Text>
      )}
    </Card>
  )
}
