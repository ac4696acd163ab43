import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { afterSalesUrl, AfterSalesListView, useAfterSalesList } from '../../../features/after-sales'
import { usePageTitle } from '../../../shared/i18n'
import { useListPageEvents } from '../../../shared/hooks/useListPageEvents'
import { addAfterSalesTexts } from '../../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()
addAfterSalesTexts()

export default function AfterSalesListPage() {
  usePageTitle('afterSales.title')
  const list = useAfterSalesList()
  useListPageEvents(list)
  return (
    <View className='page'>
      <AfterSalesListView
        list={list}
        onOpen={(request) => Taro.navigateTo({ url: afterSalesUrl(request.id) })}
      />
    </View>
  )
}
