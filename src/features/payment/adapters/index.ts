import { alipayH5Adapter } from './alipay-h5'
import { browserSimulatorAdapter } from './browser-simulator'
import { miniProgramAdapter } from './mini-program'
import type { PaymentAdapter } from './types'
import { unsupportedAdapter } from './unsupported'
import { webViewAdapter } from './web-view'

export type { PaymentAdapter, PaymentSurface, PaymentContext } from './types'
export { PaymentUnavailableError, tradePayParams } from './types'

/**
 * Which H5 this is: inside a mini-program's web-view (Alipay puts "MiniProgram" in its user agent;
 * `my` arrives once web-view.min.js loads, so it is not required here), inside the Alipay app, or
 * a plain browser.
 */
export function detectH5Surface(userAgent: string, win: Record<string, unknown>): PaymentAdapter {
  const inAlipay = /AlipayClient/i.test(userAgent)
  if (inAlipay && (/MiniProgram/i.test(userAgent) || win.my)) return webViewAdapter
  if (inAlipay) return alipayH5Adapter
  return browserSimulatorAdapter
}

/** Chosen once: the build says the platform, the user agent says which H5. */
export function currentPaymentAdapter(): PaymentAdapter {
  if (process.env.TARO_ENV === 'alipay') return miniProgramAdapter
  if (process.env.TARO_ENV === 'h5') {
    return detectH5Surface(navigator.userAgent, window as unknown as Record<string, unknown>)
  }
  return unsupportedAdapter
}
