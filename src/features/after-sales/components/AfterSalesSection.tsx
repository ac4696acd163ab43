import type { AfterSalesRequest, OrderAfterSales } from '@contract'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../shared/datetime'
import { useT } from '../../../shared/i18n'
import { describeError } from '../../../shared/request'
import { formatFen } from '../../../shared/money'
import { ActionButton } from '../../../shared/ui'
import { KIND_WORDS, STATUS_WORDS, confirmedRefund } from '../status'
import './after-sales.scss'

interface AfterSalesSectionProps {
  data?: OrderAfterSales
  error?: unknown
  onRetry: () => void
  /** Without it, "apply" is offered elsewhere (the order page's bottom bar). */
  onApply?: () => void
  onOpen: (request: AfterSalesRequest) => void
}

/**
 * The order page's after-sales card: the order's requests (newest first), each opening its
 * detail, and "apply" while the order allows a kind. Secondary to the order, so it stays out of
 * the way while loading and shows a one-line retry when it failed.
 */
export function AfterSalesSection({ data, error, onRetry, onApply, onOpen }: AfterSalesSectionProps) {
  const t = useT()
  if (error !== undefined && !data) {
    return (
      <View className='after-sales-section' onClick={onRetry}>
        <Text className='after-sales-section__error'>
          {describeError(error)} {t('state.retry')} ›
        </Text>
      </View>
    )
  }
  if (!data || (data.requests.length === 0 && (!onApply || data.kinds.length === 0))) return null
  return (
    <View className='after-sales-section'>
      <View className='after-sales-section__header'>
        <Text className='after-sales-section__title'>{t('afterSales.title')}</Text>
        {onApply && data.kinds.length > 0 && (
          <ActionButton kind='plain' className='after-sales-section__apply' onClick={onApply}>
            {t('afterSales.apply')}
          </ActionButton>
        )}
      </View>
      {data.requests.map((request) => {
        const refunded = confirmedRefund(request)
        return (
          <View key={request.id} className='after-sales-row' onClick={() => onOpen(request)}>
            <View className='after-sales-row__body'>
              <Text className='after-sales-row__title'>
                {t(KIND_WORDS[request.kind].label)} ·{' '}
                <Text className={`after-sales-status after-sales-status--${request.status}`}>
                  {t(STATUS_WORDS[request.status].label)}
                </Text>
              </Text>
              <Text className='after-sales-row__meta'>
                {t('afterSales.createdAt', { time: formatDateTime(request.createdAt) })}
              </Text>
            </View>
            {refunded !== undefined && (
              <Text className='after-sales-refunded'>
                {t('afterSales.refunded', { amount: formatFen(refunded) })}
              </Text>
            )}
            <Text className='after-sales-row__arrow'>›</Text>
          </View>
        )
      })}
    </View>
  )
}
