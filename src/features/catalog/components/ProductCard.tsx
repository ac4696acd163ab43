import type { ProductSummary } from '@contract'
import { Image, Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { Price } from '../../../shared/ui'
import './catalog.scss'

export function ProductCard({ product, onOpen }: { product: ProductSummary; onOpen: () => void }) {
  const t = useT()
  const soldOut = product.stock === 0
  return (
    <View className={`product-card${soldOut ? ' product-card--sold-out' : ''}`} onClick={onOpen}>
      <View className='product-card__media'>
        <Image className='product-card__image' src={product.image} mode='aspectFill' lazyLoad />
        {soldOut && <Text className='product-card__badge'>{t('home.soldOut')}</Text>}
      </View>
      <View className='product-card__body'>
        <Text className='product-card__title'>{product.title}</Text>
        <View className='product-card__footer'>
          <Price fen={product.priceFrom} />
        </View>
      </View>
    </View>
  )
}
