import type { ProductDetail, Sku } from '@contract'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useT } from '../../../shared/i18n'
import { ActionButton, Price, Stepper } from '../../../shared/ui'
import { emptySelection, missingOptionNames, selectedSku, skuLabel } from '../sku'
import { SkuPicker } from './SkuPicker'
import './product-detail.scss'

interface ProductDetailViewProps {
  product: ProductDetail
  onAddToCart: (sku: Sku, quantity: number) => void
  onLimit: (stock: number) => void
}

export function ProductDetailView({ product, onAddToCart, onLimit }: ProductDetailViewProps) {
  const t = useT()
  const [selection, setSelection] = useState(() => emptySelection(product.options))
  const [quantity, setQuantity] = useState(1)
  const sku = selectedSku(product.skus, selection)
  const soldOut = product.stock === 0
  const missing = missingOptionNames(product.options, selection)
  const maxQuantity = Math.max(1, sku?.stock ?? 1)

  return (
    <View className='product-detail'>
      <Image className='product-detail__image' src={product.image} mode='aspectFill' />
      <View className='product-detail__card'>
        <Price fen={sku?.price ?? product.priceFrom} size='large' />
        <Text className='product-detail__title'>{product.title}</Text>
        <Text className='product-detail__description'>{product.description}</Text>
      </View>
      <View className='product-detail__card'>
        <SkuPicker
          product={product}
          selection={selection}
          onChange={(next) => {
            setSelection(next)
            setQuantity(1)
          }}
        />
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
      <View className='product-detail__bar'>
        <ActionButton
          kind='accent'
          className='product-detail__add'
          disabled={!sku || soldOut}
          onClick={() => sku && onAddToCart(sku, Math.min(quantity, sku.stock))}
        >
          {soldOut ? t('product.soldOut') : t('product.addToCart')}
        </ActionButton>
      </View>
    </View>
  )
}
