import Taro from '@tarojs/taro'
import { normalizeTradePayResult } from '../trade-pay-result'
import { tradePayParams, type PaymentAdapter } from './types'

/**
 * The Alipay mini-program (and Alipay+ wallets' mini-programs): `my.tradePay` with `tradeNO`,
 * `orderStr` or `paymentUrl`. The code arrives through `success` — or `fail` — so both are read.
 */
export const miniProgramAdapter: PaymentAdapter = {
  surface: 'alipay-mini-program',
  ensureAvailable: () => Promise.resolve(),
  async pay(invocation) {
    // Taro's typings know only tradeNO/orderStr and type the result wrongly; the runtime passes
    // the options straight to my.tradePay and resolves with what `success` receives.
    const tradePay = Taro.tradePay as unknown as (options: Record<string, string>) => Promise<unknown>
    try {
      return normalizeTradePayResult(await tradePay(tradePayParams(invocation)))
    } catch (failure) {
      return normalizeTradePayResult(failure)
    }
  },
}
