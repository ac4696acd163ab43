import { Image, Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { Checkbox, Price, Stepper } from '../../../shared/ui'
import { lineQuantityMax, type CartLine } from '../cart-math'
import { useCartStore } from '../store'
import './cart.scss'

export function CartLineItem({ line, onLimit }: { line: CartLine; onLimit: (max: number) => void }) {
  const t = useT()
  const { toggle, setQuantity, remove } = useCartStore.getState()
  const max = lineQuantityMax(line.stock)
  return (
    <View className='cart-line'>
      <Checkbox checked={line.selected} onChange={() => toggle(line.skuId)} />
      <Image className='cart-line__image' src={line.image} mode='aspectFill' />
      <View className='cart-line__body'>
        <Text className='cart-line__title'>{line.title}</Text>
        {line.skuLabel && <Text className='cart-line__sku'>{line.skuLabel}</Text>}
        <View className='cart-line__footer'>
          <Price fen={line.price} />
          <Stepper
            value={line.quantity}
            max={max}
            onChange={(quantity) => setQuantity(line.skuId, quantity)}
            onLimit={() => onLimit(max)}
          />
        </View>
        <Text className='cart-line__remove' onClick={() => remove([line.skuId])}>
          {t('cart.remove')}
        </Text>
      </View>
    </View>
  )
}
