import { View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { OrderDetailView, useOrderDetail } from '../../features/orders'
import { usePayOrder } from '../../features/payment'
import { usePageTitle } from '../../shared/i18n'
import { StateView } from '../../shared/ui'

export default function OrderPage() {
  usePageTitle('orders.detailTitle')
  const id = useRouter().params.id ?? ''
  const order = useOrderDetail(id)
  const payment = usePayOrder({ onNotPayable: order.reload })
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
          />
        )}
      </StateView>
    </View>
  )
}
