import { isMessageKey, type Translate } from '../i18n'
import { ApiError } from './api'

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

/** What to show for an error: our words for a code we know, the server's message otherwise. */
export function errorText(t: Translate, error: unknown): string {
  const apiError = asApiError(error)
  const key = `error.${apiError.code}`
  return isMessageKey(key) ? t(key) : apiError.message
}
