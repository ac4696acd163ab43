/**
 * Payment settings from the environment (read with the other ALIPAY_* by server/alipay/settings.ts):
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | ALIPAY_SELLER_ID | the simulator's 2088000000000001 with the development keys; required with real credentials | the merchant's 2088… PID: notifies must name it as seller_id |
 * | ALIPAY_CASHIER_MODE | trade_no | trade_no: my.tradePay({ tradeNO }); payment_url: Alipay+ wallets, my.tradePay({ paymentUrl }) |
 * | ALIPAY_CASHIER_URL | the simulator's /cashier | payment_url mode: the wallet's hosted cashier page (tradeNO is added to its query); required with real credentials |
 * | ALIPAY_QUERY_INTERVAL_MS | 2000 | buyers' reads ask Alipay about one order or deposit at most this often, across instances (query-throttle.ts); 0: every read asks |
 * | ALIPAY_QUERY_MAX_BACKOFF_MS | 60000 | while Alipay fails, that gap doubles up to this |
 */
// The seller the simulator puts in its notifies (docs/dev/simulator-payments.md).
import { SIMULATED_SELLER_ID } from '../alipay-simulator/trades'
import { readAlipayQuerySettings, type AlipayQuerySettings } from './query-throttle'

export type CashierMode = 'trade_no' | 'payment_url'

interface PaymentEnvSettings {
  sellerId?: string
  cashierMode: CashierMode
  cashierUrl?: string
}

/** What the payment code runs with, once the defaults that depend on the setup are applied. */
export interface PaymentSettings {
  sellerId: string
  cashierMode: CashierMode
  /** undefined: the simulator's cashier next to its gateway (development). */
  cashierUrl?: string
  /** No real credentials: Alipay is the simulator, whose cashier a browser may open. */
  simulated: boolean
  /** How often buyers' reads may ask Alipay about one order or deposit (query-throttle.ts). */
  queries: AlipayQuerySettings
}

type Env = Record<string, string | undefined>
const read = (env: Env, name: string) => env[name]?.trim() || undefined

function readPaymentEnv(env: Env): PaymentEnvSettings {
  const sellerId = read(env, 'ALIPAY_SELLER_ID')
  if (sellerId !== undefined && !/^2088[0-9]{12}$/.test(sellerId)) {
    throw new Error(
      `ALIPAY_SELLER_ID must be the merchant's 16-digit PID starting with 2088 (got "${sellerId}"), shown on open.alipay.com under 账号中心.`,
    )
  }
  const mode = read(env, 'ALIPAY_CASHIER_MODE') ?? 'trade_no'
  if (mode !== 'trade_no' && mode !== 'payment_url') {
    throw new Error(`ALIPAY_CASHIER_MODE must be trade_no or payment_url (got "${mode}").`)
  }
  const cashierUrl = read(env, 'ALIPAY_CASHIER_URL')
  if (cashierUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(cashierUrl)) {
    throw new Error(
      `ALIPAY_CASHIER_URL must be an absolute http(s) URL (got "${cashierUrl}"), e.g. https://wallet.example.com/cashier.`,
    )
  }
  return { sellerId, cashierMode: mode, cashierUrl }
}

/**
 * Read once, with the other ALIPAY_* settings (server/alipay/settings.ts, from loadConfig). The
 * development defaults are only right against the simulator: with real credentials a wrong seller
 * would make every genuine notify look forged, so it must be configured.
 */
export function readPaymentSettings(env: Env, realCredentials: boolean): PaymentSettings {
  const settings = readPaymentEnv(env)
  if (realCredentials && !settings.sellerId) {
    throw new Error(
      'ALIPAY_SELLER_ID must be set with real Alipay credentials: the merchant PID (2088…) that notifies carry as seller_id.',
    )
  }
  if (realCredentials && settings.cashierMode === 'payment_url' && !settings.cashierUrl) {
    throw new Error(
      'ALIPAY_CASHIER_URL must be set when ALIPAY_CASHIER_MODE=payment_url with real credentials.',
    )
  }
  return {
    sellerId: settings.sellerId ?? SIMULATED_SELLER_ID,
    cashierMode: settings.cashierMode,
    cashierUrl: settings.cashierUrl,
    simulated: !realCredentials,
    queries: readAlipayQuerySettings(env),
  }
}
