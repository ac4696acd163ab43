import { View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { OrderDetailView, useOrderDetail } from '../../../features/orders'
import { payResultUrl, usePayOrder } from '../../../features/payment'
import { usePageTitle } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import { StateView } from '../../../shared/ui'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

export default function OrderPage() {
  usePageTitle('orders.detailTitle')
  const id = useRouter().params.id ?? ''
  const order = useOrderDetail(id)
  const payment = usePayOrder({
    onResult: (orderId, code) => void Taro.navigateTo({ url: payResultUrl(orderId, code) }),
    onNotPayable: order.reload,
  })
  // Back from elsewhere (e.g. the cashier later): show what the server says now.
  useDidShow(() => void (order.data && order.reload()))

  return (
    <View className='page'>
      <StateView loading={order.loading && !order.data} error={order.error} onRetry={order.reload}>
        {order.data && (
          <OrderDetailView
            order={order.data}
            cancelling={order.cancelling}
            paying={payment.paying}
            onPay={() => payment.pay(id)}
            onCancel={order.cancel}
            onExpired={order.reload}
            onPayInWebView={() => Taro.navigateTo({ url: pageUrl('webview', { orderId: id }) })}
          />
        )}
      </StateView>
    </View>
  )
}
