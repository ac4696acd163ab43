import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { fetchDepositItems, useDeposit } from '../../../features/payment'
import { DepositStatusView } from '../../../features/payment/components/DepositStatusView'
import { usePageTitle, useT } from '../../../shared/i18n'
import { useResource } from '../../../shared/hooks/useResource'
import { ActionButton, Price, StateView } from '../../../shared/ui'
import './index.scss'
import { addSubpackageTexts } from '../../../shared/i18n/subpackage-texts'

addSubpackageTexts()

/** The pre-authorization demo: features/payment's useDeposit runs it; this page shows it. */
export default function DepositPage() {
  const t = useT()
  usePageTitle('deposit.title')
  const items = useResource('deposit-items', fetchDepositItems)
  // Back from the browser cashier: `depositId` (and `resultCode`) are in the URL.
  const { deposit, message, busy, rent, checkAgain } = useDeposit(useRouter().params)

  return (
    <View className='page deposit'>
      <Text className='deposit__intro'>{t('deposit.intro')}</Text>
      <StateView loading={items.loading} error={items.error} onRetry={items.reload}>
        {items.data?.items.map((item) => (
          <View key={item.id} className='deposit__item'>
            <View>
              <Text className='deposit__title'>{item.title}</Text>
              <Price fen={item.amount} />
            </View>
            <ActionButton kind='accent' disabled={busy} onClick={() => rent(item.id)}>
              {t('deposit.rent')}
            </ActionButton>
          </View>
        ))}
      </StateView>
      {deposit && <DepositStatusView deposit={deposit} onCheckAgain={() => void checkAgain(deposit.id)} />}
      {message && <Text className='deposit__message'>{message}</Text>}
    </View>
  )
}
