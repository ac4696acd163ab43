import { Image, Text, View } from '@tarojs/components'
import type { Fen } from '../money'
import { Price } from './Price'
import './order-line.scss'

/** What a row shows of a line, whether a cart line at checkout or a line of a placed order. */
export interface OrderLineRowProps {
  image: string
  title: string
  skuLabel: string
  quantity: number
  total: Fen
}

/** One line of an order: picture, title, SKU × quantity and the line's total. */
export function OrderLineRow({ image, title, skuLabel, quantity, total }: OrderLineRowProps) {
  return (
    <View className='order-line'>
      <Image className='order-line__image' src={image} mode='aspectFill' />
      <View className='order-line__body'>
        <Text className='order-line__title'>{title}</Text>
        <Text className='order-line__meta'>
          {skuLabel} × {quantity}
        </Text>
      </View>
      <Price fen={total} size='small' />
    </View>
  )
}
