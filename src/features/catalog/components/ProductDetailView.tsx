import type { ProductDetail, Sku } from '@contract'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useT } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import { ActionButton, Price, Stepper } from '../../../shared/ui'
import { emptySelection, missingOptionNames, selectedSku, skuLabel } from '../sku'
import { SkuPicker } from './SkuPicker'
import './product-detail.scss'

interface ProductDetailViewProps {
  product: ProductDetail
  /** Units in the cart, shown as a badge on the bar's cart icon. */
  cartCount: number
  onAddToCart: (sku: Sku, quantity: number) => void
  onLimit: (stock: number) => void
}

/**
 * The product's pictures: one fills the width as it is; several swipe sideways (snapping to each
 * picture) with a dot per picture. A scroll-view rather than a Swiper: the tab pages already use
 * scroll-view, while a Swiper adds its template (~1.2 kB) to the main package of every mini-program.
 */
function Gallery({ images }: { images: readonly string[] }) {
  const [current, setCurrent] = useState(0)
  if (images.length < 2) {
    return <Image className='product-detail__gallery' src={images[0] ?? ''} mode='aspectFill' />
  }
  return (
    <View className='product-detail__gallery'>
      <ScrollView
        className='product-detail__slides'
        scrollX
        onScroll={(event) => {
          const { scrollLeft, scrollWidth } = event.detail
          const index = Math.round(scrollLeft / (scrollWidth / images.length))
          // State only changes when another picture comes into view: one small update per swipe.
          if (index !== current) setCurrent(Math.min(Math.max(index, 0), images.length - 1))
        }}
      >
        {images.map((src) => (
          <Image key={src} className='product-detail__slide' src={src} mode='aspectFill' />
        ))}
      </ScrollView>
      <View className='product-detail__dots'>
        {images.map((src, index) => (
          <View
            key={src}
            className={`product-detail__dot ${index === current ? 'product-detail__dot--current' : ''}`}
          />
        ))}
      </View>
    </View>
  )
}

export function ProductDetailView({ product, cartCount, onAddToCart, onLimit }: ProductDetailViewProps) {
  const t = useT()
  const [selection, setSelection] = useState(() => emptySelection(product.options))
  const [quantity, setQuantity] = useState(1)
  const sku = selectedSku(product.skus, selection)
  // Nothing left of the product, or of the one SKU it comes down to (e.g. a product without options).
  const soldOut = product.stock === 0 || sku?.stock === 0
  const missing = missingOptionNames(product.options, selection)
  const maxQuantity = Math.max(1, sku?.stock ?? 1)
  const images = product.images.length ? product.images : [product.image]

  /** The chosen SKU and quantity, or says which options are still to choose. */
  const chosen = (): [Sku, number] | undefined => {
    if (sku) return [sku, Math.min(quantity, sku.stock)]
    void Taro.showToast({ title: t('product.selectOptions', { names: missing.join(' / ') }), icon: 'none' })
    return undefined
  }

  return (
    <View className={`product-detail ${soldOut ? 'product-detail--sold-out' : ''}`}>
      <Gallery images={images} />
      <View className='product-detail__card'>
        <View className='product-detail__price-row'>
          <Price fen={sku?.price ?? product.priceFrom} size='large' />
          {soldOut && <Text className='product-detail__sold-out-tag'>{t('product.soldOut')}</Text>}
        </View>
        <Text className='product-detail__title'>{product.title}</Text>
        <Text className='product-detail__description'>{product.description}</Text>
      </View>
      <View className='product-detail__card'>
        {soldOut ? <Text className='product-detail__sold-out-note'>{t('product.soldOutNote')}</Text> : null}
        <SkuPicker
          product={product}
          selection={selection}
          disabled={soldOut}
          onChange={(next) => {
            setSelection(next)
            setQuantity(1)
          }}
        />
        {soldOut ? null : (
          <View>
            <View className='product-detail__row'>
              <Text className='product-detail__label'>{t('product.quantity')}</Text>
              <View className='product-detail__quantity'>
                {/* Always there, so choosing a SKU changes its text instead of inserting a node before
                    the stepper (which makes Taro re-send the whole row to the view). */}
                <Text className='product-detail__stock'>
                  {sku ? t('product.stock', { count: sku.stock }) : ''}
                </Text>
                <Stepper
                  value={quantity}
                  max={maxQuantity}
                  onChange={setQuantity}
                  onLimit={() => onLimit(maxQuantity)}
                />
              </View>
            </View>
            <Text className='product-detail__hint'>
              {sku
                ? t('product.selected', { values: skuLabel(sku) || product.title })
                : missing.length
                  ? t('product.selectOptions', { names: missing.join(' / ') })
                  : ''}
            </Text>
          </View>
        )}
      </View>
      <View className='product-detail__bar'>
        <View className='product-detail__cart' onClick={() => void Taro.switchTab({ url: pageUrl('cart') })}>
          <Image className='product-detail__cart-icon' src='/assets/tab-cart.png' />
          <Text className='product-detail__cart-label'>{t('product.cart')}</Text>
          {cartCount > 0 && (
            <Text className='product-detail__badge'>{cartCount > 99 ? '99+' : cartCount}</Text>
          )}
        </View>
        {soldOut ? (
          <ActionButton
            kind='plain'
            className='product-detail__action product-detail__closed'
            disabled
            onClick={() => undefined}
          >
            {t('product.soldOut')}
          </ActionButton>
        ) : (
          <View className='product-detail__actions'>
            <ActionButton
              kind='accent'
              className='product-detail__action product-detail__add'
              onClick={() => {
                const line = chosen()
                if (line) onAddToCart(...line)
              }}
            >
              {t('product.addToCart')}
            </ActionButton>
            <ActionButton
              kind='primary'
              className='product-detail__action product-detail__buy'
              onClick={() => {
                const line = chosen()
                if (!line) return
                const [buying, count] = line
                void Taro.navigateTo({
                  url: pageUrl('checkout', { skuId: buying.id, quantity: String(count) }),
                })
              }}
            >
              {t('product.buyNow')}
            </ActionButton>
          </View>
        )}
      </View>
    </View>
  )
}
