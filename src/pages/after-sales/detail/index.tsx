import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { AfterSalesDetailView, useAfterSalesDetail } from '../../../features/after-sales'
import { orderUrl } from '../../../features/orders'
import { usePageTitle } from '../../../shared/i18n'
import { StateView } from '../../../shared/ui'
import { addAfterSalesTexts } from '../../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()
addAfterSalesTexts()

export default function AfterSalesPage() {
  usePageTitle('afterSales.detailTitle')
  const id = useRouter().params.id ?? ''
  const request = useAfterSalesDetail(id)

  usePullDownRefresh(async () => {
    await request.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <View className='page'>
      <StateView loading={request.loading && !request.data} error={request.error} onRetry={request.reload}>
        {request.data && (
          <AfterSalesDetailView
            request={request.data}
            busy={request.busy}
            onCancel={request.cancel}
            onReturn={(parcel) => void request.sendReturn(parcel)}
            onOpenOrder={() => Taro.navigateTo({ url: orderUrl(request.data!.orderId) })}
          />
        )}
      </StateView>
    </View>
  )
}
