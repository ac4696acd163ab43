import type { ApiErrorCode } from '@contract'
import { SKU_STOCK_MAX } from '@contract/limits'
import { isMessageKey, type Translate } from '../i18n'
import { ApiError } from './api'

/** Codes the console itself gives a failed request: no answer, an answer without an error body, anything else thrown. */
export type ClientErrorCode = 'network_error' | 'http_error' | 'client_error'

/**
 * The codes a console page can get, each worded in every language (error.<code>). Codes for the
 * buyer's app (auth_code_invalid, order_not_payable…) are left out: they fall back to a generic
 * line with the server's message, as does any code a newer or other backend adds.
 */
export const CONSOLE_ERROR_CODES: readonly (ApiErrorCode | ClientErrorCode)[] = [
  'bad_request',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal_error',
  'unauthorized',
  'session_expired',
  'alipay_unavailable',
  'alipay_refused',
  'insufficient_stock',
  'stock_limit',
  'order_not_cancellable',
  'order_not_shippable',
  'refund_exceeds_paid',
  'after_sales_not_actionable',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'staff_name_taken',
  'staff_disable_self',
  'staff_last_owner',
  'unknown_category',
  'unknown_image',
  'image_content_mismatch',
  'network_error',
  'http_error',
]

/** Numbers some texts name, from the rule the server applies. */
const ERROR_TEXT_VALUES = { stockMax: SKU_STOCK_MAX.toLocaleString('en-US') }

/** Any thrown value as an ApiError, so every error has a code and a message. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error))
}

/**
 * The server refused because the thing changed since the page loaded (already shipped, already
 * approved, the last owner): what the page shows is stale and reloads.
 */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409
}

/**
 * What to show for an error: our words for a code we know, else a generic line in the console's
 * language with the server's message (never the server's English alone).
 */
export function errorText(t: Translate, error: unknown): string {
  const apiError = asApiError(error)
  const key = `error.${apiError.code}`
  const values = { ...ERROR_TEXT_VALUES, message: apiError.message }
  return isMessageKey(key) ? t(key, values) : t('error.other', values)
}
