import { Text, View } from '@tarojs/components'
import { useT, type MessageKey } from '../../../shared/i18n'
import { describeError } from '../../../shared/request'
import { ActionButton, Price } from '../../../shared/ui'
import type { PaymentAction, ResultScreen } from '../result-codes'
import { screenText } from '../result-codes'
import type { Confirmation } from '../useConfirmPayment'
import './payment.scss'

const ACTION_LABELS: Record<PaymentAction, MessageKey> = {
  checkAgain: 'pay.action.checkAgain',
  payAgain: 'pay.action.payAgain',
  viewOrder: 'pay.action.viewOrder',
  backToShop: 'pay.action.backToShop',
}

interface PaymentResultViewProps {
  screen: ResultScreen
  confirmation: Confirmation
  paying: boolean
  onAction: (action: PaymentAction) => void
}

/**
 * The screen for one result code. What it says about the money comes from the server: "paid"
 * only when the server reports the order paid, whatever code the cashier gave.
 */
export function PaymentResultView({ screen, confirmation, paying, onAction }: PaymentResultViewProps) {
  const t = useT()
  const { state } = confirmation
  const order = confirmation.order
  const verdict: { tone: string; title: MessageKey; body: MessageKey } =
    state === 'paid'
      ? { tone: 'paid', title: 'pay.paid.title', body: 'pay.paid.body' }
      : state === 'closed'
        ? { tone: 'closed', title: 'pay.closed.title', body: 'pay.closed.body' }
        : { tone: screen.id, title: screenText(screen.id, 'title'), body: screenText(screen.id, 'body') }
  const actions: readonly PaymentAction[] =
    state === 'paid' || state === 'closed' ? ['viewOrder', 'backToShop'] : screen.actions

  return (
    <View className={`pay-result pay-result--${verdict.tone}`}>
      <View className='pay-result__header'>
        <Text className='pay-result__code'>{t('pay.resultCode', { code: screen.code })}</Text>
        <Text className='pay-result__title'>{t(verdict.title)}</Text>
        <Text className='pay-result__body'>{t(verdict.body)}</Text>
        {order && <Price fen={order.total} size='large' />}
      </View>

      {state === 'checking' && screen.confirm && (
        <Text className='pay-result__checking'>{t('pay.confirming')}</Text>
      )}
      {state === 'not_confirmed' && screen.confirm && (
        <Text className='pay-result__checking'>{t('pay.notConfirmedYet')}</Text>
      )}
      {state === 'error' && <Text className='pay-result__error'>{describeError(confirmation.error)}</Text>}

      <View className='pay-result__actions'>
        {actions.map((action, index) => (
          <ActionButton
            key={action}
            kind={index === 0 ? 'primary' : 'plain'}
            className='pay-result__action'
            disabled={paying && action === 'payAgain'}
            onClick={() => onAction(action)}
          >
            {action === 'checkAgain' && screen.confirm ? t('pay.action.iHavePaid') : t(ACTION_LABELS[action])}
          </ActionButton>
        ))}
      </View>

      {process.env.NODE_ENV !== 'production' && (
        <View className='pay-result__dev'>
          <Text className='pay-result__dev-title'>{t('pay.devTitle')}</Text>
          <Text className='pay-result__dev-text'>{t(screenText(screen.id, 'dev'))}</Text>
        </View>
      )}
    </View>
  )
}
