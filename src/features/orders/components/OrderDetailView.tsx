import type { Order } from '@contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { formatDateTime } from '../../../shared/datetime'
import { useT, type MessageKey } from '../../../shared/i18n'
import { ActionButton, OrderLineRow, Price } from '../../../shared/ui'
import { statusLabel } from '../status'
import { formatDuration, useCountdown } from '../useCountdown'
import './orders.scss'

interface OrderDetailViewProps {
  order: Order
  cancelling: boolean
  paying: boolean
  receiving: boolean
  onPay: () => void
  onCancel: () => void
  onConfirmReceipt: () => void
  /** The countdown reached zero: the server closes the order; ask it again. */
  onExpired: () => void
  /** The buyer chose the web-view demo's checkout page for this order. */
  onPayInWebView: () => void
  /** Shown below the lines: what other features add about the order (its after-sales). */
  children?: ReactNode
  /** Another feature's action for the bottom bar, before the order's own (apply for after-sales). */
  extraAction?: ReactNode
}

export function OrderDetailView({
  order,
  cancelling,
  paying,
  receiving,
  onPay,
  onCancel,
  onConfirmReceipt,
  onExpired,
  onPayInWebView,
  children,
  extraAction,
}: OrderDetailViewProps) {
  const t = useT()
  const awaiting = order.status === 'awaiting_payment'
  const left = useCountdown(awaiting ? order.expiresAt : undefined)
  const expiredHere = awaiting && left === 0
  // When each step happened, in order; the shipping time is in the shipping card.
  const times: [MessageKey, string | undefined][] = [
    ['orders.createdAt', order.createdAt],
    ['orders.paidAt', order.paidAt],
    ['orders.receivedAt', order.receivedAt],
    ['orders.completedAt', order.completedAt],
  ]
  const payable = awaiting && !expiredHere
  const shipped = order.status === 'shipped'
  const bar = payable || shipped || !!extraAction

  return (
    <View className={`order-detail${bar ? ' order-detail--with-bar' : ''}`}>
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

      {order.shipment && (
        <View className='order-detail__card'>
          <Text className='order-detail__label'>{t('orders.shipment.title')}</Text>
          <Text className='order-detail__text'>
            {t('orders.shipment.carrier', { carrier: order.shipment.carrier })}
          </Text>
          <Text className='order-detail__text'>
            {t('orders.shipment.trackingNo', { trackingNo: order.shipment.trackingNo })}
          </Text>
          <Text className='order-detail__meta'>
            {t('orders.shippedAt', { time: formatDateTime(order.shipment.shippedAt) })}
          </Text>
        </View>
      )}

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

      {children}

      <View className='order-detail__card'>
        <Text className='order-detail__meta'>{t('orders.number', { id: order.id })}</Text>
        {times.map(
          ([key, time]) =>
            time && (
              <Text key={key} className='order-detail__meta'>
                {t(key, { time: formatDateTime(time) })}
              </Text>
            ),
        )}
      </View>

      {bar && (
        // Fixed at the bottom, above the home indicator: the order's next steps.
        <View className='order-bar'>
          {extraAction}
          {shipped && (
            <ActionButton kind='primary' disabled={receiving} onClick={onConfirmReceipt}>
              {receiving ? t('orders.confirmingReceipt') : t('orders.confirmReceipt')}
            </ActionButton>
          )}
          {payable && (
            <ActionButton disabled={cancelling || paying} onClick={onCancel}>
              {t('orders.cancel')}
            </ActionButton>
          )}
          {payable && (
            <ActionButton kind='accent' disabled={paying || cancelling} onClick={onPay}>
              {paying ? t('orders.paying') : t('orders.pay')}
            </ActionButton>
          )}
        </View>
      )}
      {payable && (
        <Text className='order-detail__webview' onClick={onPayInWebView}>
          {t('orders.payInWebView')} ›
        </Text>
      )}
    </View>
  )
}
