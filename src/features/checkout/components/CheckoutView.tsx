import type { Order } from '@contract'
import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { useResource } from '../../../shared/hooks/useResource'
import { useT } from '../../../shared/i18n'
import { describeError } from '../../../shared/request'
import { ActionButton, Price, StateView } from '../../../shared/ui'
import { summarize, useCartStore, type CartLine } from '../../cart'
import { fetchSavedAddress } from '../api'
import { fetchBuyNowLine, type BuyNowQuery } from '../buy-now'
import { useAddressForm } from '../useAddressForm'
import { useCheckout } from '../useCheckout'
import { usePlatformAddress } from '../usePlatformAddress'
import { AddressForm } from './AddressForm'
import { OrderPreview } from './OrderPreview'
import './checkout.scss'

interface CheckoutViewProps {
  /** From the product page's 立即购买: order just this SKU, without reading or changing the cart. */
  buyNow?: BuyNowQuery
  onPlaced: (order: Order) => void
}

/** Checkout of the cart's selected lines, or of one SKU bought now. */
export function CheckoutView({ buyNow, onPlaced }: CheckoutViewProps) {
  return buyNow ? <BuyNowCheckout query={buyNow} onPlaced={onPlaced} /> : <CartCheckout onPlaced={onPlaced} />
}

function CartCheckout({ onPlaced }: { onPlaced: (order: Order) => void }) {
  const allLines = useCartStore((state) => state.lines)
  const lines = useMemo(() => allLines.filter((line) => line.selected), [allLines])
  return <CheckoutForm lines={lines} source='cart' onPlaced={onPlaced} />
}

function BuyNowCheckout({ query, onPlaced }: { query: BuyNowQuery; onPlaced: (order: Order) => void }) {
  const line = useResource(`buy-now:${query.skuId}:${query.quantity}`, () => fetchBuyNowLine(query))
  return (
    <StateView
      loading={line.loading && !line.data}
      error={line.data ? undefined : line.error}
      onRetry={line.reload}
    >
      {line.data && <CheckoutForm lines={[line.data]} source='buyNow' onPlaced={onPlaced} />}
    </StateView>
  )
}

interface CheckoutFormProps {
  lines: readonly CartLine[]
  source: 'cart' | 'buyNow'
  onPlaced: (order: Order) => void
}

function CheckoutForm({ lines, source, onPlaced }: CheckoutFormProps) {
  const t = useT()
  const saved = useResource('address', fetchSavedAddress)
  const form = useAddressForm(saved.data)
  const platformAddress = usePlatformAddress(form)
  const checkout = useCheckout()

  const placeOrder = async () => {
    if (!form.validate()) return
    const order = await checkout.submit(lines, form.address, source)
    if (order) onPlaced(order)
  }

  return (
    <StateView
      loading={saved.loading && saved.data === undefined}
      error={saved.error}
      onRetry={saved.reload}
      empty={lines.length === 0}
      emptyText={t('checkout.nothingSelected')}
    >
      <AddressForm
        value={form.address}
        errors={form.errors}
        onChange={form.change}
        onVisit={form.visit}
        platformAddress={platformAddress}
      />
      <OrderPreview lines={lines} />
      <View className='checkout-bar'>
        {checkout.error !== undefined && (
          <Text className='checkout-bar__error'>{describeError(checkout.error)}</Text>
        )}
        <View className='checkout-bar__row'>
          <View className='checkout-bar__total'>
            <Text className='checkout-bar__label'>{t('cart.total')}</Text>
            <Price fen={summarize(lines).selectedTotal} size='large' />
          </View>
          <ActionButton
            kind='accent'
            className='checkout-bar__button'
            disabled={checkout.submitting}
            onClick={placeOrder}
          >
            {checkout.submitting ? t('checkout.submitting') : t('checkout.placeOrder')}
          </ActionButton>
        </View>
      </View>
    </StateView>
  )
}
