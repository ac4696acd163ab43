/**
 * What the end-to-end after-sales suites (tests/build/*after-sales*) check besides the screen: the
 * simulated Alipay merchant account's record of a trade, the buyer's API, and the end of the
 * after-sales window the way the server's sweeper ends it.
 */
import type { Order, OrderAfterSales } from '@contract'
import { completeSettledBatch } from '../../server/orders/fulfilment-sweep'
import type { ShopServer } from './shop-server'

/** One trade as GET /alipay-sim/trades shows it (amounts in yuan strings, as Alipay writes them). */
export interface SimulatedTrade {
  tradeNo: string
  outTradeNo: string
  tradeStatus: string
  totalAmount: string
  refundedAmount: string
  refunds: { outRequestNo: string; refundAmount: string; gmtRefund: string }[]
  pendingRefunds: { outRequestNo: string; refundAmount: string }[]
}

/** The simulator's trade of an order (its out_trade_no is the order id); fails unless exactly one. */
export async function tradeAtAlipay(server: ShopServer, orderId: string): Promise<SimulatedTrade> {
  const response = await fetch(`${server.baseUrl}/alipay-sim/trades?outTradeNo=${orderId}`)
  if (response.status !== 200) throw new Error(`GET /alipay-sim/trades: ${response.status}`)
  const { items } = (await response.json()) as { items: SimulatedTrade[] }
  if (items.length !== 1) throw new Error(`Expected one trade for ${orderId} at Alipay, got ${items.length}`)
  return items[0]
}

/** A GET of the buyer's API with their token; fails unless 200. */
export async function asBuyer<T>(server: ShopServer, token: string, path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  const body = (await response.json()) as T
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

export const orderAsBuyer = (server: ShopServer, token: string, orderId: string) =>
  asBuyer<Order>(server, token, `/api/orders/${orderId}`)

export const afterSalesOfOrder = (server: ShopServer, token: string, orderId: string) =>
  asBuyer<OrderAfterSales>(server, token, `/api/orders/${orderId}/after-sales`)

/**
 * One run of the sweeper's completion step (received → completed once the after-sales window has
 * ended), with the window the server is configured with or another one. The database refuses to
 * move a received_at into the past (migration 007), so a test ends the window by running the step
 * with `afterSalesDays: 0` — AFTER_SALES_DAYS=0 is a valid configuration. Returns the ids it completed.
 */
export function sweepCompletions(server: ShopServer, afterSalesDays = server.config.afterSalesDays) {
  return completeSettledBatch(server.db, { autoReceiveDays: server.config.autoReceiveDays, afterSalesDays })
}
