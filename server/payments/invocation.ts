/** How the client opens the cashier for a trade (contract PaymentInvocation), per ALIPAY_CASHIER_MODE. */
import type { PaymentInvocation } from '../../contract'
import { SIMULATOR_PREFIX } from '../alipay-simulator/plugin'
import type { PaymentSettings } from './settings'

export interface CashierLocation {
  /** This server's public origin (PUBLIC_URL, or the request's own in development). */
  origin: string
  /** The simulator is mounted in this server: its cashier is reachable at `origin`. */
  inProcessSimulator: boolean
  gateway: string
}

/** The simulator's cashier page, next to its gateway. */
function simulatorCashierUrl(where: CashierLocation): string {
  // The gateway may be a loopback address only this server can reach; the cashier is for phones.
  if (where.inProcessSimulator) return `${where.origin}${SIMULATOR_PREFIX}/cashier`
  return where.gateway.replace(/\/gateway\.do$/, '/cashier')
}

export function cashierUrlOf(settings: PaymentSettings, where: CashierLocation): string {
  return settings.cashierUrl ?? simulatorCashierUrl(where)
}

/** For browsers, which have no Alipay cashier (contract SimulatedCashierUrl); never with real Alipay. */
export function simulatedCashierUrl(settings: PaymentSettings, where: CashierLocation): string | undefined {
  return settings.simulated ? simulatorCashierUrl(where) : undefined
}

export function tradeInvocation(
  tradeNo: string,
  settings: PaymentSettings,
  where: CashierLocation,
): PaymentInvocation {
  if (settings.cashierMode === 'trade_no') return { kind: 'tradeNO', tradeNO: tradeNo }
  // Alipay+ wallets: their hosted cashier page for this trade.
  const url = new URL(cashierUrlOf(settings, where))
  url.searchParams.set('tradeNO', tradeNo)
  return { kind: 'paymentUrl', paymentUrl: url.toString() }
}
