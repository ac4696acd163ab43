import { normalizeTradePayResult } from '../trade-pay-result'
import { PaymentUnavailableError, tradePayParams, type PaymentAdapter } from './types'

interface WebViewMy {
  tradePay(options: Record<string, unknown>): void
}
type WebViewWindow = Window & { my?: WebViewMy }

/** Alipay serves the web-view bridge at this address, inside web-views only. */
export const WEB_VIEW_BRIDGE_URL = 'https://appx/web-view.min.js'

let bridgeLoading: Promise<WebViewMy> | undefined

/** `my` in a web-view comes from web-view.min.js; load it once, on the first payment. */
function webViewBridge(timeoutMs = 5000): Promise<WebViewMy> {
  const win = window as WebViewWindow
  if (win.my?.tradePay) return Promise.resolve(win.my)
  bridgeLoading ??= new Promise<WebViewMy>((resolve, reject) => {
    const fail = () => {
      bridgeLoading = undefined
      reject(new PaymentUnavailableError(`${WEB_VIEW_BRIDGE_URL} did not load`))
    }
    const timer = setTimeout(fail, timeoutMs)
    const script = document.createElement('script')
    script.src = WEB_VIEW_BRIDGE_URL
    script.onload = () => {
      clearTimeout(timer)
      if (win.my?.tradePay) resolve(win.my)
      else fail()
    }
    script.onerror = () => {
      clearTimeout(timer)
      fail()
    }
    document.head.appendChild(script)
  })
  return bridgeLoading
}

/**
 * H5 inside a mini-program `<web-view>`: H5 web payment is not supported there; the page loads
 * `https://appx/web-view.min.js` and pays with `my.tradePay` through the web-view bridge.
 */
export const webViewAdapter: PaymentAdapter = {
  surface: 'web-view',
  ensureAvailable: () => webViewBridge().then(() => undefined),
  async pay(invocation) {
    const my = await webViewBridge()
    return new Promise((resolve) => {
      my.tradePay({
        ...tradePayParams(invocation),
        success: (result: unknown) => resolve(normalizeTradePayResult(result)),
        fail: (result: unknown) => resolve(normalizeTradePayResult(result)),
      })
    })
  },
}
