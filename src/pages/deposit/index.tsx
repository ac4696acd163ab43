import type { Deposit, DepositStatus } from '@contract'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { currentPaymentAdapter, describePaymentError, resultScreen, screenText } from '../../features/payment'
import { createDeposit, fetchDeposit, fetchDepositItems } from '../../features/payment/api'
import { usePageTitle, useT, type MessageKey } from '../../shared/i18n'
import { useResource } from '../../shared/hooks/useResource'
import { describeError } from '../../shared/request'
import { ActionButton, Price, StateView } from '../../shared/ui'
import './index.scss'

/**
 * Pre-authorization demo (renting an item): the server signs an orderStr for
 * alipay.fund.auth.order.app.freeze; my.tradePay({ orderStr }) freezes the deposit; the verified
 * notify (never the result code) marks it frozen.
 */
const STATUS_LABEL: Record<DepositStatus, MessageKey> = {
  awaiting_freeze: 'deposit.status.awaiting_freeze',
  frozen: 'deposit.status.frozen',
  closed: 'deposit.status.closed',
}

export default function DepositPage() {
  const t = useT()
  usePageTitle('deposit.title')
  const items = useResource('deposit-items', fetchDepositItems)
  const [deposit, setDeposit] = useState<Deposit>()
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  // Back from the browser cashier: `depositId` (and `resultCode`) are in the URL.
  const returned = useRouter().params

  useEffect(() => {
    if (!returned.depositId) return
    if (returned.resultCode) setMessage(t(screenText(resultScreen(returned.resultCode).id, 'title')))
    fetchDeposit(returned.depositId).then(setDeposit, (error: unknown) => setMessage(describeError(error)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [returned.depositId])

  const checkAgain = async (depositId: string) => {
    setMessage(undefined)
    try {
      setDeposit(await fetchDeposit(depositId))
    } catch (error) {
      setMessage(describeError(error))
    }
  }

  const rent = async (itemId: string) => {
    setBusy(true)
    setMessage(undefined)
    try {
      const adapter = currentPaymentAdapter()
      await adapter.ensureAvailable()
      const payment = await createDeposit(itemId)
      setDeposit(payment.deposit)
      // The browser cashier comes back here with the deposit id (H5 only; elsewhere the cashier is native).
      const resultUrl =
        process.env.TARO_ENV === 'h5'
          ? `${window.location.origin}${window.location.pathname}#/pages/deposit/index?depositId=${payment.deposit.id}`
          : ''
      const result = await adapter.pay(payment.invocation, {
        orderId: payment.deposit.id,
        resultUrl,
        simulatedCashierUrl: payment.simulatedCashierUrl,
      })
      setMessage(t(screenText(resultScreen(result.code).id, 'title')))
      setDeposit(await fetchDeposit(payment.deposit.id))
    } catch (error) {
      setMessage(describePaymentError(error))
    } finally {
      setBusy(false)
    }
  }

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
      {deposit && (
        <View className='deposit__status'>
          <Text>{t(STATUS_LABEL[deposit.status])}</Text>
          {deposit.status !== 'frozen' && (
            <ActionButton onClick={() => void checkAgain(deposit.id)}>
              {t('pay.action.checkAgain')}
            </ActionButton>
          )}
        </View>
      )}
      {/* Once the server has settled the deposit, the cashier's code has nothing more to say. */}
      {message && deposit?.status !== 'frozen' && deposit?.status !== 'closed' && (
        <Text className='deposit__message'>{message}</Text>
      )}
    </View>
  )
}
