import type { OrderStatus } from '@contract'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { afterSalesUrl, AfterSalesListView, useAfterSalesList } from '../../../features/after-sales'
import {
  OrderCard,
  orderTabFromQuery,
  orderUrl,
  OrderStatusTabs,
  tabStatus,
  useOrderList,
} from '../../../features/orders'
import { usePageTitle, useT } from '../../../shared/i18n'
import { useListPageEvents } from '../../../shared/hooks/useListPageEvents'
import { pageUrl } from '../../../shared/routes'
import { ActionButton, StateView } from '../../../shared/ui'
import { addAfterSalesTexts } from '../../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()
addAfterSalesTexts()

/** The orders of one tab (all when no status). */
function Orders({ status }: { status?: OrderStatus }) {
  const t = useT()
  const orders = useOrderList(status)
  useListPageEvents(orders)
  const firstLoad = orders.items.length === 0
  return (
    <StateView
      loading={firstLoad && orders.loading}
      error={orders.error}
      onRetry={orders.retry}
      empty={firstLoad && !orders.hasMore}
      emptyText={t('orders.empty')}
      emptyAction={
        <ActionButton kind='primary' onClick={() => void Taro.switchTab({ url: pageUrl('home') })}>
          {t('cart.goShopping')}
        </ActionButton>
      }
    >
      {orders.items.map((order) => (
        <OrderCard key={order.id} order={order} onOpen={() => Taro.navigateTo({ url: orderUrl(order.id) })} />
      ))}
    </StateView>
  )
}

/** The after-sales tab: the buyer's requests, as the after-sales list page shows them. */
function AfterSalesRequests() {
  const list = useAfterSalesList()
  useListPageEvents(list)
  return (
    <AfterSalesListView
      list={list}
      onOpen={(request) => Taro.navigateTo({ url: afterSalesUrl(request.id) })}
    />
  )
}

export default function OrdersPage() {
  usePageTitle('orders.title')
  const [tab, setTab] = useState(orderTabFromQuery(useRouter().params.tab))
  return (
    <View className='page'>
      <OrderStatusTabs active={tab} onChange={setTab} />
      {tab === 'after_sales' ? <AfterSalesRequests /> : <Orders status={tabStatus(tab)} />}
    </View>
  )
}
