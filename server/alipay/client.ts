/**
 * The server's one door to Alipay's Open API: the official `alipay-sdk` with response signature
 * checking on for every call (it is opt-in in the SDK, and an unverified answer about a buyer or
 * a payment is worthless), behind a small interface that tests and the payment code depend on.
 */
import { AlipaySdk } from 'alipay-sdk'
import { AlipayBusinessError, AlipayUnavailableError } from './errors'
import { normalizePrivateKey, normalizePublicKey } from './keys'
import { DEFAULT_ALIPAY_TIMEOUT_MS } from './settings'

export { AlipayBusinessError, AlipayUnavailableError } from './errors'
export type { AlipayUnavailableReason } from './errors'

/** Top-level request parameters besides biz_content, e.g. `notify_url`, `grant_type`, `code`. */
export type AlipayExtraParams = Record<string, string | undefined>

export interface AlipayClient {
  /** The app the calls are made for (notifies must carry the same app_id). */
  readonly appId: string
  readonly gateway: string
  /**
   * Calls an OpenAPI 2.0 method. `bizContent` keys are snake_cased by the SDK (write them either
   * way); `extra` values that are undefined or '' are left out (the gateway drops empty values, so
   * signing them would break the signature). Resolves with the camelCased response for code 10000
   * (or no code, as oauth.token answers); throws AlipayBusinessError or AlipayUnavailableError.
   */
  exec<T = Record<string, unknown>>(
    method: string,
    bizContent?: Record<string, unknown>,
    extra?: AlipayExtraParams,
  ): Promise<T>
  /**
   * Verifies an asynchronous notification (form fields exactly as parsed, not camelCased) with
   * Alipay's public key; uses the SDK's checkNotifySignV2, which does not URL-decode values.
   */
  verifyNotify(fields: Record<string, string>): boolean
  /**
   * Signs a request without sending it (the SDK's sdkExecute): the `orderStr` that
   * `my.tradePay({ orderStr })` hands to the cashier, e.g. for alipay.fund.auth.order.app.freeze.
   * `extra` holds top-level parameters such as `notifyUrl`; empty values are left out as in exec.
   */
  sdkExecute(method: string, bizContent: Record<string, unknown>, extra?: AlipayExtraParams): string
}

/** How responses are verified: the app's mode on open.alipay.com (开发设置 → 接口加签方式). */
export type AlipayVerification =
  | {
      mode?: 'public-key'
      /** Alipay's public key (not the app's): verifies every response. Required. */
      alipayPublicKey: string
    }
  | {
      /**
       * 公钥证书模式: the SDK sends app_cert_sn and alipay_root_cert_sn with every request and
       * verifies responses with the key in Alipay's public-key certificate. PEM text each.
       */
      mode: 'cert'
      appCert: string
      alipayPublicCert: string
      alipayRootCert: string
    }

export type AlipayClientConfig = AlipayVerification & {
  appId: string
  /** The app's private key: PEM (PKCS1/PKCS8) or the base64 body. */
  privateKey: string
  /** e.g. https://openapi.alipay.com/gateway.do */
  gateway: string
  timeoutMs?: number
}

interface SdkResult {
  code?: string
  msg?: string
  subCode?: string
  subMsg?: string
}

/** Maps the SDK's thrown errors (matched by message: they share one class) to a reason and advice. */
const SIGNATURE_ADVICE: Record<'public-key' | 'cert', string> = {
  'public-key':
    "check that ALIPAY_PUBLIC_KEY is Alipay's public key for this app (支付宝公钥, not the app's own public key)",
  cert: "check that ALIPAY_PUBLIC_CERT_PATH (or _CONTENT) is this app's current alipayCertPublicKey_RSA2.crt from open.alipay.com (Alipay re-issues it when the certificates are renewed)",
}

function unavailable(
  method: string,
  gateway: string,
  error: unknown,
  mode: 'public-key' | 'cert',
): AlipayUnavailableError {
  const text = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  if (text.includes('验签失败') || code === 'ERR_INVALID_ARG_TYPE') {
    return new AlipayUnavailableError(
      method,
      'signature',
      `The response to ${method} failed signature verification: ${SIGNATURE_ADVICE[mode]}, and that responses are not altered on the way.`,
      { cause: error },
    )
  }
  if (text.includes('HTTP 请求错误')) {
    return new AlipayUnavailableError(
      method,
      'http',
      `The Alipay gateway ${gateway} answered ${method} with an HTTP error (${text}): check ALIPAY_GATEWAY.`,
      { cause: error },
    )
  }
  if (text.includes('HttpClient Request error')) {
    return new AlipayUnavailableError(
      method,
      'network',
      `Cannot reach the Alipay gateway ${gateway} (${text.replace(/^HttpClient Request error:?\s*/, '')}): check ALIPAY_GATEWAY and the network${gateway.includes('/alipay-sim/') ? ', or start the simulator' : ''}.`,
      { cause: error },
    )
  }
  return new AlipayUnavailableError(
    method,
    'response',
    `The Alipay gateway ${gateway} sent an unexpected answer to ${method} (${text.slice(0, 200)}): check ALIPAY_GATEWAY.`,
    { cause: error },
  )
}

/** The SDK's options for either mode; certificates go in as content (the SDK reads SNs from them). */
function verificationOptions(config: AlipayVerification) {
  if (config.mode === 'cert') {
    if (!config.appCert || !config.alipayPublicCert || !config.alipayRootCert)
      throw new Error('Certificate mode needs the app, Alipay public and Alipay root certificates.')
    return {
      appCertContent: config.appCert,
      alipayPublicCertContent: config.alipayPublicCert,
      alipayRootCertContent: config.alipayRootCert,
    }
  }
  if (!config.alipayPublicKey) {
    // The SDK would silently skip verification; we never accept unverified answers.
    throw new Error("Alipay's public key is required: responses are always signature-checked.")
  }
  return { alipayPublicKey: normalizePublicKey(config.alipayPublicKey, "Alipay's public key") }
}

export function createAlipayClient(config: AlipayClientConfig): AlipayClient {
  const { appId, gateway } = config
  const mode = config.mode ?? 'public-key'
  const sdk = new AlipaySdk({
    appId,
    privateKey: normalizePrivateKey(config.privateKey, 'the Alipay private key'),
    keyType: 'PKCS8', // normalizePrivateKey always yields PKCS8
    ...verificationOptions(config),
    gateway,
    signType: 'RSA2',
    camelcase: true,
    timeout: config.timeoutMs ?? DEFAULT_ALIPAY_TIMEOUT_MS,
  })

  return {
    appId,
    gateway,
    async exec<T>(method: string, bizContent?: Record<string, unknown>, extra: AlipayExtraParams = {}) {
      const params: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(extra))
        if (value !== undefined && value !== '') params[key] = value
      if (bizContent) params.bizContent = bizContent
      let result: SdkResult
      try {
        result = (await sdk.exec(method, params, { validateSign: true })) as SdkResult
      } catch (error) {
        throw unavailable(method, gateway, error, mode)
      }
      if (result.code === undefined || result.code === '10000') return result as T
      if (result.code === '20000') {
        throw new AlipayUnavailableError(
          method,
          'service',
          `Alipay is temporarily unavailable for ${method} (${result.subCode ?? result.code}); try again later.`,
        )
      }
      throw new AlipayBusinessError(method, result.code, result.msg ?? '', result.subCode, result.subMsg)
    },
    verifyNotify: (fields) => sdk.checkNotifySignV2(fields),
    sdkExecute(method, bizContent, extra = {}) {
      const params: Record<string, unknown> = { bizContent }
      for (const [key, value] of Object.entries(extra))
        if (value !== undefined && value !== '') params[key] = value
      return sdk.sdkExecute(method, params)
    },
  }
}
