import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { addSkuToCart, showStockLimit } from '../../../features/cart'
import { fetchProduct, ProductDetailView } from '../../../features/catalog'
import { useResource } from '../../../shared/hooks/useResource'
import { StateView } from '../../../shared/ui'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

export default function ProductPage() {
  const id = useRouter().params.id ?? ''
  const product = useResource(`product:${id}`, () => fetchProduct(id))

  return (
    <View className='page'>
      <StateView loading={product.loading && !product.data} error={product.error} onRetry={product.reload}>
        {product.data && (
          <ProductDetailView
            key={product.data.id}
            product={product.data}
            onAddToCart={(sku, quantity) => addSkuToCart(product.data!, sku, quantity)}
            onLimit={showStockLimit}
          />
        )}
      </StateView>
    </View>
  )
}
