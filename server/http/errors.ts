/**
 * The single error handler and not-found handler: every error the API returns is
 * `{ code, message, requestId }` (contract/errors.ts). 4xx messages come from validation or from
 * our own HttpErrors and are safe to show; anything else becomes a generic 500 `internal_error`,
 * logged in full with the request id but never leaked to the client. With `hideFailureDetails`
 * (production) a 502 or 503 says as little: its detailed message (which gateway, which DNS error)
 * helps a developer but tells strangers about the infrastructure, so it goes to the log only.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiErrorBody, ApiErrorCode } from '../../contract'
import { applyToWholeApp } from './plugin-scope'

/** Throw from a handler to answer with a specific status and code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (message: string) => new HttpError(404, 'not_found', message)

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
}

/** Fastify's own messages for these are terse or technical (or echo the URL); ours say what to do. */
export const MESSAGE_BY_FASTIFY_CODE: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type; send application/json.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty but Content-Type is application/json.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Request body is not valid JSON.',
  // Router errors, answered by framework-errors.ts.
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment of the URL is too long.',
  FST_ERR_BAD_URL: 'The URL is not valid percent-encoding.',
}

export function toErrorBody(
  error: FastifyError | HttpError,
  requestId: string,
): { status: number; body: ApiErrorBody } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { code: error.code, message: error.message, requestId } }
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    // Validation errors already read like "querystring/page must be >= 1".
    const message = (error.code && MESSAGE_BY_FASTIFY_CODE[error.code]) || error.message
    // By name, not instanceof: Fastify's JSON parser may run in another realm (see native-require.ts).
    if (error.name === 'SyntaxError') {
      return {
        status: 400,
        body: {
          code: 'bad_request',
          message: MESSAGE_BY_FASTIFY_CODE.FST_ERR_CTP_INVALID_JSON_BODY,
          requestId,
        },
      }
    }
    return { status, body: { code: CODE_BY_STATUS[status] ?? 'bad_request', message, requestId } }
  }
  return {
    status: 500,
    body: {
      code: 'internal_error',
      message: 'Something went wrong on our side. Please try again.',
      requestId,
    },
  }
}

/** What a client is told of a failure on our side or upstream when details are hidden. */
export function plainFailureMessage(status: number, requestId: string): string {
  const what =
    status === 502
      ? 'A service this server depends on did not answer as expected.'
      : status === 503
        ? 'The service is unavailable right now.'
        : 'Something went wrong on our side.'
  return `${what} Please try again later; if it keeps happening, quote request id ${requestId}.`
}

export interface ErrorHandlingOptions extends Record<string, unknown> {
  /** Answer 5xx with a plain message and the request id only (production). */
  hideFailureDetails?: boolean
}

export const errorHandling = applyToWholeApp<ErrorHandlingOptions>('error-handling', async (app, options) => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(error, request.id)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: body.code, message: body.message }, 'request rejected')
    if (status >= 500 && options.hideFailureDetails) body.message = plainFailureMessage(status, request.id)
    return reply.status(status).send(body)
  })

  app.setNotFoundHandler((request, reply) => {
    const body: ApiErrorBody = {
      code: 'not_found',
      message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      requestId: request.id,
    }
    return reply.status(404).send(body)
  })
})
