import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '../../shared/i18n'
import { describeError } from '../../shared/request'
import { PaymentUnavailableError } from './adapters'
import { payOrder, payResultUrl } from './pay'

/** "Pay" for a page: opens the cashier, then shows the result code's screen. */
export function usePayOrder(navigate: 'navigateTo' | 'redirectTo' = 'navigateTo') {
  const [paying, setPaying] = useState(false)

  async function pay(orderId: string) {
    setPaying(true)
    try {
      const result = await payOrder(orderId)
      if (result) await Taro[navigate]({ url: payResultUrl(orderId, result.code) })
    } catch (error) {
      const message = error instanceof PaymentUnavailableError ? t('pay.unavailable') : describeError(error)
      void Taro.showModal({ title: t('pay.couldNotStart'), content: message, showCancel: false })
    } finally {
      setPaying(false)
    }
  }

  return { paying, pay }
}
