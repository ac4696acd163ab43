/**
 * One shape for what every cashier answers. `my.tradePay` reports its code in the `success`
 * callback as `{ resultCode: '9000' }` (Alipay's docs), `@tarojs/taro`'s typings say
 * `res.response.resultCode`, the JSBridge passes `{ resultCode }`, numbers happen, and failures may
 * carry only `{ error, errorMessage }`. Anything unreadable becomes the code 'unknown'.
 */
export interface TradePayResult {
  code: string
  /** What the platform gave, for logs and the developer panel. */
  raw: unknown
}

function readCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value)
  if (typeof value === 'string' && /^\d{1,6}$/.test(value.trim())) return value.trim()
  return undefined
}

export function normalizeTradePayResult(raw: unknown): TradePayResult {
  const result = (raw ?? {}) as Record<string, unknown>
  const response = (result.response ?? {}) as Record<string, unknown>
  const code =
    readCode(result.resultCode) ??
    readCode(response.resultCode) ??
    readCode(result.result_code) ??
    // A failure with no result code, e.g. `{ error: 4, errorMessage: '无权限调用' }`.
    readCode(result.error) ??
    'unknown'
  return { code, raw }
}
