/**
 * The console's one way to the API: same-origin JSON with the session cookie. It is the only
 * place that adds the CSRF header, and it turns every non-2xx answer into an ApiError.
 */
import type { ApiErrorBody } from '@contract'
import { CONSOLE_CSRF_HEADER } from '@contract/limits'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | undefined
export type Query = Record<string, QueryValue>

let csrfToken: string | undefined
let language = 'zh-CN'
let onUnauthorized: (() => void) | undefined

/** The session's token, from POST or GET /session; cleared on log out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token
}

/** Sent as Accept-Language: the server localizes product titles and categories. */
export function setApiLanguage(locale: string): void {
  language = locale
}

/** Called on any 401 outside the session routes: the session ended, the console shows the login page. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

interface RequestOptions {
  body?: unknown
  /** Raw bytes (an upload) instead of JSON, with their own Content-Type. */
  rawBody?: Blob
  /** A 401 here is an answer, not the end of the session (logging in, restoring the session). */
  expectUnauthorized?: boolean
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language }
  if (method !== 'GET' && csrfToken) headers[CONSOLE_CSRF_HEADER] = csrfToken
  let body: BodyInit | undefined
  if (options.rawBody) {
    body = options.rawBody
    headers['content-type'] = options.rawBody.type
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] = 'application/json'
  }
  let response: Response
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  } catch (error) {
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error))
  }
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => undefined)
  if (response.ok) return payload as T
  const error = toApiError(response.status, payload)
  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.()
  throw error
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) return new ApiError(status, payload.code, payload.message)
  return new ApiError(status, 'http_error', `HTTP ${status}`)
}

function isErrorBody(payload: unknown): payload is Pick<ApiErrorBody, 'code' | 'message'> {
  if (typeof payload !== 'object' || payload === null) return false
  const { code, message } = payload as Record<string, unknown>
  return typeof code === 'string' && typeof message === 'string'
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
}

/**
 * Sends a file's bytes as the body (Content-Type = its type), reporting progress from 0 to 100.
 * XMLHttpRequest because fetch does not report upload progress.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', path)
    request.withCredentials = true
    request.setRequestHeader('accept', 'application/json')
    request.setRequestHeader('content-type', file.type)
    if (csrfToken) request.setRequestHeader(CONSOLE_CSRF_HEADER, csrfToken)
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    request.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'))
    request.onload = () => {
      let payload: unknown
      try {
        payload = JSON.parse(request.responseText)
      } catch {
        payload = undefined
      }
      if (request.status >= 200 && request.status < 300) return resolve(payload as T)
      if (request.status === 401) onUnauthorized?.()
      reject(toApiError(request.status, payload))
    }
    request.send(file)
  })
}
