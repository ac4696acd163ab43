import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { CartView, syncCartBadge } from '../../features/cart'
import { useT } from '../../shared/i18n'

export default function CartPage() {
  const t = useT()
  useDidShow(() => {
    Taro.setNavigationBarTitle({ title: t('cart.title') })
    syncCartBadge()
  })
  return (
    <View className='page'>
      <CartView onShop={() => Taro.switchTab({ url: '/pages/index/index' })} />
    </View>
  )
}
