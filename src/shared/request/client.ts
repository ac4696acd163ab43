import type { ApiErrorCode } from '@contract'
import Taro from '@tarojs/taro'
import { RequestError, type LocalFailureKind } from './errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | undefined | null

export interface RequestOptions {
  method?: HttpMethod
  query?: Record<string, QueryValue>
  body?: unknown
  headers?: Record<string, string>
  timeoutMs?: number
  /** false: a 401 is returned as is, without logging in again (e.g. for logging out). */
  renewSession?: boolean
}

export interface ClientOptions {
  /** Where the API lives, or a RequestError to throw for every request (misconfigured app). */
  baseUrl: string | (() => string)
  timeoutMs?: number
  /** Extra attempts for GET requests that failed transiently. Other methods are never retried. */
  getRetries?: number
  retryDelayMs?: number
  /** Headers added to every request (language, session token...). */
  headers?: () => Record<string, string>
  /**
   * Called once when a request gets 401: renew the session (log in again), then the request is
   * sent once more with fresh headers. A second 401 is returned to the caller.
   */
  renewSession?: () => Promise<void>
}

export interface RequestClient {
  /** Where requests go (throws a config RequestError when the app has no API address). */
  baseUrl(): string
  request<T>(path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>
  put<T>(path: string, body: unknown): Promise<T>
  delete<T>(path: string): Promise<T>
}

interface RawResponse {
  statusCode: number
  data: unknown
}

export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return `${baseUrl}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The server's `{ code, message }`, if the body has that shape (Alipay may hand it over as text). */
function errorBody(data: unknown): { code?: ApiErrorCode; message?: string } {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      return {}
    }
  }
  if (data && typeof data === 'object') {
    const { code, message } = data as Record<string, unknown>
    return {
      code: typeof code === 'string' ? (code as ApiErrorCode) : undefined,
      message: typeof message === 'string' ? message : undefined,
    }
  }
  return {}
}

/** Platforms disagree on how an HTTP error arrives: WeChat/H5 resolve, Alipay rejects with `status`. */
function asHttpResponse(failure: unknown): RawResponse | undefined {
  if (!failure || typeof failure !== 'object') return undefined
  const { status, statusCode, data } = failure as Record<string, unknown>
  const code = typeof statusCode === 'number' ? statusCode : status
  return typeof code === 'number' && code > 0 ? { statusCode: code, data } : undefined
}

/** Alipay's my.request error numbers that are not "the network is down". */
const ALIPAY_FAILURE_KINDS: Record<number, LocalFailureKind> = {
  11: 'config', // the domain is not in the mini-program's whitelist
  13: 'timeout',
  14: 'bad_response', // a 2xx body that is not JSON
}

function transportFailureKind(failure: unknown): LocalFailureKind {
  const alipayError = (failure as { error?: unknown } | null)?.error
  if (typeof alipayError === 'number' && ALIPAY_FAILURE_KINDS[alipayError])
    return ALIPAY_FAILURE_KINDS[alipayError]
  const text = failure && typeof failure === 'object' ? JSON.stringify(failure) : String(failure)
  // WeChat and H5 say "timeout" in errMsg.
  return /time ?out|超时/i.test(text) ? 'timeout' : 'network'
}

function failureMessage(failure: unknown): string {
  const { errMsg, errorMessage } = (failure ?? {}) as { errMsg?: unknown; errorMessage?: unknown }
  const message = typeof errMsg === 'string' ? errMsg : errorMessage
  return typeof message === 'string' && message ? message : 'Network request failed'
}

export function createRequestClient(options: ClientOptions): RequestClient {
  const timeoutMs = options.timeoutMs ?? 10_000
  const getRetries = options.getRetries ?? 2
  const retryDelayMs = options.retryDelayMs ?? 400

  async function attempt(url: string, method: HttpMethod, requestOptions: RequestOptions, requestId: string) {
    const header = {
      'Content-Type': 'application/json',
      'X-Request-Id': requestId,
      ...options.headers?.(),
      ...requestOptions.headers,
    }
    const timeout = requestOptions.timeoutMs ?? timeoutMs
    let task: ReturnType<typeof Taro.request> | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    // The platform's own timeout is not honoured everywhere (H5 fetch), so a timer backs it up.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        task?.abort?.()
        reject(new RequestError({ kind: 'timeout', message: `No answer within ${timeout} ms`, requestId }))
      }, timeout)
    })
    try {
      task = Taro.request({
        url,
        method,
        header,
        data: requestOptions.body as Record<string, unknown> | undefined,
        timeout,
        dataType: 'json',
      })
      const response = (await Promise.race([task, timedOut])) as RawResponse
      return response
    } catch (failure) {
      if (failure instanceof RequestError) throw failure
      const httpResponse = asHttpResponse(failure)
      if (httpResponse) return httpResponse
      throw new RequestError({
        kind: transportFailureKind(failure),
        message: failureMessage(failure),
        requestId,
      })
    } finally {
      clearTimeout(timer)
    }
  }

  function interpret<T>(response: RawResponse, requestId: string): T {
    const { statusCode, data } = response
    if (statusCode >= 200 && statusCode < 300) {
      if (statusCode !== 204 && (data === undefined || data === null || typeof data === 'string')) {
        throw new RequestError({
          kind: 'bad_response',
          message: 'Expected a JSON body',
          status: statusCode,
          requestId,
        })
      }
      return data as T
    }
    const body = errorBody(data)
    throw new RequestError({
      kind: statusCode >= 500 ? 'server' : 'client',
      status: statusCode,
      code: body.code ?? `http_${statusCode}`,
      message: body.message ?? `HTTP ${statusCode}`,
      requestId,
    })
  }

  async function request<T>(path: string, requestOptions: RequestOptions = {}): Promise<T> {
    const method = requestOptions.method ?? 'GET'
    const baseUrl = typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl
    const url = buildUrl(baseUrl, path, requestOptions.query)
    const requestId = newRequestId()
    // Only GET is idempotent by contract; a retried POST could create a second order.
    const attempts = method === 'GET' ? getRetries + 1 : 1
    let renewed = false
    for (let attemptNo = 1; ; attemptNo++) {
      try {
        return interpret<T>(await attempt(url, method, requestOptions, requestId), requestId)
      } catch (error) {
        // A 401 was refused before anything happened, so sending it again is safe for any method
        // (POST /api/orders also carries its Idempotency-Key).
        if (
          error instanceof RequestError &&
          error.status === 401 &&
          options.renewSession &&
          requestOptions.renewSession !== false &&
          !renewed
        ) {
          renewed = true
          await options.renewSession()
          attemptNo--
          continue
        }
        const retryable = error instanceof RequestError && error.transient && attemptNo < attempts
        if (!retryable) throw error
        await sleep(retryDelayMs * 2 ** (attemptNo - 1))
      }
    }
  }

  return {
    baseUrl: () => (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl),
    request,
    get: (path, query) => request(path, { method: 'GET', query }),
    post: (path, body, headers) => request(path, { method: 'POST', body, headers }),
    put: (path, body) => request(path, { method: 'PUT', body }),
    delete: (path) => request(path, { method: 'DELETE' }),
  }
}
