import { PaymentUnavailableError, type PaymentAdapter } from './types'

/**
 * An ordinary browser (the offline demo): the simulated Alipay cashier page that a server paying
 * through the simulator names in its answer (`simulatedCashierUrl`). The buyer picks an outcome
 * there and comes back to `resultUrl` with `resultCode` in its query, so this never resolves: the
 * result page takes over. Against real Alipay there is no such page, and a browser cannot pay.
 */
export const browserSimulatorAdapter: PaymentAdapter = {
  surface: 'browser-simulator',
  ensureAvailable: () => Promise.resolve(),
  pay(invocation, { resultUrl, simulatedCashierUrl }) {
    if (!simulatedCashierUrl) {
      return Promise.reject(
        new PaymentUnavailableError(
          'Alipay payment opens inside the Alipay app; this browser has no cashier.',
        ),
      )
    }
    const target =
      invocation.kind === 'tradeNO'
        ? `tradeNO=${encodeURIComponent(invocation.tradeNO)}`
        : invocation.kind === 'orderStr'
          ? `orderStr=${encodeURIComponent(invocation.orderStr)}`
          : `paymentUrl=${encodeURIComponent(invocation.paymentUrl)}`
    window.location.href = `${simulatedCashierUrl}?${target}&return=${encodeURIComponent(resultUrl)}`
    return new Promise(() => undefined)
  },
}
