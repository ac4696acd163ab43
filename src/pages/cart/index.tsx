import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CartView } from '../../features/cart'
import { useTabPage } from '../../features/shell/useTabPage'
import { pageUrl } from '../../shared/routes'

export default function CartPage() {
  useTabPage('cart.title')
  return (
    <View className='page'>
      <CartView
        onShop={() => Taro.switchTab({ url: pageUrl('home') })}
        onCheckout={() => Taro.navigateTo({ url: pageUrl('checkout') })}
      />
    </View>
  )
}
