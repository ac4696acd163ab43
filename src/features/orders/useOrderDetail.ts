import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '../../shared/i18n'
import { useResource } from '../../shared/hooks/useResource'
import { describeError } from '../../shared/request'
import { cancelOrder, fetchOrder } from './api'

/** One order, with cancel (after the buyer confirms); the screen always shows what the server says. */
export function useOrderDetail(id: string) {
  const order = useResource(`order:${id}`, () => fetchOrder(id))
  const [cancelling, setCancelling] = useState(false)

  async function cancel() {
    const { confirm } = await Taro.showModal({
      title: t('orders.cancelConfirm'),
      content: t('orders.cancelHint'),
    })
    if (!confirm) return
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

  return { ...order, cancelling, cancel }
}
