import { Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { OrderLineRow } from '../../../shared/ui'
import { lineTotal, summarize, type CartLine } from '../../cart'
import './checkout.scss'

/** What will be ordered, at the prices last seen (the total is in the bottom bar); the server prices the order itself. */
export function OrderPreview({ lines }: { lines: readonly CartLine[] }) {
  const t = useT()
  const summary = summarize(lines)
  return (
    <View className='checkout-card'>
      <Text className='checkout-card__title'>{t('checkout.items', { count: summary.selectedCount })}</Text>
      {lines.map((line) => (
        <OrderLineRow
          key={line.skuId}
          image={line.image}
          title={line.title}
          skuLabel={line.skuLabel}
          quantity={line.quantity}
          total={lineTotal(line)}
        />
      ))}
      <Text className='checkout-card__hint'>{t('checkout.priceNote')}</Text>
    </View>
  )
}
