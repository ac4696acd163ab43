import { Button, Col, Popconfirm, Result, Row, Skeleton, Space } from 'antd'
import { useState } from 'react'
import { AlipayTradeCard } from '../features/orders/AlipayTradeCard'
import { cancelOrder, fetchAlipayTrade, fetchOrder, fetchOrderHistory } from '../features/orders/api'
import { AddressCard, PaymentCard, ShipmentCard } from '../features/orders/OrderFactsCards'
import { OrderTimelineCard, RefundHistoryCard } from '../features/orders/OrderHistoryCards'
import { OrderLinesCard } from '../features/orders/OrderLinesCard'
import { ShipModal } from '../features/orders/ShipModal'
import { useT } from '../i18n'
import { errorText } from '../shared/errors'
import { OrderStatusTag } from '../shared/StatusTag'
import { LoadError, Page } from '../shared/ui'
import { useAction } from '../shared/useAction'
import { useRequest } from '../shared/useRequest'

export function OrderPage({ orderId }: { orderId: string }) {
  const t = useT()
  const order = useRequest(`order:${orderId}`, () => fetchOrder(orderId))
  const history = useRequest(`order-history:${orderId}`, () => fetchOrderHistory(orderId))
  // Held here, not in the card: a cancel or a shipment changes the trade too, so refresh() asks again.
  const trade = useRequest(`alipay-trade:${orderId}`, () => fetchAlipayTrade(orderId))
  const [shipping, setShipping] = useState(false)
  const { running: cancelling, run } = useAction()

  const refresh = () => {
    order.reload()
    history.reload()
    trade.reload()
  }

  const cancel = async () => {
    if (await run(() => cancelOrder(orderId), 'orders.cancelled', refresh)) refresh()
  }

  const status = order.data?.status
  const actions = (
    <Space>
      {status === 'paid' && (
        <Button type='primary' onClick={() => setShipping(true)} data-testid='order-ship'>
          {t('orders.ship')}
        </Button>
      )}
      {status === 'awaiting_payment' && (
        <Popconfirm
          title={t('orders.cancelConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={cancel}
        >
          <Button danger loading={cancelling} data-testid='order-cancel'>
            {t('orders.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  )

  const title = (
    <Space>
      {t('orders.detailTitle', { id: orderId })}
      {status && <OrderStatusTag status={status} />}
    </Space>
  )

  return (
    <Page
      title={title}
      crumb={t('orders.detailTitle', { id: orderId })}
      parents={[{ title: t('orders.title'), to: '/orders' }]}
      extra={actions}
    >
      {order.error?.status === 404 ? (
        <Result status='404' title={errorText(t, order.error)} />
      ) : (
        order.error && <LoadError error={order.error} onRetry={order.reload} />
      )}
      {!order.data && order.loading && <Skeleton active paragraph={{ rows: 10 }} />}
      {order.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation='vertical' size={16} style={{ width: '100%' }}>
              <OrderLinesCard order={order.data} />
              {history.error && <LoadError error={history.error} onRetry={history.reload} />}
              {history.data && <RefundHistoryCard refunds={history.data.refunds} />}
              {history.data && <OrderTimelineCard history={history.data} />}
              {!history.data && history.loading && <Skeleton active />}
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation='vertical' size={16} style={{ width: '100%' }}>
              <AddressCard order={order.data} />
              <PaymentCard order={order.data} history={history.data} />
              <AlipayTradeCard trade={trade} />
              <ShipmentCard order={order.data} />
            </Space>
          </Col>
        </Row>
      )}
      <ShipModal
        orderId={shipping ? orderId : undefined}
        onClose={() => setShipping(false)}
        onOrderChanged={() => {
          setShipping(false)
          refresh()
        }}
      />
    </Page>
  )
}
