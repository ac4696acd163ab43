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

export class RequestError extends Error {
  readonly kind: RequestErrorKind
  readonly status?: number
  /** The server's machine-readable `code` (4xx/5xx bodies). */
  readonly code?: string
  readonly requestId?: string

  constructor(init: {
    kind: RequestErrorKind
    message: string
    status?: number
    code?: string
    requestId?: string
  }) {
    super(init.message)
    this.name = 'RequestError'
    this.kind = init.kind
    this.status = init.status
    this.code = init.code
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
