import type { Address } from '@contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { useCartStore } from '../../../features/cart'
import {
  AddressForm,
  emptyAddress,
  fetchSavedAddress,
  OrderPreview,
  useCheckout,
  validateAddress,
  type AddressErrors,
} from '../../../features/checkout'
import { orderUrl } from '../../../features/orders'
import { usePageTitle, useT } from '../../../shared/i18n'
import { useResource } from '../../../shared/hooks/useResource'
import { describeError } from '../../../shared/request'
import { ActionButton, StateView } from '../../../shared/ui'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

export default function CheckoutPage() {
  const t = useT()
  usePageTitle('checkout.title')
  const allLines = useCartStore((state) => state.lines)
  const lines = useMemo(() => allLines.filter((line) => line.selected), [allLines])
  const saved = useResource('address', fetchSavedAddress)
  const [address, setAddress] = useState<Address>(emptyAddress)
  const [errors, setErrors] = useState<AddressErrors>({})
  const checkout = useCheckout()

  useEffect(() => {
    if (saved.data) setAddress(saved.data)
  }, [saved.data])

  const placeOrder = async () => {
    const found = validateAddress(address)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const order = await checkout.submit(lines, address)
    if (order) Taro.redirectTo({ url: orderUrl(order.id) })
  }

  return (
    <View className='page checkout-page'>
      <StateView
        loading={saved.loading && !saved.data}
        error={saved.error}
        onRetry={saved.reload}
        empty={lines.length === 0}
        emptyText={t('checkout.nothingSelected')}
      >
        <AddressForm value={address} errors={errors} onChange={setAddress} />
        <OrderPreview lines={lines} />
        <View className='checkout-bar'>
          {checkout.error !== undefined && (
            <Text className='checkout-bar__error'>{describeError(checkout.error)}</Text>
          )}
          <ActionButton
            kind='accent'
            className='checkout-bar__button'
            disabled={checkout.submitting}
            onClick={placeOrder}
          >
            {checkout.submitting ? t('checkout.submitting') : t('checkout.placeOrder')}
          </ActionButton>
        </View>
      </StateView>
    </View>
  )
}
