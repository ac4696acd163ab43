import { Type, type Static } from '@sinclair/typebox'

/**
 * Every error the API returns has this body, whatever the status.
 * `code` is stable and meant for programs; `message` is for people.
 */
export const ApiErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable machine-readable error code, e.g. bad_request' }),
    message: Type.String({ description: 'Human-readable explanation, safe to show' }),
    requestId: Type.Optional(Type.String({ description: 'Echo of the X-Request-Id of the failed request' })),
  },
  { title: 'ApiError' },
)
export type ApiErrorBody = Static<typeof ApiErrorBody>

/** Error codes the reference server emits. Other backends may add their own. */
export type ApiErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal_error'
  // accounts and orders
  | 'unauthorized' // 401: no or unknown session token
  | 'session_expired' // 401: log in again (the client does this once, transparently)
  | 'auth_code_invalid' // 400: Alipay refused the auth code (used, expired, or from another app)
  | 'alipay_unavailable' // 502: Alipay (or its simulator) did not answer as expected
  | 'idempotency_key_required' // 400
  | 'idempotency_key_reused' // 409: same key, different request body
  | 'unknown_sku' // 400 (or 409 when it went off sale)
  | 'insufficient_stock' // 409
  | 'order_not_cancellable' // 409: already paid or closed
  // payments
  | 'order_not_payable' // 409: already paid, closed or expired (the message says which)
  | 'unknown_deposit_item' // 400: not one of the rentable items
  | 'ticket_invalid' // 401: web-view ticket unknown, used, expired, or for another order
