/**
 * For tests (here and in later issues): a standalone simulator on a free port with keys made in
 * memory, plus an AlipayClient wired to it. Nothing touches disk; close() stops the simulator.
 *
 * ALIPAY_SIM_KEY_MODE=cert (the same switch as the server's) runs every suite that uses this
 * harness in certificate mode: apps are registered with certificates from an in-memory
 * development CA (made once per process) and client() signs and verifies with certificates.
 */
import type { FastifyInstance } from 'fastify'
import { createAlipayClient, type AlipayClient, type AlipayVerification } from '../alipay/client'
import { readSimulatorKeyMode, type AlipayKeyMode } from '../alipay/settings'
import { DEFAULT_BUYER_KEY } from './buyers'
import type { AuthCodeResponse } from './auth-codes'
import type { CashierPayRequest, ControlRequest, ControlResponse } from './cashier'
import {
  certificateVerification,
  createDevCertificateAuthority,
  issueAppCertificates,
  registeredCertificates,
  type AppCertificates,
  type DevCertificateAuthority,
} from './dev-certs'
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
  /** Certificate mode only: defaults to certificates issued by the test CA for `keys`. */
  certificates?: AppCertificates
}

export interface ClientOverrides {
  privateKey?: string
  /** Public-key mode: this key; certificate mode: a test-CA certificate for this key. */
  alipayPublicKey?: string
  gateway?: string
  /** Certificate mode: replace one of the app's three files. */
  appCert?: string
  alipayRootCert?: string
}

export interface SimulatorHarness {
  app: FastifyInstance
  /** e.g. http://127.0.0.1:54321/alipay-sim */
  base: string
  gateway: string
  /** The simulator's ("Alipay's") key pair. */
  simulatorKeys: KeyPair
  /** public-key, or cert (ALIPAY_SIM_KEY_MODE=cert, or the keyMode option). */
  keyMode: AlipayKeyMode
  /** A client for `appId` (default: the first app), verifying responses with the simulator's key. */
  client(appId?: string, overrides?: ClientOverrides): AlipayClient
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

/** ALIPAY_SIM_KEY_MODE, read like the server reads it: the mode every harness starts in. */
export function testKeyMode(): AlipayKeyMode {
  return readSimulatorKeyMode(process.env)
}

let sharedAuthority: DevCertificateAuthority | undefined
const issuedCertificates = new Map<string, AppCertificates>()

/** The in-memory development CA, made once per test process. */
export function testCertificateAuthority(): DevCertificateAuthority {
  sharedAuthority ??= createDevCertificateAuthority()
  return sharedAuthority
}

/** The three certificate-mode files for `appId` with these keys, issued once and reused. */
export function testCertificates(
  appId: string = TEST_APP_ID,
  keys: { app: KeyPair; simulator: KeyPair } = testKeys(),
): AppCertificates {
  const cacheKey = `${appId}\n${keys.app.publicKey}\n${keys.simulator.publicKey}`
  let certificates = issuedCertificates.get(cacheKey)
  if (!certificates) {
    certificates = issueAppCertificates(testCertificateAuthority(), appId, keys)
    issuedCertificates.set(cacheKey, certificates)
  }
  return certificates
}

export async function startSimulator(
  options: {
    apps?: HarnessApp[]
    simulatorKeys?: KeyPair
    /** Default: testKeyMode() (ALIPAY_SIM_KEY_MODE). */
    keyMode?: AlipayKeyMode
  } & Partial<Omit<AlipaySimulatorOptions, 'apps' | 'simulatorPrivateKey'>> = {},
): Promise<SimulatorHarness> {
  const apps = options.apps ?? [{ appId: TEST_APP_ID, keys: testKeys().app }]
  const simulatorKeys = options.simulatorKeys ?? testKeys().simulator
  const keyMode = options.keyMode ?? testKeyMode()
  const certificatesOf = (app: HarnessApp) =>
    app.certificates ?? testCertificates(app.appId, { app: app.keys, simulator: simulatorKeys })
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
      certificates: keyMode === 'cert' ? registeredCertificates(certificatesOf(a)) : undefined,
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
    keyMode,
    client(appId = apps[0].appId, overrides = {}) {
      const registered = apps.find((a) => a.appId === appId) ?? { ...apps[0], appId, certificates: undefined }
      return createAlipayClient({
        appId,
        privateKey: overrides.privateKey ?? registered.keys.privateKey,
        ...verification(keyMode, certificatesOf(registered), simulatorKeys, overrides),
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

/** How a harness client verifies: the simulator's key, or certificates (with any overrides). */
function verification(
  keyMode: AlipayKeyMode,
  certificates: AppCertificates,
  simulatorKeys: KeyPair,
  overrides: ClientOverrides,
): AlipayVerification {
  if (keyMode === 'public-key')
    return { alipayPublicKey: overrides.alipayPublicKey ?? simulatorKeys.publicKey }
  const alipayCert = overrides.alipayPublicKey
    ? testCertificateAuthority().issue('Alipay Simulator (development)', overrides.alipayPublicKey)
    : certificates.alipayCert
  return certificateVerification({
    rootCert: overrides.alipayRootCert ?? certificates.rootCert,
    alipayCert,
    appCert: overrides.appCert ?? certificates.appCert,
  })
}

/**
 * For tests that drive a bare `new AlipaySdk(…)`: its verification options in the harness's mode
 * (Alipay's public key, or the three certificates as content), with the test keys.
 */
export function sdkVerificationOptions(
  appId: string = TEST_APP_ID,
  keyMode: AlipayKeyMode = testKeyMode(),
):
  | { alipayPublicKey: string }
  | Record<'appCertContent' | 'alipayPublicCertContent' | 'alipayRootCertContent', string> {
  if (keyMode === 'public-key') return { alipayPublicKey: testKeys().simulator.publicKey }
  const certificates = testCertificates(appId)
  return {
    appCertContent: certificates.appCert,
    alipayPublicCertContent: certificates.alipayCert,
    alipayRootCertContent: certificates.rootCert,
  }
}

const PRODUCTION_APP_ID = '2021004100000001'

/**
 * ALIPAY_* for tests of production configuration (real-looking credentials, test keys): with
 * ALIPAY_SIM_KEY_MODE=cert, the three certificates (as _CONTENT) instead of ALIPAY_PUBLIC_KEY.
 */
export function productionAlipayEnv(keyMode: AlipayKeyMode = testKeyMode()): Record<string, string> {
  const common = {
    ALIPAY_APP_ID: PRODUCTION_APP_ID,
    ALIPAY_PRIVATE_KEY: testKeys().app.privateKey,
    ALIPAY_SELLER_ID: '2088123412341234',
  }
  if (keyMode === 'public-key') return { ...common, ALIPAY_PUBLIC_KEY: testKeys().simulator.publicKey }
  const certificates = testCertificates(PRODUCTION_APP_ID)
  return {
    ...common,
    ALIPAY_APP_CERT_CONTENT: certificates.appCert,
    ALIPAY_PUBLIC_CERT_CONTENT: certificates.alipayCert,
    ALIPAY_ROOT_CERT_CONTENT: certificates.rootCert,
  }
}
