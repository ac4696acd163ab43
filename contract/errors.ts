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
