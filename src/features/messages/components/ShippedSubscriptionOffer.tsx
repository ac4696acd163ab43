import { Text, View } from '@tarojs/components'
import { useT, type MessageKey } from '../../../shared/i18n'
import { ActionButton } from '../../../shared/ui'
import { useShippedSubscription, type OfferState } from '../useShippedSubscription'
import './messages.scss'

const OUTCOME_TEXTS: Partial<Record<OfferState, MessageKey>> = {
  subscribed: 'messages.shipped.subscribed',
  declined: 'messages.shipped.declined',
  failed: 'messages.shipped.failed',
}

/**
 * "Tell me when it ships": Alipay's subscription panel for the shop's "shipped" template, behind
 * the buyer's tap. Shown only once the payment is confirmed (`active`), on Alipay, and when the
 * server has a template configured; the outcome is said in words, and a failure can be retried.
 */
export function ShippedSubscriptionOffer({ active }: { active: boolean }) {
  const t = useT()
  const { state, subscribe } = useShippedSubscription(active)
  if (state === 'hidden') return null
  const outcome = OUTCOME_TEXTS[state]
  const canAsk = state === 'offer' || state === 'asking' || state === 'failed'

  return (
    <View className='ship-offer'>
      <Text className='ship-offer__title'>{t('messages.shipped.title')}</Text>
      {outcome ? (
        <Text className={`ship-offer__outcome ship-offer__outcome--${state}`}>{t(outcome)}</Text>
      ) : (
        <Text className='ship-offer__body'>{t('messages.shipped.body')}</Text>
      )}
      {canAsk && (
        <ActionButton
          kind='accent'
          className='ship-offer__action'
          disabled={state === 'asking'}
          onClick={subscribe}
        >
          {t('messages.shipped.subscribe')}
        </ActionButton>
      )}
    </View>
  )
}
