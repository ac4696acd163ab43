import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { addSkuToCart, showStockLimit, summarize, useCartStore } from '../../../features/cart'
import { fetchProduct, ProductDetailView } from '../../../features/catalog'
import { useResource } from '../../../shared/hooks/useResource'
import { StateView } from '../../../shared/ui'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'
import { usePageTitle } from '../../../shared/i18n'

addSubpackageTexts()

export default function ProductPage() {
  const id = useRouter().params.id ?? ''
  const product = useResource(`product:${id}`, () => fetchProduct(id))
  const cartCount = useCartStore((state) => summarize(state.lines).itemCount)
  usePageTitle(product.data ? () => product.data!.title : undefined)

  return (
    <View className='page'>
      <StateView loading={product.loading && !product.data} error={product.error} onRetry={product.reload}>
        {product.data && (
          <ProductDetailView
            key={product.data.id}
            product={product.data}
            cartCount={cartCount}
            onAddToCart={(sku, quantity) => addSkuToCart(product.data!, sku, quantity)}
            onLimit={showStockLimit}
          />
        )}
      </StateView>
    </View>
  )
}
