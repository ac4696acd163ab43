import type { ProductDetail, Sku } from '@contract'
import Taro from '@tarojs/taro'
import { t } from '../../shared/i18n'
import { skuLabel } from '../catalog'
import { useCartStore } from './store'

/** Says the buyer reached the most they can have of a SKU. */
export function showStockLimit(count: number): void {
  void Taro.showToast({ title: t('cart.maxStock', { count }), icon: 'none' })
}

/** Puts a product's SKU in the cart and tells the buyer what happened. Returns how many were added. */
export function addSkuToCart(product: ProductDetail, sku: Sku, quantity: number): number {
  const added = useCartStore.getState().add(
    {
      skuId: sku.id,
      productId: product.id,
      title: product.title,
      image: product.image,
      skuLabel: skuLabel(sku),
      price: sku.price,
      stock: sku.stock,
    },
    quantity,
  )
  if (added > 0) void Taro.showToast({ title: t('product.added'), icon: 'success' })
  else showStockLimit(sku.stock)
  return added
}
