import { View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { AfterSalesSection, afterSalesUrl, applyUrl, useOrderAfterSales } from '../../../features/after-sales'
import { OrderDetailView, useOrderDetail } from '../../../features/orders'
import { payResultUrl, usePayOrder } from '../../../features/payment'
import { usePageTitle, useT } from '../../../shared/i18n'
import { pageUrl } from '../../../shared/routes'
import { ActionButton, StateView } from '../../../shared/ui'
import { addAfterSalesTexts } from '../../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()
addAfterSalesTexts()

export default function OrderPage() {
  const t = useT()
  usePageTitle('orders.detailTitle')
  const id = useRouter().params.id ?? ''
  const order = useOrderDetail(id)
  const afterSales = useOrderAfterSales(id, order.data?.status)
  const payment = usePayOrder({
    onResult: (orderId, code) => void Taro.navigateTo({ url: payResultUrl(orderId, code) }),
    onNotPayable: order.reload,
  })
  // Back from elsewhere (the cashier, an after-sales request): show what the server says now.
  useDidShow(() => {
    if (!order.data) return
    void order.reload()
    void afterSales.reload()
  })

  return (
    <View className='page'>
      <StateView loading={order.loading && !order.data} error={order.error} onRetry={order.reload}>
        {order.data && (
          <OrderDetailView
            order={order.data}
            cancelling={order.cancelling}
            paying={payment.paying}
            receiving={order.receiving}
            onPay={() => payment.pay(id)}
            onCancel={order.cancel}
            onConfirmReceipt={order.confirmReceipt}
            onExpired={order.reload}
            onPayInWebView={() => Taro.navigateTo({ url: pageUrl('webview', { orderId: id }) })}
            extraAction={
              afterSales.data?.kinds.length ? (
                <ActionButton onClick={() => Taro.navigateTo({ url: applyUrl(id) })}>
                  {t('afterSales.apply')}
                </ActionButton>
              ) : undefined
            }
          >
            <AfterSalesSection
              data={afterSales.data}
              error={afterSales.error}
              onRetry={afterSales.reload}
              onOpen={(request) => Taro.navigateTo({ url: afterSalesUrl(request.id) })}
            />
          </OrderDetailView>
        )}
      </StateView>
    </View>
  )
}
