/**
 * The two ways an Alipay call fails, so callers can tell "Alipay said no" (show the buyer, or map
 * to a 4xx) from "we could not get a trustworthy answer" (retry later, 502).
 */

/** Alipay answered, verifiably, with a code other than 10000 (e.g. 40002 isv.code-invalid, 40004 ACQ.*). */
export class AlipayBusinessError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    readonly msg: string,
    readonly subCode: string | undefined,
    readonly subMsg: string | undefined,
  ) {
    super(`${method} failed: ${code} ${msg}${subCode ? ` (${subCode}${subMsg ? `: ${subMsg}` : ''})` : ''}`)
    this.name = 'AlipayBusinessError'
  }
}

export type AlipayUnavailableReason =
  | 'network' // gateway unreachable or timed out
  | 'http' // a status other than 200
  | 'signature' // response signature missing or wrong: the answer cannot be trusted
  | 'response' // not the JSON shape Alipay sends
  | 'service' // Alipay's own 20000 "Service Currently Unavailable"

/** No trustworthy answer from Alipay. The message says what to check; `cause` has the SDK's error. */
export class AlipayUnavailableError extends Error {
  constructor(
    readonly method: string,
    readonly reason: AlipayUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AlipayUnavailableError'
  }
}

/**
 * Sub codes that are not a refusal but "系统错误/系统异常, 请重试": Alipay's error lists (the
 * alipay.trade.* methods' and the common ones) say to call again with the same parameters. A
 * business error with one of them is an answer in doubt, retried like no answer at all.
 */
export const SYSTEM_ERROR_SUB_CODES: ReadonlySet<string> = new Set([
  'ACQ.SYSTEM_ERROR',
  'AQC.SYSTEM_ERROR',
  'SYSTEM_ERROR',
])

/** Alipay verifiably said no: a business error that is not a "system error, try again". */
export const isRefusal = (error: unknown): error is AlipayBusinessError =>
  error instanceof AlipayBusinessError && !SYSTEM_ERROR_SUB_CODES.has(error.subCode ?? '')
