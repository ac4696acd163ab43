/**
 * For tests (here and in later issues): a standalone simulator on a free port with keys made in
 * memory, plus an AlipayClient wired to it. Nothing touches disk; close() stops the simulator.
 */
import type { FastifyInstance } from 'fastify'
import { createAlipayClient, type AlipayClient } from '../alipay/client'
import { DEFAULT_BUYER_KEY } from './buyers'
import type { AuthCodeResponse } from './auth-codes'
import type { CashierPayRequest, ControlRequest, ControlResponse } from './cashier'
import { generateRsaKeyPair, type KeyPair } from './dev-keys'
import type { AlipayIdKind } from '../alipay/wire-format'
import { createNotifier, type Notifier } from './notifier'
import type { OrderCenterEntry } from './order-center'
import { createCallLog, type CallLog } from './queries'
import { SIMULATOR_PREFIX, type AlipaySimulatorOptions } from './plugin'
import type { CashierResult, Outcome } from './settlement'
import { buildSimulatorApp } from './standalone'
import {
  createSubscriptionBook,
  type DeliveredMessage,
  type SubscribeResult,
  type Subscription,
  type SubscriptionBook,
} from './subscriptions'

export interface HarnessApp {
  appId: string
  keys: KeyPair
  idMode?: AlipayIdKind
}

export interface SimulatorHarness {
  app: FastifyInstance
  /** e.g. http://127.0.0.1:54321/alipay-sim */
  base: string
  gateway: string
  /** The simulator's ("Alipay's") key pair. */
  simulatorKeys: KeyPair
  /** A client for `appId` (default: the first app), verifying responses with the simulator's key. */
  client(
    appId?: string,
    overrides?: { privateKey?: string; alipayPublicKey?: string; gateway?: string },
  ): AlipayClient
  issueAuthCode(buyer?: string, appId?: string): Promise<AuthCodeResponse>
  /** The JSON cashier: `my.tradePay({ tradeNO })` finished with `outcome` (default 'pay'). */
  pay(tradeNO: string, outcome?: Outcome, buyer?: string): Promise<CashierResult>
  /** POST /cashier/pay with any body (orderStr, paymentUrl, …); throws unless it answers 200. */
  cashier(body: CashierPayRequest): Promise<CashierResult>
  /** POST /control, e.g. `{ notifies: 'drop' }` or `{ refunds: 'slow' }`; answers the current settings. */
  control(settings?: ControlRequest): Promise<ControlResponse>
  /** The notifier: `idle()` resolves once no notify, "8000" payment or slow refund is pending; `attempts()`. */
  notifier: Notifier
  /** Every method the gateway was called with, and when (queries.ts). */
  calls: CallLog
  /** POST /subscriptions: the buyer answers the subscription panel (accept by default). */
  subscribe(
    buyer: string,
    templateIds: string[],
    options?: { accept?: boolean; appId?: string },
  ): Promise<SubscribeResult>
  /** Every subscription message the simulated Alipay delivered, oldest first. */
  messages(): DeliveredMessage[]
  /** The buyers' subscriptions (a used-up one-time subscription stays, with remaining 0). */
  subscriptions(): Subscription[]
  /** GET /order-center/:outBizNo: what alipay.merchant.order.sync accepted; undefined for none. */
  orderCenter(outBizNo: string, appId?: string): Promise<OrderCenterEntry | undefined>
  /** The HTML cashier's URL for a trade (what an H5 build opens). */
  cashierPageUrl(tradeNO: string, returnUrl?: string): string
  /** Posts the cashier page's form as a browser does; the redirect is returned, not followed. */
  submitCashierPage(form: Record<string, string>): Promise<Response>
  close(): Promise<void>
}

/**
 * Fast defaults for tests: notifies retried after 50, 100, 200, 400 ms; "8000" pays after 100 ms;
 * a `slow` refund goes through after 100 ms.
 */
export const HARNESS_NOTIFY_SCHEDULE_MS = [0, 50, 100, 200, 400]
export const HARNESS_PROCESSING_DELAY_MS = 100
export const HARNESS_REFUND_DELAY_MS = 100

export const TEST_APP_ID = '2021000000000042'

let sharedKeys: { app: KeyPair; simulator: KeyPair } | undefined
/** RSA-2048 generation is slow-ish: one pair each per test process unless a test asks for more. */
export function testKeys(): { app: KeyPair; simulator: KeyPair } {
  sharedKeys ??= { app: generateRsaKeyPair(), simulator: generateRsaKeyPair() }
  return sharedKeys
}

export async function startSimulator(
  options: {
    apps?: HarnessApp[]
    simulatorKeys?: KeyPair
  } & Partial<Omit<AlipaySimulatorOptions, 'apps' | 'simulatorPrivateKey'>> = {},
): Promise<SimulatorHarness> {
  const apps = options.apps ?? [{ appId: TEST_APP_ID, keys: testKeys().app }]
  const simulatorKeys = options.simulatorKeys ?? testKeys().simulator
  const notifier =
    options.notifier ??
    createNotifier({ scheduleMs: options.notifyScheduleMs ?? HARNESS_NOTIFY_SCHEDULE_MS, timeoutMs: 2000 })
  const calls = options.calls ?? createCallLog()
  const subscriptions: SubscriptionBook =
    options.subscriptions ?? createSubscriptionBook(options.messageTemplates)
  const app = await buildSimulatorApp({
    processingDelayMs: HARNESS_PROCESSING_DELAY_MS,
    refundDelayMs: HARNESS_REFUND_DELAY_MS,
    ...options,
    notifier,
    calls,
    subscriptions,
    apps: apps.map((a) => ({
      appId: a.appId,
      appPublicKey: a.keys.publicKey,
      idMode: a.idMode ?? 'user_id',
    })),
    simulatorPrivateKey: simulatorKeys.privateKey,
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `${address}${SIMULATOR_PREFIX}`
  const gateway = `${base}/gateway.do`
  const postJson = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }
  const cashier = (body: CashierPayRequest) => postJson<CashierResult>('/cashier/pay', body)
  return {
    app,
    base,
    gateway,
    simulatorKeys,
    client(appId = apps[0].appId, overrides = {}) {
      const registered = apps.find((a) => a.appId === appId)
      return createAlipayClient({
        appId,
        privateKey: overrides.privateKey ?? registered?.keys.privateKey ?? apps[0].keys.privateKey,
        alipayPublicKey: overrides.alipayPublicKey ?? simulatorKeys.publicKey,
        gateway: overrides.gateway ?? gateway,
        timeoutMs: 3000,
      })
    },
    async issueAuthCode(buyer = DEFAULT_BUYER_KEY, appId = apps[0].appId) {
      const response = await fetch(`${base}/auth-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ buyer, appId }),
      })
      if (response.status !== 201)
        throw new Error(`auth-codes answered ${response.status}: ${await response.text()}`)
      return (await response.json()) as AuthCodeResponse
    },
    pay: (tradeNO, outcome = 'pay', buyer) => cashier({ tradeNO, outcome, ...(buyer ? { buyer } : {}) }),
    cashier,
    control: (settings = {}) => postJson<ControlResponse>('/control', settings),
    notifier,
    calls,
    subscribe: (buyer, templateIds, { accept, appId } = {}) =>
      postJson<SubscribeResult>('/subscriptions', { buyer, templateIds, accept, appId }),
    messages: () => subscriptions.messages(),
    subscriptions: () => subscriptions.subscriptions(),
    async orderCenter(outBizNo, appId) {
      const query = appId ? `?${new URLSearchParams({ appId })}` : ''
      const response = await fetch(`${base}/order-center/${encodeURIComponent(outBizNo)}${query}`)
      if (response.status === 404) return undefined
      if (response.status !== 200)
        throw new Error(`order-center answered ${response.status}: ${await response.text()}`)
      return (await response.json()) as OrderCenterEntry
    },
    cashierPageUrl(tradeNO, returnUrl) {
      const query = new URLSearchParams({ tradeNO, ...(returnUrl ? { return: returnUrl } : {}) })
      return `${base}/cashier?${query}`
    },
    submitCashierPage: (form) =>
      fetch(`${base}/cashier`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        redirect: 'manual',
      }),
    close: () => app.close(),
  }
}

/** ALIPAY_* for tests of production configuration (real-looking credentials, test keys). */
export function productionAlipayEnv(): Record<string, string> {
  return {
    ALIPAY_APP_ID: '2021004100000001',
    ALIPAY_PRIVATE_KEY: testKeys().app.privateKey,
    ALIPAY_PUBLIC_KEY: testKeys().simulator.publicKey,
    ALIPAY_SELLER_ID: '2088123412341234',
  }
}
