import { normalizeTradePayResult } from '../trade-pay-result'
import { PaymentUnavailableError, tradePayParams, type PaymentAdapter } from './types'

interface JSBridge {
  call(api: 'tradePay', params: Record<string, string>, callback: (result: unknown) => void): void
}
type BridgeWindow = Window & { AlipayJSBridge?: JSBridge }

/** The bridge exists once the page is ready inside Alipay; until then, wait for its event. */
function bridgeReady(timeoutMs = 5000): Promise<JSBridge> {
  const win = window as BridgeWindow
  if (win.AlipayJSBridge) return Promise.resolve(win.AlipayJSBridge)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new PaymentUnavailableError('AlipayJSBridge did not load')),
      timeoutMs,
    )
    document.addEventListener(
      'AlipayJSBridgeReady',
      () => {
        clearTimeout(timer)
        resolve(win.AlipayJSBridge!)
      },
      { once: true },
    )
  })
}

/** H5 opened inside the Alipay app: `AlipayJSBridge.call('tradePay', { tradeNO }, callback)`. */
export const alipayH5Adapter: PaymentAdapter = {
  surface: 'alipay-h5',
  ensureAvailable: () => bridgeReady().then(() => undefined),
  async pay(invocation) {
    const bridge = await bridgeReady()
    return new Promise((resolve) => {
      bridge.call('tradePay', tradePayParams(invocation), (result) =>
        resolve(normalizeTradePayResult(result)),
      )
    })
  },
}
