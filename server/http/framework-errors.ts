/**
 * For Fastify's `frameworkErrors` option (server/app.ts): errors its router raises before any
 * route, hook or error handler runs, answered in the API's `{ code, message, requestId }` shape.
 * Without it Fastify answers `{ statusCode, error, code: 'FST_ERR_…', message }` itself, with the
 * whole URL echoed in the message: a path parameter over 100 characters (`/api/orders/<300
 * digits>`, 414) or a URL component that is not valid percent-encoding (`/api/products/%E4%B8`, 400).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiErrorBody } from '../../contract'
import { MESSAGE_BY_FASTIFY_CODE } from './errors'

export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode === 414 ? 414 : 400
  const body: ApiErrorBody = {
    code: 'bad_request',
    message: (error.code && MESSAGE_BY_FASTIFY_CODE[error.code]) || 'Malformed request URL.',
    requestId: request.id,
  }
  void reply.status(status).send(body)
}
