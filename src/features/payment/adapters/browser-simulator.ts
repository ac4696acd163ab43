import { api } from '../../../shared/request'
import { PaymentUnavailableError, type PaymentAdapter } from './types'

/**
 * An ordinary browser (the offline demo): the reference server's simulated Alipay cashier. The
 * buyer picks an outcome there and comes back to `resultUrl` with `resultCode` in its query, so
 * this never resolves: the result page takes over.
 */
export const browserSimulatorAdapter: PaymentAdapter = {
  surface: 'browser-simulator',
  pay(invocation, { resultUrl }) {
    if (process.env.NODE_ENV === 'production') {
      throw new PaymentUnavailableError(
        'Alipay payment opens inside the Alipay app; this browser has no cashier.',
      )
    }
    const target =
      invocation.kind === 'tradeNO'
        ? `tradeNO=${encodeURIComponent(invocation.tradeNO)}`
        : invocation.kind === 'orderStr'
          ? `orderStr=${encodeURIComponent(invocation.orderStr)}`
          : `paymentUrl=${encodeURIComponent(invocation.paymentUrl)}`
    window.location.href = `${api.baseUrl()}/alipay-sim/cashier?${target}&return=${encodeURIComponent(resultUrl)}`
    return new Promise(() => undefined)
  },
}
