import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '../../shared/i18n'
import { useResource } from '../../shared/hooks/useResource'
import { describeError } from '../../shared/request'
import { confirmAction, showProblem } from '../../shared/ui'
import { cancelOrder, confirmReceipt as postReceipt, fetchOrder } from './api'

/**
 * One order, with cancel and confirm receipt (each after the buyer agrees); the screen always
 * shows what the server says, also after a refusal.
 */
export function useOrderDetail(id: string) {
  const order = useResource(`order:${id}`, () => fetchOrder(id))
  const [cancelling, setCancelling] = useState(false)
  const [receiving, setReceiving] = useState(false)

  async function cancel() {
    if (!(await confirmAction(t('orders.cancelConfirm'), t('orders.cancelHint')))) return
    setCancelling(true)
    try {
      await cancelOrder(id)
    } catch (error) {
      void Taro.showToast({ title: describeError(error), icon: 'none' })
    } finally {
      await order.reload()
      setCancelling(false)
    }
  }

  /** A refusal (409: received already, or not shipped) reloads first, then says why. */
  async function confirmReceipt() {
    if (!(await confirmAction(t('orders.receiptConfirm'), t('orders.receiptHint')))) return
    setReceiving(true)
    let failure: unknown
    try {
      await postReceipt(id)
    } catch (error) {
      failure = error
    }
    await order.reload()
    setReceiving(false)
    if (failure !== undefined) await showProblem(failure)
  }

  return { ...order, cancelling, cancel, receiving, confirmReceipt }
}
