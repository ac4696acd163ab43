import { Text, View } from '@tarojs/components'
import { useT, type MessageKey } from '../../../shared/i18n'
import { describeError } from '../../../shared/request'
import { ActionButton, Price } from '../../../shared/ui'
import { useDevText, type DevTextKey } from '../dev-texts'
import type { PaymentAction, ResultScreen, ResultScreenId } from '../result-codes'
import { screenText } from '../result-codes'
import type { Confirmation } from '../useConfirmPayment'
import './payment.scss'

const ACTION_LABELS: Record<PaymentAction, MessageKey> = {
  checkAgain: 'pay.action.checkAgain',
  payAgain: 'pay.action.payAgain',
  viewOrder: 'pay.action.viewOrder',
  backToShop: 'pay.action.backToShop',
}

/** The icon of an outcome (drawn in payment.scss); `confirming` is the spinner. */
export type ResultIcon = 'success' | 'processing' | 'failed' | 'cancelled' | 'unknown' | 'confirming'

/** A code's own icon, until the server has spoken. */
const SCREEN_ICONS: Record<ResultScreenId, ResultIcon> = {
  success: 'processing',
  processing: 'processing',
  unknownResult: 'unknown',
  failed: 'failed',
  network: 'failed',
  noPermission: 'failed',
  cancelled: 'cancelled',
  forgotPassword: 'cancelled',
  unrecognised: 'unknown',
}

/**
 * What the screen says: the server's word when it has one (paid, closed), else the code's own.
 * A paid order reads paid everywhere on the screen — title, body, icon, developer hint — whatever
 * code the URL carried (an old 6001 reopened after paying, or a 9000 whose polling has ended).
 */
export function resultVerdict(screen: ResultScreen, confirmation: Pick<Confirmation, 'state'>) {
  const { state } = confirmation
  if (state === 'paid') {
    return {
      tone: 'paid',
      icon: 'success',
      title: 'pay.paid.title',
      body: 'pay.paid.body',
      dev: 'pay.paid.dev',
    } as const
  }
  if (state === 'closed') {
    return {
      tone: 'closed',
      icon: 'cancelled',
      title: 'pay.closed.title',
      body: 'pay.closed.body',
      dev: 'pay.closed.dev',
    } as const
  }
  return {
    tone: screen.id,
    icon: state === 'checking' && screen.confirm ? 'confirming' : SCREEN_ICONS[screen.id],
    title: screenText(screen.id, 'title'),
    body: screenText(screen.id, 'body'),
    dev: `pay.${screen.id}.dev` as DevTextKey,
  } as const
}

interface PaymentResultViewProps {
  screen: ResultScreen
  confirmation: Confirmation
  paying: boolean
  onAction: (action: PaymentAction) => void
}

/**
 * The screen for one result code. What it says about the money comes from the server: "paid"
 * only when the server reports the order paid, whatever code the cashier gave. The code itself
 * and the integration hints are developer content: development builds only (dev-texts.ts).
 */
export function PaymentResultView({ screen, confirmation, paying, onAction }: PaymentResultViewProps) {
  const t = useT()
  const devText = useDevText()
  const { state } = confirmation
  const order = confirmation.order
  const verdict = resultVerdict(screen, confirmation)
  const settled = state === 'paid' || state === 'closed'
  const actions: readonly PaymentAction[] = settled ? ['viewOrder', 'backToShop'] : screen.actions

  return (
    <View className={`pay-result pay-result--${verdict.tone}`}>
      <View className='pay-result__header'>
        <View className={`pay-result__icon pay-result__icon--${verdict.icon}`}>
          {verdict.icon === 'unknown' && <Text className='pay-result__glyph'>?</Text>}
        </View>
        <Text className='pay-result__title'>{t(verdict.title)}</Text>
        <Text className='pay-result__body'>{t(verdict.body)}</Text>
        {order && <Price fen={order.total} size='large' />}
        {!settled && state === 'checking' && screen.confirm && (
          <Text className='pay-result__checking'>{t('pay.confirming')}</Text>
        )}
        {state === 'not_confirmed' && screen.confirm && (
          <Text className='pay-result__checking'>{t('pay.notConfirmedYet')}</Text>
        )}
        {state === 'error' && <Text className='pay-result__error'>{describeError(confirmation.error)}</Text>}
      </View>

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
        {!actions.includes('backToShop') && (
          <Text className='pay-result__link' onClick={() => onAction('backToShop')}>
            {t('pay.action.backToShop')}
          </Text>
        )}
      </View>

      {devText && (
        <View className='pay-result__dev'>
          <Text className='pay-result__dev-title'>{devText('pay.devTitle')}</Text>
          <Text className='pay-result__dev-text'>{devText('pay.resultCode', { code: screen.code })}</Text>
          <Text className='pay-result__dev-text'>{devText(verdict.dev)}</Text>
        </View>
      )}
    </View>
  )
}
