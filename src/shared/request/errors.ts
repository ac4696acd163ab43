import type { ApiErrorCode } from '@contract'

/**
 * Every failed request becomes a RequestError of one kind, so screens can say what happened
 * and whether retrying can help.
 */
export type RequestErrorKind =
  | 'network' // offline, DNS, connection refused or reset
  | 'timeout'
  | 'client' // 4xx: the server refused the request; `code` and `message` come from the server
  | 'server' // 5xx
  | 'bad_response' // 2xx whose body is not what the API promises
  | 'config' // the app cannot know where its server is

/** Kinds of failure the app finds itself: no server answer carries their code. */
export type LocalFailureKind = Exclude<RequestErrorKind, 'client' | 'server'>

/**
 * Codes the app gives failures the server did not name: a local failure is coded by its kind,
 * an HTTP error whose body has no `code` by its status (`http_502`).
 */
export type ClientErrorCode = LocalFailureKind | `http_${number}`

/**
 * Every `code` a RequestError carries. Server codes are trusted as the contract states them, like
 * every response body; a code another backend adds simply matches none of the app's checks.
 */
export type RequestErrorCode = ApiErrorCode | ClientErrorCode

type RequestErrorInit = { message: string; status?: number; requestId?: string } & (
  { kind: 'client' | 'server'; code: RequestErrorCode } | { kind: LocalFailureKind; code?: never }
)

export class RequestError extends Error {
  readonly kind: RequestErrorKind
  readonly status?: number
  /** What went wrong, for programs: the server's `code`, or the app's own for local failures. */
  readonly code: RequestErrorCode
  readonly requestId?: string

  constructor(init: RequestErrorInit) {
    super(init.message)
    this.name = 'RequestError'
    this.kind = init.kind
    this.status = init.status
    this.code = init.kind === 'client' || init.kind === 'server' ? init.code : init.kind
    this.requestId = init.requestId
  }

  /** Whether the same request may succeed if simply sent again. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server'
  }
}

export function isRequestError(error: unknown): error is RequestError {
  return error instanceof RequestError
}
