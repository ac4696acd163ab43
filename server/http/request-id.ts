import { randomUUID } from 'node:crypto'
import { applyToWholeApp } from './plugin-scope'

/** Accepted incoming ids: short and log-safe. Anything else is replaced, never trusted. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/

/** For Fastify's `genReqId`: keep the caller's X-Request-Id when it is well-formed. */
export function resolveRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID()
}

/** Echoes the request id on every response (including errors and 404s) for support and tracing. */
export const requestIdHeader = applyToWholeApp('request-id', async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
})
