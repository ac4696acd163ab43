/**
 * Fastify's Ajv coerces types in bodies too (`coerceTypes: 'array'`): `"quantity": "2"` would
 * become 2, `true` would become 1, and a lone object where an array belongs would be wrapped in
 * one. For orders, addresses and logins that is too forgiving, so every route with a body schema
 * also checks the raw JSON against it WITHOUT coercion, in a preValidation hook added here, once,
 * for all routes. Unknown properties are dropped before the check (as Ajv then drops them from the
 * body), so a client-sent price is ignored, not an error.
 */
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { preValidationAsyncHookHandler, RouteOptions } from 'fastify'
import { HttpError } from './errors'
import { applyToWholeApp } from './plugin-scope'

function strictBody(schema: TSchema): preValidationAsyncHookHandler {
  return async (request) => {
    // No body at all: the route's schema alone decides whether that is allowed.
    if (request.body === undefined) return
    const cleaned = Value.Clean(schema, structuredClone(request.body))
    if (Value.Check(schema, cleaned)) return
    const first = Value.Errors(schema, cleaned).First()
    const where = `body${first?.path ?? ''}`
    throw new HttpError(400, 'bad_request', `${where}: ${first?.message ?? 'invalid'}`)
  }
}

/** Runs after the route's own preValidation hooks (e.g. the Idempotency-Key check comes first). */
function addStrictBodyCheck(route: RouteOptions): void {
  const schema = route.schema?.body as TSchema | undefined
  if (!schema) return
  const own = route.preValidation ? [route.preValidation].flat() : []
  route.preValidation = [...own, strictBody(schema)]
}

/** Register before any route: Fastify's onRoute hook only sees routes added after it. */
export const strictBodies = applyToWholeApp('strict-bodies', async (app) => {
  app.addHook('onRoute', addStrictBodyCheck)
})
