import { ScrollView, Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { ORDER_TABS, type OrderTab } from '../tabs'
import './orders.scss'

/** The orders page's tabs; they scroll sideways when a language's labels need more than the width. */
export function OrderStatusTabs({
  active,
  onChange,
}: {
  active: OrderTab
  onChange: (tab: OrderTab) => void
}) {
  const t = useT()
  return (
    <ScrollView scrollX className='order-tabs'>
      <View className='order-tabs__row'>
        {ORDER_TABS.map(({ tab, label }) => (
          <View
            key={tab}
            className={`order-tabs__tab ${tab === active ? 'order-tabs__tab--active' : ''}`}
            onClick={() => onChange(tab)}
          >
            <Text>{t(label)}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
