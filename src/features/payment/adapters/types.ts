import type { PaymentInvocation } from '@contract'
import type { TradePayResult } from '../trade-pay-result'

export type PaymentSurface =
  | 'alipay-mini-program' // my.tradePay in the Alipay (or an Alipay+ wallet's) mini-program
  | 'alipay-h5' // H5 inside the Alipay app: AlipayJSBridge.call('tradePay')
  | 'web-view' // H5 inside a mini-program web-view: my.tradePay from web-view.min.js
  | 'browser-simulator' // an ordinary browser: the reference server's simulated cashier
  | 'unsupported' // e.g. the WeChat build

export interface PaymentContext {
  orderId: string
  /** Where the cashier sends the buyer back (browser flows). */
  resultUrl: string
  /** The server's simulated cashier page, when it pays through the simulator (browser flows). */
  simulatedCashierUrl?: string
}

/** One per surface: opens the cashier and reports its result code. */
export interface PaymentAdapter {
  surface: PaymentSurface
  /**
   * Rejects with PaymentUnavailableError when this surface cannot open a cashier at all, checked
   * BEFORE the server is asked for a trade, so a surface that cannot pay opens none.
   */
  ensureAvailable(): Promise<void>
  pay(invocation: PaymentInvocation, context: PaymentContext): Promise<TradePayResult>
}

export class PaymentUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PaymentUnavailableError'
  }
}

/** The argument my.tradePay / AlipayJSBridge expect for each kind of invocation. */
export function tradePayParams(invocation: PaymentInvocation): Record<string, string> {
  switch (invocation.kind) {
    case 'tradeNO':
      // "tradeNO", with a capital NO: Alipay answers 4000 to `tradeNo`.
      return { tradeNO: invocation.tradeNO }
    case 'orderStr':
      return { orderStr: invocation.orderStr }
    case 'paymentUrl':
      return { paymentUrl: invocation.paymentUrl }
  }
}
