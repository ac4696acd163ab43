import type { Order } from '@contract'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../shared/datetime'
import { useT } from '../../../shared/i18n'
import { ActionButton, OrderLineRow, Price } from '../../../shared/ui'
import { statusLabel } from '../status'
import { formatDuration, useCountdown } from '../useCountdown'
import './orders.scss'

interface OrderDetailViewProps {
  order: Order
  cancelling: boolean
  paying: boolean
  onPay: () => void
  onCancel: () => void
  /** The countdown reached zero: the server closes the order; ask it again. */
  onExpired: () => void
  /** The buyer chose the web-view demo's checkout page for this order. */
  onPayInWebView: () => void
}

export function OrderDetailView({
  order,
  cancelling,
  paying,
  onPay,
  onCancel,
  onExpired,
  onPayInWebView,
}: OrderDetailViewProps) {
  const t = useT()
  const awaiting = order.status === 'awaiting_payment'
  const left = useCountdown(awaiting ? order.expiresAt : undefined)
  const expiredHere = awaiting && left === 0

  return (
    <View className='order-detail'>
      <View className={`order-detail__status order-status--${order.status}`}>
        <Text className='order-detail__status-text'>{t(statusLabel(order))}</Text>
        {awaiting && !expiredHere && (
          <Text className='order-detail__countdown'>
            {t('orders.expiresIn', { time: formatDuration(left) })}
          </Text>
        )}
        {expiredHere && (
          <Text className='order-detail__countdown' onClick={onExpired}>
            {t('orders.expiredCheck')}
          </Text>
        )}
      </View>

      <View className='order-detail__card'>
        <Text className='order-detail__label'>{t('address.title')}</Text>
        <Text className='order-detail__text'>
          {order.address.name} {order.address.phone}
        </Text>
        <Text className='order-detail__text'>
          {order.address.region} {order.address.detail}
        </Text>
      </View>

      <View className='order-detail__card'>
        {order.lines.map((line) => (
          <OrderLineRow
            key={line.skuId}
            image={line.image}
            title={line.title}
            skuLabel={line.skuLabel}
            quantity={line.quantity}
            total={line.lineTotal}
          />
        ))}
        <View className='order-detail__total'>
          <Text>{t('cart.total')}</Text>
          <Price fen={order.total} size='large' />
        </View>
      </View>

      <View className='order-detail__card'>
        <Text className='order-detail__meta'>{t('orders.number', { id: order.id })}</Text>
        <Text className='order-detail__meta'>
          {t('orders.createdAt', { time: formatDateTime(order.createdAt) })}
        </Text>
      </View>

      {awaiting && !expiredHere && (
        <View className='order-detail__actions'>
          <ActionButton disabled={cancelling || paying} onClick={onCancel}>
            {t('orders.cancel')}
          </ActionButton>
          <ActionButton kind='accent' disabled={paying || cancelling} onClick={onPay}>
            {paying ? t('orders.paying') : t('orders.pay')}
          </ActionButton>
        </View>
      )}
      {awaiting && !expiredHere && (
        <Text className='order-detail__webview' onClick={onPayInWebView}>
          {t('orders.payInWebView')} ›
        </Text>
      )}
    </View>
  )
}
