import type { Deposit } from '@contract'
import { Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { ActionButton } from '../../../shared/ui'
import { depositLines, isDepositFinal } from '../deposit-status'

/** A deposit's state with its amounts; until the rental is over, a button reads it again. */
export function DepositStatusView({ deposit, onCheckAgain }: { deposit: Deposit; onCheckAgain: () => void }) {
  const t = useT()
  return (
    <View className='deposit__status'>
      <Text className='deposit__title'>{deposit.title}</Text>
      {depositLines(deposit).map((line) => (
        <Text key={line.key} className={`deposit__line deposit__line--${deposit.status}`}>
          {t(line.key, line.params)}
        </Text>
      ))}
      {!isDepositFinal(deposit) && (
        <ActionButton onClick={onCheckAgain}>{t('pay.action.checkAgain')}</ActionButton>
      )}
    </View>
  )
}
