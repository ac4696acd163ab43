import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { afterSalesUrl, ApplyForm, useApplyAfterSales } from '../../../features/after-sales'
import { usePageTitle, useT } from '../../../shared/i18n'
import { StateView } from '../../../shared/ui'
import { addAfterSalesTexts } from '../../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()
addAfterSalesTexts()

export default function ApplyAfterSalesPage() {
  const t = useT()
  usePageTitle('afterSales.apply')
  const orderId = useRouter().params.orderId ?? ''
  const apply = useApplyAfterSales(orderId)

  const submit = async () => {
    const request = await apply.submit()
    // The form is done with: back goes to the order, not to a form already sent.
    if (request) void Taro.redirectTo({ url: afterSalesUrl(request.id) })
  }

  return (
    <View className='page'>
      <StateView
        loading={apply.loading && !apply.data}
        error={apply.data ? undefined : apply.error}
        onRetry={apply.reload}
        empty={apply.data !== undefined && apply.data.kinds.length === 0}
        emptyText={t('afterSales.notAllowed')}
      >
        {apply.data && (
          <ApplyForm
            kinds={apply.data.kinds}
            rows={apply.data.rows}
            draft={apply.draft}
            estimate={apply.estimate}
            ready={apply.ready}
            submitting={apply.submitting}
            error={apply.submitError}
            onKind={apply.setKind}
            onQuantity={apply.setQuantity}
            onReason={apply.setReason}
            onNote={apply.setNote}
            onSubmit={submit}
          />
        )}
      </StateView>
    </View>
  )
}
