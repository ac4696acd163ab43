/**
 * The Alipay Open API simulator as a Fastify plugin: the reference server mounts it in
 * development under SIMULATOR_PREFIX (gateway `http://127.0.0.1:<PORT>/alipay-sim/gateway.do`),
 * and main.ts here runs it alone. Offline and in memory; never mounted in production.
 */
import type { FastifyPluginAsync } from 'fastify'
import { authCodeRoutes } from './auth-codes'
import { billRoutes } from './bill'
import { cashierRoutes } from './cashier'
import { readReturnOrigins } from './cashier-return'
import { gatewayRoutes } from './gateway'
import { fundAuthOperationDetailQuery } from './methods/fund-auth-query'
import { fundAuthOrderUnfreeze } from './methods/fund-auth-unfreeze'
import { oauthToken } from './methods/oauth-token'
import { merchantOrderSync } from './methods/order-sync'
import { tradeCreate } from './methods/trade-create'
import { tradeClose, tradeQuery } from './methods/trade-query-close'
import { tradePayFromAuth } from './methods/trade-pay-auth'
import { tradeRefund } from './methods/trade-refund'
import { tradeFastpayRefundQuery } from './methods/trade-refund-query'
import { templateMessageSend } from './methods/template-message-send'
import { TEMPLATE_MESSAGE_SEND_METHOD } from '../alipay/template-message'
import {
  DEFAULT_AUTH_CODE_TTL_SECONDS,
  type MethodRegistry,
  type SimulatedApp,
  type SimulatorContext,
} from './methods/types'
import { createNotifier, parseNotifySchedule, type Notifier } from './notifier'
import { createOrderCenterBook, orderCenterRoutes, type OrderCenterBook } from './order-center'
import { createCallLog, type CallLog, type QuerySwitch } from './queries'
import { DEFAULT_REFUND_DELAY_MS, type RefundSwitch } from './refunds'
import { DEFAULT_PROCESSING_DELAY_MS, type PaymentRuntime } from './settlement'
import { createMemoryStore, type SimulatorStore } from './store'
import { subscriptionRoutes } from './subscription-routes'
import { createSubscriptionBook, type SimulatedTemplate, type SubscriptionBook } from './subscriptions'

export const SIMULATOR_PREFIX = '/alipay-sim'

export interface AlipaySimulatorOptions {
  /** Registered apps; the first one is the default of POST /auth-codes. */
  apps: SimulatedApp[]
  /** PEM: signs every gateway response ("Alipay's" private key). */
  simulatorPrivateKey: string
  authCodeTtlSeconds?: number
  store?: SimulatorStore
  /** Defaults to createMethodRegistry(); pass your own to add or replace methods. */
  methods?: MethodRegistry
  /** Clock (epoch ms), replaceable in tests. */
  now?: () => number
  /**
   * Delay before each notify attempt after the previous one failed. Default:
   * ALIPAY_SIM_NOTIFY_SCHEDULE_MS, else 0, 2 s, 5 s, 15 s, 30 s, 60 s. Ignored with `notifier`.
   */
  notifyScheduleMs?: readonly number[]
  /** How long an "8000 processing" payment takes. Default: ALIPAY_SIM_PROCESSING_DELAY_MS, else 3 s. */
  processingDelayMs?: number
  /** How long a refund takes in `slow` mode (POST /control { refunds: 'slow' }). Default 3 s. */
  refundDelayMs?: number
  /** Pass your own (createNotifier) to watch it; the simulator closes it when the app closes. */
  notifier?: Notifier
  /**
   * Origins besides local ones the cashier page may send the buyer back to. Default:
   * ALIPAY_SIM_RETURN_ORIGINS (cashier-return.ts), else none.
   */
  returnOrigins?: readonly string[]
  /** Pass your own (createCallLog) to see which methods were called, and when. */
  calls?: CallLog
  /** Message templates the apps have taken; default DEFAULT_SIMULATED_TEMPLATES. Ignored with `subscriptions`. */
  messageTemplates?: readonly SimulatedTemplate[]
  /** Pass your own (createSubscriptionBook) to see subscriptions and delivered messages. */
  subscriptions?: SubscriptionBook
  /** Pass your own (createOrderCenterBook) to read what alipay.merchant.order.sync accepted. */
  orderCenter?: OrderCenterBook
}

/** The methods the simulator answers; docs/dev/simulator-payments.md describes the payment ones. */
export function createMethodRegistry(): MethodRegistry {
  return new Map([
    ['alipay.system.oauth.token', oauthToken],
    ['alipay.trade.create', tradeCreate],
    ['alipay.trade.query', tradeQuery],
    ['alipay.trade.close', tradeClose],
    ['alipay.trade.refund', tradeRefund],
    ['alipay.trade.fastpay.refund.query', tradeFastpayRefundQuery],
    ['alipay.fund.auth.operation.detail.query', fundAuthOperationDetailQuery],
    [TEMPLATE_MESSAGE_SEND_METHOD, templateMessageSend],
    ['alipay.merchant.order.sync', merchantOrderSync],
    ['alipay.fund.auth.order.unfreeze', fundAuthOrderUnfreeze],
    ['alipay.trade.pay', tradePayFromAuth],
  ])
}

/**
 * The payment settings from the environment (the in-process mount gets no explicit ones):
 * ALIPAY_SIM_NOTIFY_SCHEDULE_MS ("0,2000,5000", ms) and ALIPAY_SIM_PROCESSING_DELAY_MS.
 */
export function readSimulatorPaymentEnv(env: Record<string, string | undefined>): {
  notifyScheduleMs?: number[]
  processingDelayMs?: number
} {
  const schedule = env.ALIPAY_SIM_NOTIFY_SCHEDULE_MS?.trim()
  const delay = env.ALIPAY_SIM_PROCESSING_DELAY_MS?.trim()
  if (delay && !/^\d{1,9}$/.test(delay))
    throw new Error(`ALIPAY_SIM_PROCESSING_DELAY_MS must be a number of milliseconds (got "${delay}").`)
  return {
    notifyScheduleMs: schedule ? parseNotifySchedule(schedule) : undefined,
    processingDelayMs: delay ? Number(delay) : undefined,
  }
}

export const alipaySimulator: FastifyPluginAsync<AlipaySimulatorOptions> = async (app, options) => {
  if (options.apps.length === 0) throw new Error('alipaySimulator needs at least one app')
  const apps = new Map(options.apps.map((registered) => [registered.appId, registered]))
  const fromEnv = readSimulatorPaymentEnv(process.env)
  const notifier =
    options.notifier ??
    createNotifier({ scheduleMs: options.notifyScheduleMs ?? fromEnv.notifyScheduleMs, log: app.log })
  const refunds: RefundSwitch = { mode: 'normal', delayMs: options.refundDelayMs ?? DEFAULT_REFUND_DELAY_MS }
  const queries: QuerySwitch = { mode: 'normal' }
  const context: SimulatorContext = {
    store: options.store ?? createMemoryStore(),
    now: options.now ?? Date.now,
    authCodeTtlMs: (options.authCodeTtlSeconds ?? DEFAULT_AUTH_CODE_TTL_SECONDS) * 1000,
    notifier,
    simulatorPrivateKey: options.simulatorPrivateKey,
    refunds,
    queries,
    calls: options.calls ?? createCallLog(),
    subscriptions: options.subscriptions ?? createSubscriptionBook(options.messageTemplates),
    orderCenter: options.orderCenter ?? createOrderCenterBook(),
  }
  await app.register(gatewayRoutes, {
    apps,
    methods: options.methods ?? createMethodRegistry(),
    context,
    simulatorPrivateKey: options.simulatorPrivateKey,
  })
  await app.register(authCodeRoutes, { apps, defaultAppId: options.apps[0].appId, context })
  await app.register(subscriptionRoutes, { apps, defaultAppId: options.apps[0].appId, context })

  const runtime: PaymentRuntime = {
    apps,
    store: context.store,
    now: context.now,
    notifier,
    simulatorPrivateKey: options.simulatorPrivateKey,
    processingDelayMs: options.processingDelayMs ?? fromEnv.processingDelayMs ?? DEFAULT_PROCESSING_DELAY_MS,
    refunds,
    queries,
    orderCenter: context.orderCenter,
  }
  app.addHook('onClose', async () => notifier.close())
  await app.register(cashierRoutes, {
    runtime,
    returnOrigins: options.returnOrigins ?? readReturnOrigins(process.env),
  })
  await app.register(billRoutes, { runtime })
  await app.register(orderCenterRoutes, { book: context.orderCenter, defaultAppId: options.apps[0].appId })
}

export type { MethodHandler, MethodRegistry, SimulatedApp } from './methods/types'
export { DEFAULT_AUTH_CODE_TTL_SECONDS, gatewayError } from './methods/types'
export type { SimulatorStore, AuthCodeGrant } from './store'
export type {
  StoredTrade,
  StoredFreeze,
  StoredFreezeOperation,
  StoredRefund,
  PendingRefund,
  TradeBuyer,
} from './store'
export { createMemoryStore } from './store'
export type { Notifier, NotifierOptions, NotifyAttempt, NotifyMode } from './notifier'
export { createNotifier, DEFAULT_NOTIFY_SCHEDULE_MS } from './notifier'
export type { Outcome, CashierRequest, CashierResult } from './settlement'
export { OUTCOME_CODES, OUTCOMES, DEFAULT_PROCESSING_DELAY_MS } from './settlement'
export { SIMULATED_SELLER_ID } from './trades'
export type { RefundMode } from './refunds'
export { REFUND_MODES, DEFAULT_REFUND_DELAY_MS } from './refunds'
export type { CallLog, QueryMode } from './queries'
export { createCallLog, QUERY_MODES } from './queries'
export type { SimulatedTemplate, SubscriptionBook, DeliveredMessage, Subscription } from './subscriptions'
export { createSubscriptionBook, DEV_SHIPPED_TEMPLATE } from './subscriptions'
export type { OrderCenterBook, OrderCenterEntry, OrderSyncMode } from './order-center'
export { createOrderCenterBook, ORDER_SYNC_MODES } from './order-center'
