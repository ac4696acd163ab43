import type { OrderPayment } from '@contract'
import { api } from '../../shared/request'
import { pageUrl } from '../../shared/routes'
import { currentPaymentAdapter, type PaymentAdapter } from './adapters'
import type { TradePayResult } from './trade-pay-result'

/** The result screen of an order; the browser cashier comes back to it with `resultCode` added. */
export const payResultUrl = (orderId: string, code?: string) => pageUrl('payResult', { orderId, code })

/**
 * Where the browser cashier sends the buyer back: a page of this H5 app (its hash route). Other
 * surfaces have a native cashier that returns by itself, so they pass none.
 */
export function browserReturnUrl(pagePath: string): string {
  if (process.env.TARO_ENV !== 'h5') return ''
  return `${window.location.origin}${window.location.pathname}#${pagePath}`
}

const cashierOpen = new Set<string>()

/**
 * Opens the cashier for an order: the server creates (or reuses) the Alipay trade and says how to
 * invoke the cashier; the surface's adapter does it. At most one cashier per order is open,
 * whatever the buyer taps: a second call while one is open returns undefined.
 */
export async function payOrder(
  orderId: string,
  adapter: PaymentAdapter = currentPaymentAdapter(),
): Promise<TradePayResult | undefined> {
  if (cashierOpen.has(orderId)) return undefined
  cashierOpen.add(orderId)
  try {
    // A surface that cannot pay must not leave a trade behind.
    await adapter.ensureAvailable()
    const payment = await api.post<OrderPayment>(`/api/orders/${encodeURIComponent(orderId)}/payment`)
    return await adapter.pay(payment.invocation, {
      orderId,
      resultUrl: browserReturnUrl(payResultUrl(orderId)),
      simulatedCashierUrl: payment.simulatedCashierUrl,
    })
  } finally {
    cashierOpen.delete(orderId)
  }
}
