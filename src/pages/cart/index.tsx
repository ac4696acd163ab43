import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CartView } from '../../features/cart'
import { useTabPage } from '../../features/shell/useTabPage'

export default function CartPage() {
  useTabPage('cart.title')
  return (
    <View className='page'>
      <CartView
        onShop={() => Taro.switchTab({ url: '/pages/index/index' })}
        onCheckout={() => Taro.navigateTo({ url: '/pages/checkout/index?from=cart' })}
      />
    </View>
  )
}
