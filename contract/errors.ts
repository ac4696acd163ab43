import { Type, type Static } from '@sinclair/typebox'

/** Error codes the reference server emits, with their usual status. Other backends may add their own. */
export const API_ERROR_CODES = [
  'bad_request', // 400
  'not_found', // 404
  'payload_too_large', // 413
  'unsupported_media_type', // 415
  'rate_limited', // 429
  'unavailable', // 503
  'internal_error', // 500
  // accounts and orders
  'unauthorized', // 401: no or unknown session token
  'session_expired', // 401: log in again (the client does this once, transparently)
  'auth_code_invalid', // 400: Alipay refused the auth code (used, expired, or from another app)
  'alipay_unavailable', // 502: Alipay (or its simulator) did not answer as expected
  'idempotency_key_required', // 400
  'idempotency_key_reused', // 409: same key, different request body
  'unknown_sku', // 400 (or 409 when it went off sale)
  'insufficient_stock', // 409
  'order_not_cancellable', // 409: already paid or closed
  'order_not_receivable', // 409: not shipped (not yet, or already received)
  'order_not_shippable', // 409: not paid, already shipped with another carrier or tracking number, an open after-sales request, or refunded in full
  // payments
  'order_not_payable', // 409: already paid, closed or expired (the message says which)
  'unknown_deposit_item', // 400: not one of the rentable items
  'deposit_not_endable', // 409: the deposit is not frozen, or already ends another way (the message says which)
  'charge_exceeds_deposit', // 400: a damage charge above the frozen deposit
  'alipay_refused', // 409: Alipay refused the unfreeze or the charge (the message names its sub_code); nothing changed
  'ticket_invalid', // 401: web-view ticket unknown, used, expired, or for another order
  'refund_exceeds_paid', // 409: refunds (not failed) would add up to more than was paid
  // after-sales
  'after_sales_not_allowed', // 409: the order's status does not allow this kind (not paid, not shipped, completed)
  'after_sales_quantity_exceeded', // 409: more units than bought and not already claimed
  'after_sales_line_open', // 409: another open request holds one of these lines
  'after_sales_not_actionable', // 409: the request is not in a state that allows this action (the message says which)
  // merchant (staff) API; unauthorized and session_expired apply to staff tokens too
  'invalid_credentials', // 401: wrong staff name or password (one message for both)
  'forbidden', // 403: the staff member's role does not allow this action
  'csrf_failed', // 403: a console (cookie) request that changes something lacks the CSRF token, or came from another origin
  'staff_name_taken', // 409: a staff account already has this name
  'staff_disable_self', // 409: nobody disables their own account
  'staff_last_owner', // 409: the last enabled owner cannot be disabled
  // per-buyer caps (server/limits/config.ts); rate_limited (429, with Retry-After) is above
  'unpaid_orders_limit', // 409: the buyer already holds the most unpaid orders allowed; pay or cancel one first
  'unpaid_units_limit', // 409: more units of one SKU than a buyer may hold across unpaid orders; pay or cancel one first
  // catalog (merchant console); a stock adjustment below 0 is insufficient_stock (409)
  'unknown_category', // 400: no (active) category with that id
  'unknown_image', // 400: a product names an image that is neither a sample nor an upload
  'image_content_mismatch', // 415: the upload's first bytes are not the image type its Content-Type says
  'stock_limit', // 409: a stock adjustment would take a SKU above SKU_STOCK_MAX
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/**
 * Every error the API returns has this body, whatever the status.
 * `code` is stable and meant for programs; `message` is for people.
 */
export const ApiErrorBody = Type.Object(
  {
    code: Type.Unsafe<ApiErrorCode>({
      type: 'string',
      enum: [...API_ERROR_CODES],
      description: 'Stable machine-readable error code, e.g. bad_request',
    }),
    message: Type.String({ description: 'Human-readable explanation, safe to show' }),
    requestId: Type.Optional(Type.String({ description: 'Echo of the X-Request-Id of the failed request' })),
  },
  { title: 'ApiError' },
)
export type ApiErrorBody = Static<typeof ApiErrorBody>
