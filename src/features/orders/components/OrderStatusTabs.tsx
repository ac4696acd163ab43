import type { OrderStatus } from '@contract'
import { Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { ORDER_TABS } from '../status'
import './orders.scss'

export function OrderStatusTabs({
  active,
  onChange,
}: {
  active?: OrderStatus
  onChange: (status?: OrderStatus) => void
}) {
  const t = useT()
  return (
    <View className='order-tabs'>
      {ORDER_TABS.map((tab) => (
        <View
          key={tab.status ?? 'all'}
          className={`order-tabs__tab ${tab.status === active ? 'order-tabs__tab--active' : ''}`}
          onClick={() => onChange(tab.status)}
        >
          <Text>{t(tab.label)}</Text>
        </View>
      ))}
    </View>
  )
}
