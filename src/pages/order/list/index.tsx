import type { OrderStatus } from '@contract'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ORDER_TABS, OrderCard, orderUrl, OrderStatusTabs, useOrderList } from '../../../features/orders'
import { usePageTitle, useT } from '../../../shared/i18n'
import { StateView } from '../../../shared/ui'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

const statusFromQuery = (value?: string) => ORDER_TABS.find((tab) => tab.status === value)?.status

export default function OrdersPage() {
  const t = useT()
  usePageTitle('orders.title')
  const [status, setStatus] = useState<OrderStatus | undefined>(statusFromQuery(useRouter().params.status))
  const orders = useOrderList(status)

  usePullDownRefresh(async () => {
    await orders.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => void orders.loadMore())

  const firstLoad = orders.items.length === 0
  return (
    <View className='page'>
      <OrderStatusTabs active={status} onChange={setStatus} />
      <StateView
        loading={firstLoad && orders.loading}
        error={orders.error}
        onRetry={orders.retry}
        empty={firstLoad && !orders.hasMore}
        emptyText={t('orders.empty')}
      >
        {orders.items.map((order) => (
          <OrderCard
            key={order.id}
            order={order}
            onOpen={() => Taro.navigateTo({ url: orderUrl(order.id) })}
          />
        ))}
      </StateView>
    </View>
  )
}
