import type { AfterSalesRequest } from '@contract'
import { Image, Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../shared/datetime'
import { useT } from '../../../shared/i18n'
import { formatFen } from '../../../shared/money'
import { KIND_WORDS, STATUS_WORDS, confirmedRefund } from '../status'
import './after-sales.scss'

/** One request in a list: its status, its items, and the refund once Alipay confirmed it. */
export function AfterSalesCard({ request, onOpen }: { request: AfterSalesRequest; onOpen: () => void }) {
  const t = useT()
  const refunded = confirmedRefund(request)
  return (
    <View className='after-sales-card' onClick={onOpen}>
      <View className='after-sales-card__header'>
        <Text className='after-sales-card__kind'>{t(KIND_WORDS[request.kind].label)}</Text>
        <Text className={`after-sales-status after-sales-status--${request.status}`}>
          {t(STATUS_WORDS[request.status].label)}
        </Text>
      </View>
      <View className='after-sales-card__images'>
        {request.lines.slice(0, 4).map((line) => (
          <Image key={line.lineNo} className='after-sales-card__image' src={line.image} mode='aspectFill' />
        ))}
      </View>
      <View className='after-sales-card__footer'>
        <View>
          <Text className='after-sales-card__meta'>{t('orders.number', { id: request.orderId })}</Text>
          <Text className='after-sales-card__meta'>
            {t('afterSales.createdAt', { time: formatDateTime(request.createdAt) })}
          </Text>
        </View>
        {refunded !== undefined && (
          <Text className='after-sales-refunded'>
            {t('afterSales.refunded', { amount: formatFen(refunded) })}
          </Text>
        )}
      </View>
    </View>
  )
}
