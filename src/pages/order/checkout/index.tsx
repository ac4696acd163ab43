import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { buyNowQuery, CheckoutView } from '../../../features/checkout'
import { orderUrl } from '../../../features/orders'
import { usePageTitle } from '../../../shared/i18n'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

/** Checkout: the cart's selected lines, or with `skuId` and `quantity` (立即购买) just that SKU. */
export default function CheckoutPage() {
  usePageTitle('checkout.title')
  const { params } = useRouter()
  const buyNow = useMemo(() => buyNowQuery(params), [params])
  return (
    <View className='page checkout-page'>
      <CheckoutView buyNow={buyNow} onPlaced={(order) => void Taro.redirectTo({ url: orderUrl(order.id) })} />
    </View>
  )
}
