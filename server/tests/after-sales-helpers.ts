/**
 * Shared by the after-sales suites (not a test file itself): paid orders of several lines through
 * the shop and the simulator, the buyer's and staff's after-sales requests over HTTP, and what
 * the simulator, the stock and the audit log say afterwards.
 */
import type { LightMyRequestResponse } from 'fastify'
import type {
  CreateAfterSalesRequest,
  MerchantAfterSalesRequest,
  Order,
  ReturnShipmentInput,
} from '../../contract'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { SimulatorHarness } from '../alipay-simulator/test-harness'
import { yuanToFen } from '../alipay/wire-format'
import type { Db } from '../db/types'
import { shipOrder, confirmReceipt } from '../orders/fulfilment'
import { until } from '../testing/until'
import { SHIPMENT } from './orders-fulfilment-helpers'
import { newKey, setStock, statusOf } from './orders-helpers'
import { payingBuyer, tradeNoOf, type PayingBuyer, type ShopUnderTest } from './payments-helpers'
import { atAlipay } from './refunds-helpers'

/** Line 1 of every order here: ¥15.00 each. */
export const ENVELOPE = 'envelope-kraft-std'
/** Line 2: ¥29.00 each. */
export const PENCILS = 'pencil-set-std'
export const PRICES = { [ENVELOPE]: 1500, [PENCILS]: 2900 } as const

export const RETURN_PARCEL: ReturnShipmentInput = { carrier: '中通快递', trackingNo: 'ZT2024000001' }

/** Plenty of stock for the suite's orders. */
export async function stockUp(db: Db): Promise<void> {
  await setStock(db, ENVELOPE, 100_000)
  await setStock(db, PENCILS, 100_000)
}

export interface Buyer extends PayingBuyer {
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, payload?: object): Promise<LightMyRequestResponse>
}

/** A new buyer of the shop, who can pay at the simulator. */
export async function newBuyer(shop: ShopUnderTest, db: Db): Promise<Buyer> {
  const who = await payingBuyer(db)
  const host = new URL(shop.origin).host
  const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
    shop.app.inject({ method, url, headers: { host, ...who.headers }, ...(payload ? { payload } : {}) })
  return { ...who, get: (url) => send('GET', url), post: (url, payload) => send('POST', url, payload) }
}

/** An order placed and paid at the simulator: `envelopes` × line 1, `pencils` × line 2 (none: no line). */
export async function paidOrder(
  shop: ShopUnderTest,
  sim: SimulatorHarness,
  db: Db,
  buyer: Buyer,
  { envelopes = 2, pencils = 1 } = {},
): Promise<Order> {
  const lines = [
    { skuId: ENVELOPE, quantity: envelopes },
    { skuId: PENCILS, quantity: pencils },
  ].filter((line) => line.quantity > 0)
  const placed = await shop.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { host: new URL(shop.origin).host, 'idempotency-key': newKey(), ...buyer.headers },
    payload: { lines, address: SAMPLE_ADDRESS },
  })
  if (placed.statusCode !== 201) throw new Error(`order: ${placed.statusCode} ${placed.body}`)
  const order = placed.json<Order>()
  const payment = await buyer.post(`/api/orders/${order.id}/payment`)
  if (payment.statusCode !== 200) throw new Error(`payment: ${payment.statusCode} ${payment.body}`)
  expect((await sim.pay(tradeNoOf(payment.json()), 'pay', buyer.key)).resultCode).toBe('9000')
  await until(
    'the order to be paid',
    async () => ((await statusOf(db, order.id)).status === 'paid' ? true : undefined),
    5000,
    25,
  )
  return order
}

/** Ships the order, back-dated `daysAgo` days (0: now), as the command line would. */
export async function ship(db: Db, orderId: string, daysAgo = 0): Promise<void> {
  const shippedAt = daysAgo ? new Date(Date.now() - daysAgo * 86_400_000) : undefined
  if (!(await db.transaction((tx) => shipOrder(tx, orderId, SHIPMENT, { shippedAt }))))
    throw new Error(`could not ship ${orderId}`)
}

/** The buyer confirms receipt, back-dated `daysAgo` days (0: now). */
export async function receive(db: Db, orderId: string, daysAgo = 0): Promise<void> {
  const receivedAt = daysAgo ? new Date(Date.now() - daysAgo * 86_400_000) : undefined
  if (!(await db.transaction((tx) => confirmReceipt(tx, orderId, receivedAt))))
    throw new Error(`could not receive ${orderId}`)
}

export const refundOnly = (
  lines: CreateAfterSalesRequest['lines'],
  extra: Partial<CreateAfterSalesRequest> = {},
): CreateAfterSalesRequest => ({ kind: 'refund_only', lines, reason: 'changed_mind', ...extra })

export const returnAndRefund = (lines: CreateAfterSalesRequest['lines']): CreateAfterSalesRequest => ({
  kind: 'return_and_refund',
  lines,
  reason: 'damaged',
  note: '盒子压坏了',
})

export const ask = (buyer: Buyer, orderId: string, body: CreateAfterSalesRequest | Record<string, unknown>) =>
  buyer.post(`/api/orders/${orderId}/after-sales`, body)

/** A merchant route as a staff member (or with any headers). */
export function asStaff(shop: ShopUnderTest, headers: Record<string, string>) {
  const host = new URL(shop.origin).host
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    shop.app.inject({ method, url, headers: { host, ...headers }, ...(payload ? { payload } : {}) })
}

/** What Alipay (the simulator) refunded on the order's trade in all, in fen. */
export async function refundedAtAlipay(sim: SimulatorHarness, orderId: string): Promise<number> {
  const { refundFee } = await atAlipay(sim, orderId)
  if (refundFee === undefined) return 0
  const fen = yuanToFen(refundFee)
  if (fen === undefined) throw new Error(`refund_fee ${refundFee} is not an amount`)
  return fen
}

/** Each refund Alipay (the simulator's merchant bill) made on the order's trade, as `out_request_no amount`. */
export async function refundsAtAlipay(sim: SimulatorHarness, orderId: string): Promise<string[]> {
  const res = await fetch(`${sim.base}/trades?outTradeNo=${orderId}`)
  if (res.status !== 200) throw new Error(`simulator bill: ${res.status}`)
  const { items } = (await res.json()) as {
    items: Array<{ refunds: Array<{ outRequestNo: string; refundAmount: string }> }>
  }
  return items.flatMap((trade) => trade.refunds.map((r) => `${r.outRequestNo} ${yuanToFen(r.refundAmount)}`))
}

/** The refunds recorded for the order, oldest first. */
export function refundsOf(db: Db, orderId: string) {
  return db.query<{ amount_fen: number; status: string; after_sales_request_id: string | null }>(
    `select amount_fen, status, after_sales_request_id::text from refunds where order_id = $1 order by id`,
    [orderId],
  )
}

export function auditOfRequest(db: Db, requestId: string) {
  return db.query<{ staff_id: string; action: string; before: unknown; after: unknown }>(
    `select staff_id::text, action, before, after from audit_log
      where target_type = 'after_sales' and target_id = $1 order by id`,
    [requestId],
  )
}

/** The request's timeline as `type/by` strings. */
export const timeline = (
  request: MerchantAfterSalesRequest | { events: Array<{ type: string; by: string }> },
) => request.events.map((event) => `${event.type}/${event.by}`)
