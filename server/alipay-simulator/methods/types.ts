/** What a simulated Open API method receives and returns; see gateway.ts for the dispatch. */
import type { AlipayIdKind } from '../../alipay/wire-format'
import type { AppCertificateSns } from '../cert-check'
import type { Notifier } from '../notifier'
import type { OrderCenterBook } from '../order-center'
import type { CallLog, QuerySwitch } from '../queries'
import type { RefundSwitch } from '../refunds'
import type { GatewayParams } from '../signing'
import type { SimulatorStore } from '../store'
import type { SubscriptionBook } from '../subscriptions'

export const DEFAULT_AUTH_CODE_TTL_SECONDS = 300

/** An app registered with the simulator, as an app is registered on open.alipay.com. */
export interface SimulatedApp {
  appId: string
  /** PEM (SPKI): verifies the app's request signatures. */
  appPublicKey: string
  /** Which buyer id oauth.token returns: legacy `user_id` or per-app `open_id`. */
  idMode: AlipayIdKind
  /**
   * Present for an app in certificate mode (公钥证书模式): requests must carry these SNs and
   * answers carry alipay_cert_sn (cert-check.ts). Absent: public-key mode.
   */
  certificates?: AppCertificateSns
}

export interface SimulatorContext {
  store: SimulatorStore
  now: () => number
  authCodeTtlMs: number
  /** Sends the notifies a method causes (refunds) and runs its delayed work. */
  notifier: Notifier
  /** PEM: signs those notifies. */
  simulatorPrivateKey: string
  /** How alipay.trade.refund behaves; POST /control changes it. */
  refunds: RefundSwitch
  /** Whether status queries answer or fail; POST /control changes it (queries.ts). */
  queries: QuerySwitch
  /** Every method call the gateway dispatched. */
  calls: CallLog
  /** Message templates, buyers' subscriptions and delivered messages (subscriptions.ts). */
  subscriptions: SubscriptionBook
  /** alipay.merchant.order.sync's synced orders, and its POST /control switch (order-center.ts). */
  orderCenter: OrderCenterBook
}

export interface MethodCall {
  app: SimulatedApp
  /** All request parameters (query and form merged), strings as sent. */
  params: GatewayParams
  /** `biz_content` parsed, when sent. */
  bizContent: Record<string, unknown> | undefined
  context: SimulatorContext
}

/** The inner `<method>_response` object, snake_case as Alipay sends it. */
export type MethodResponse = Record<string, unknown>

export type MethodHandler = (call: MethodCall) => MethodResponse | Promise<MethodResponse>

/** method name → handler. The payment issue adds alipay.trade.* here without touching the gateway. */
export type MethodRegistry = Map<string, MethodHandler>

/** Alipay's common error bodies (https://opendocs.alipay.com/common/02km9f). */
export const gatewayError = {
  missingArguments: (subCode: string, subMsg: string) => ({
    code: '40001',
    msg: 'Missing Required Arguments',
    sub_code: subCode,
    sub_msg: subMsg,
  }),
  invalidArguments: (subCode: string, subMsg: string) => ({
    code: '40002',
    msg: 'Invalid Arguments',
    sub_code: subCode,
    sub_msg: subMsg,
  }),
  /** Business errors: `ACQ.*` / `isv.*` sub codes, inside the method's own response key. */
  businessFailed: (subCode: string, subMsg: string) => ({
    code: '40004',
    msg: 'Business Failed',
    sub_code: subCode,
    sub_msg: subMsg,
  }),
  unavailable: () => ({
    code: '20000',
    msg: 'Service Currently Unavailable',
    sub_code: 'isp.unknow-error',
    sub_msg: '系统繁忙',
  }),
}
