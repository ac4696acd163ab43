/**
 * `my.request` / `wx.request` over real HTTP to the test server, with each platform's contract:
 * - Alipay: `headers`; JSON-encodes `data` only when content-type says JSON (form-encodes it
 *   otherwise, GET puts it in the query); `success({ data, status, headers })` for 2xx only;
 *   `fail({ error: 19, status, data })` for other statuses, `error: 14` for a 2xx body that is
 *   not JSON, `13` timeout, `12` network.
 * - WeChat: `header`; `success({ data, statusCode, header })` for every status, `fail({ errMsg })`.
 * The app's baked API origin (http://localhost:3000) is rewritten to the test server's address.
 */
import { alipayRequestFailure } from '../alipay-request-failures'

export type Platform = 'alipay' | 'weapp'

export interface HttpRecord {
  method: string
  url: string
  status: number | 'failed'
}

export interface HttpBridgeOptions {
  platform: Platform
  apiOrigin: string
  baseUrl: string
  /** Called with results created in the mini-program's realm. */
  toContext: <T>(value: T) => T
  /** Runs a callback unless the runtime has been closed meanwhile. */
  deliver: (callback: () => void) => void
  record: (entry: HttpRecord) => void
}

type Callback = ((result: unknown) => void) | undefined
interface RequestOptions {
  url: string
  method?: string
  data?: unknown
  headers?: Record<string, string>
  header?: Record<string, string>
  dataType?: string
  timeout?: number
  success?: Callback
  fail?: Callback
  complete?: Callback
}

const formEncode = (data: Record<string, unknown>) =>
  Object.entries(data)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')

function encodeRequest(options: RequestOptions, headers: Record<string, string>) {
  const method = (options.method ?? 'GET').toUpperCase()
  let url = options.url
  const { data } = options
  if (data === undefined || data === null) return { method, url, body: undefined }
  if (method === 'GET') {
    const query = typeof data === 'string' ? data : formEncode(data as Record<string, unknown>)
    if (query) url += (url.includes('?') ? '&' : '?') + query
    return { method, url, body: undefined }
  }
  if (typeof data === 'string') return { method, url, body: data }
  const contentType = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1] ?? ''
  const body = /json/i.test(contentType) ? JSON.stringify(data) : formEncode(data as Record<string, unknown>)
  return { method, url, body }
}

export function createRequest(bridge: HttpBridgeOptions) {
  return function request(options: RequestOptions) {
    const headers = { ...(bridge.platform === 'alipay' ? options.headers : options.header) }
    const { method, url, body } = encodeRequest(
      { ...options, url: options.url.replace(bridge.apiOrigin, bridge.baseUrl) },
      headers,
    )
    const controller = new AbortController()
    const timeoutMs = options.timeout ?? (bridge.platform === 'alipay' ? 30_000 : 60_000)
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs)
    const settle = (callback: Callback, result: unknown) =>
      bridge.deliver(() => {
        const value = bridge.toContext(result)
        callback?.(value)
        options.complete?.(value)
      })

    void (async () => {
      let status: number | 'failed' = 'failed'
      try {
        const response = await fetch(url, { method, headers, body, signal: controller.signal })
        status = response.status
        const text = await response.text()
        const responseHeaders: Record<string, string> = {}
        response.headers.forEach((value, key) => (responseHeaders[key] = value))
        let data: unknown = text
        let isJson = false
        if (options.dataType !== 'text') {
          try {
            data = text ? JSON.parse(text) : ''
            isJson = text !== ''
          } catch {
            // Not JSON: the platforms hand over the text (WeChat) or fail (Alipay, below).
          }
        }
        if (bridge.platform === 'weapp') {
          settle(options.success, { data, statusCode: status, header: responseHeaders, errMsg: 'request:ok' })
        } else if (status < 200 || status >= 300) {
          settle(options.fail, alipayRequestFailure.httpStatus(status, text, responseHeaders))
        } else if (!isJson && options.dataType !== 'text' && text !== '') {
          settle(options.fail, alipayRequestFailure.notJson(status))
        } else {
          settle(options.success, { data, status, headers: responseHeaders })
        }
      } catch (error) {
        const timedOut = controller.signal.aborted
        settle(
          options.fail,
          bridge.platform === 'weapp'
            ? { errMsg: `request:fail ${timedOut ? 'timeout' : String(error)}` }
            : timedOut
              ? alipayRequestFailure.timeout()
              : alipayRequestFailure.network(String(error)),
        )
      } finally {
        clearTimeout(timer)
        bridge.record({ method, url: url.replace(bridge.baseUrl, ''), status })
      }
    })()
    return { abort: () => controller.abort(new Error('aborted')) }
  }
}
