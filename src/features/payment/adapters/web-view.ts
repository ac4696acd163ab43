import { normalizeTradePayResult } from '../trade-pay-result'
import { tradePayParams, type PaymentAdapter } from './types'

interface WebViewMy {
  tradePay(options: Record<string, unknown>): void
}

/**
 * H5 inside a mini-program `<web-view>`: H5 web payment is not supported there; the page loads
 * `https://appx/web-view.min.js` and pays with `my.tradePay` through the web-view bridge.
 */
export const webViewAdapter: PaymentAdapter = {
  surface: 'web-view',
  pay(invocation) {
    const my = (window as Window & { my?: WebViewMy }).my!
    return new Promise((resolve) => {
      my.tradePay({
        ...tradePayParams(invocation),
        success: (result: unknown) => resolve(normalizeTradePayResult(result)),
        fail: (result: unknown) => resolve(normalizeTradePayResult(result)),
      })
    })
  },
}
