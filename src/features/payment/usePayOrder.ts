import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '../../shared/i18n'
import { describeError, RequestError } from '../../shared/request'
import { PaymentUnavailableError } from './adapters'
import { payOrder } from './pay'

export interface PayOrderOptions {
  /** The cashier closed with a result code: the page shows that code's screen (payResultUrl). */
  onResult: (orderId: string, code: string) => void
  /**
   * The server refused: the order was paid or closed meanwhile (409 order_not_payable), e.g. from
   * another device. The page shows what the server says now instead of an error.
   */
  onNotPayable: () => void
}

/** What to tell the buyer when the cashier could not be opened. */
export const describePaymentError = (error: unknown) =>
  error instanceof PaymentUnavailableError ? t('pay.unavailable') : describeError(error)

const isNotPayable = (error: unknown) => error instanceof RequestError && error.code === 'order_not_payable'

/** "Pay" for a page: opens the cashier, then shows the result code's screen. */
export function usePayOrder({ onResult, onNotPayable }: PayOrderOptions) {
  const [paying, setPaying] = useState(false)

  async function pay(orderId: string) {
    setPaying(true)
    try {
      const result = await payOrder(orderId)
      if (result) onResult(orderId, result.code)
    } catch (error) {
      if (isNotPayable(error)) return onNotPayable()
      void Taro.showModal({
        title: t('pay.couldNotStart'),
        content: describePaymentError(error),
        showCancel: false,
      })
    } finally {
      setPaying(false)
    }
  }

  return { paying, pay }
}
