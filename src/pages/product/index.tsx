import type { Sku } from '@contract'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCartStore } from '../../features/cart'
import { fetchProduct, ProductDetailView, skuLabel } from '../../features/catalog'
import { useT } from '../../shared/i18n'
import { useResource } from '../../shared/hooks/useResource'
import { StateView } from '../../shared/ui'

export default function ProductPage() {
  const t = useT()
  const id = useRouter().params.id ?? ''
  const product = useResource(`product:${id}`, () => fetchProduct(id))

  const addToCart = (sku: Sku, quantity: number) => {
    const item = product.data!
    useCartStore.getState().add(
      {
        skuId: sku.id,
        productId: item.id,
        title: item.title,
        image: item.image,
        skuLabel: skuLabel(sku),
        price: sku.price,
        stock: sku.stock,
      },
      quantity,
    )
    Taro.showToast({ title: t('product.added'), icon: 'success' })
  }

  return (
    <View className='page'>
      <StateView loading={product.loading && !product.data} error={product.error} onRetry={product.reload}>
        {product.data && (
          <ProductDetailView
            key={product.data.id}
            product={product.data}
            onAddToCart={addToCart}
            onLimit={(count) => Taro.showToast({ title: t('cart.maxStock', { count }), icon: 'none' })}
          />
        )}
      </StateView>
    </View>
  )
}
