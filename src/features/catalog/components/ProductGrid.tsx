import type { ProductSummary } from '@contract'
import { Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { ProductCard } from './ProductCard'
import './catalog.scss'

export function ProductGrid({
  products,
  hasMore,
  loading,
  onOpenProduct,
}: {
  products: readonly ProductSummary[]
  hasMore: boolean
  loading: boolean
  onOpenProduct: (product: ProductSummary) => void
}) {
  const t = useT()
  return (
    <View>
      <View className='product-grid'>
        {products.map((product) => (
          <ProductCard key={product.id} product={product} onOpen={() => onOpenProduct(product)} />
        ))}
      </View>
      <View className='product-grid__footer'>
        <Text>{loading ? t('state.loading') : hasMore ? '' : t('state.noMore')}</Text>
      </View>
    </View>
  )
}
