import type { Order } from '@contract'
import { Image, Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { Price } from '../../../shared/ui'
import { statusLabel } from '../status'
import './orders.scss'

export function OrderCard({ order, onOpen }: { order: Order; onOpen: () => void }) {
  const t = useT()
  return (
    <View className='order-card' onClick={onOpen}>
      <View className='order-card__header'>
        <Text className='order-card__number'>{t('orders.number', { id: order.id })}</Text>
        <Text className={`order-status order-status--${order.status}`}>{t(statusLabel(order))}</Text>
      </View>
      <View className='order-card__images'>
        {order.lines.slice(0, 4).map((line) => (
          <Image key={line.skuId} className='order-card__image' src={line.image} mode='aspectFill' />
        ))}
      </View>
      <View className='order-card__footer'>
        <Text className='order-card__count'>{t('orders.itemCount', { count: order.itemCount })}</Text>
        <Price fen={order.total} />
      </View>
    </View>
  )
}
