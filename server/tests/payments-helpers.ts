/**
 * Shared by the payments suites (not a test file itself): the shop app LISTENING on a free port
 * (the simulator posts notifies to it over real HTTP), wired to a simulator harness, and buyers
 * that are simulated Alipay accounts (so the simulator's cashier can pay as them).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { Order, OrderPayment } from '../../contract'
import { simulatedOpenId, simulatedUserId } from '../alipay-simulator/buyers'
import type { SimulatorHarness } from '../alipay-simulator/test-harness'
import type { AlipayClient } from '../alipay/client'
import { readAlipaySettings } from '../alipay/settings'
import { buildApp, type BuildAppOptions } from '../app'
import type { ServerConfig } from '../config'
import type { Db, Queryable } from '../db/types'
import { createSession, upsertBuyer, type BuyerRecord } from '../session/repository'
import { testConfig } from '../testing/app'
import { freePort } from '../testing/free-port'
import { newKey } from './orders-helpers'
import { prepareDatabase } from '../testing/suites'

export interface ShopUnderTest {
  app: FastifyInstance
  /** e.g. http://127.0.0.1:54321 — also the origin of notify_url. */
  origin: string
  close(): Promise<void>
}

/**
 * For a suite: migrates and seeds the database and starts the shop in beforeAll, closes it in
 * afterAll (with the simulator's notifies switched back on). The returned object is filled in
 * beforeAll, so use it inside tests only.
 */
export function shopForSuite(
  getDb: () => Db,
  getSim: () => SimulatorHarness,
  options: { config?: Partial<ServerConfig>; runOutbox?: boolean } = {},
): ShopUnderTest {
  const shop = {} as ShopUnderTest
  beforeAll(async () => {
    await prepareDatabase(getDb())
    Object.assign(shop, await startShop(getDb(), getSim(), options))
  })
  afterAll(async () => {
    await getSim().control({ notifies: 'deliver' })
    await shop.close?.()
  })
  return shop
}

export async function startShop(
  db: Db,
  sim: SimulatorHarness,
  options: {
    appId?: string
    env?: Record<string, string>
    client?: AlipayClient
    expirySweepMs?: number
    /** Runs the outbox worker (Alipay's order center), as server/main.ts does. */
    runOutbox?: boolean
    logger?: BuildAppOptions['logger']
    /** Settings other than Alipay's (those come from `env`). */
    config?: Partial<ServerConfig>
  } = {},
): Promise<ShopUnderTest> {
  // The port is known up front: URLs the shop hands out (notify_url) come from its config.
  const port = await freePort()
  const app = await buildApp({
    db,
    config: testConfig({ port, ...options.config, alipay: readAlipaySettings(options.env ?? {}) }),
    alipay: { client: options.client ?? sim.client(options.appId) },
    expirySweepMs: options.expirySweepMs,
    runOutbox: options.runOutbox,
    logger: options.logger,
  })
  const origin = await app.listen({ port, host: '127.0.0.1' })
  return { app, origin, close: () => app.close() }
}

export interface PayingBuyer {
  buyer: BuyerRecord
  /** The simulator's buyer key ("buyer-1"): who pays at the cashier. */
  key: string
  headers: { authorization: string }
}

let counter = 0
/** A fresh simulated Alipay account with a session at the shop. */
export async function payingBuyer(
  db: Queryable,
  kind: 'user_id' | 'open_id' = 'user_id',
  appId = '',
): Promise<PayingBuyer> {
  const key = `p${process.pid}x${Date.now().toString(36)}x${++counter}`
  const value = kind === 'user_id' ? simulatedUserId(key) : simulatedOpenId(appId, key)
  const buyer = await upsertBuyer(db, { kind, value })
  const { token } = await createSession(db, buyer.id, 3600)
  return { buyer, key, headers: { authorization: `Bearer ${token}` } }
}

/** Requests as the buyer, with Host = the listening origin (so notify_url reaches this app). */
export function asBuyer(shop: ShopUnderTest, who: PayingBuyer) {
  const host = new URL(shop.origin).host
  const send = (method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    shop.app.inject({ method, url, headers: { host, ...who.headers }, ...(payload ? { payload } : {}) })
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: object) => send('POST', url, payload),
    async placeOrder(skuId = 'envelope-kraft-std', quantity = 1): Promise<Order> {
      const res = await shop.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { host, 'idempotency-key': newKey(), ...who.headers },
        payload: { lines: [{ skuId, quantity }], address: SAMPLE_ADDRESS },
      })
      if (res.statusCode !== 201) throw new Error(`order: ${res.statusCode} ${res.body}`)
      return res.json<Order>()
    },
    async openPayment(orderId: string): Promise<OrderPayment> {
      const res = await send('POST', `/api/orders/${orderId}/payment`)
      if (res.statusCode !== 200) throw new Error(`payment: ${res.statusCode} ${res.body}`)
      return res.json<OrderPayment>()
    },
  }
}

export function tradeNoOf(payment: OrderPayment): string {
  if (payment.invocation.kind !== 'tradeNO') throw new Error(`not a tradeNO: ${payment.invocation.kind}`)
  return payment.invocation.tradeNO
}

/** Everything the payment and refund tables and the order say, for "nothing changed" assertions. */
export async function paymentState(db: Queryable, orderId: string) {
  const [order] = await db.query('select status, paid_at from orders where id = $1', [orderId])
  const payments = await db.query('select * from payments where order_id = $1', [orderId])
  const notifies = await db.query(
    'select notify_id, notify_type from alipay_notifies where subject_id = $1 order by received_at',
    [orderId],
  )
  const refunds = await db.query(
    `select out_request_no, amount_fen, kind, status, attempts, last_error, refunded_at
       from refunds where order_id = $1 order by id`,
    [orderId],
  )
  return { order, payments, notifies, refunds }
}

/** The buyer pays at the cashier while every notify is lost: the shop must find out by asking. */
export async function payWithNotifyLost(
  sim: SimulatorHarness,
  target: { tradeNO: string } | { orderStr: string },
): Promise<void> {
  await sim.control({ notifies: 'drop' })
  try {
    expect((await sim.cashier({ ...target, outcome: 'pay' })).resultCode).toBe('9000')
    await sim.notifier.idle()
  } finally {
    await sim.control({ notifies: 'deliver' })
  }
}
