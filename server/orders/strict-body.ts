/**
 * Fastify's Ajv coerces types in bodies too (`coerceTypes: 'array'`): `"quantity": "2"` would
 * become 2, `true` would become 1, and a lone object where an array belongs would be wrapped in
 * one. For an order that is too forgiving, so this preValidation hook checks the raw JSON against
 * the route's TypeBox schema WITHOUT coercion. Unknown properties are dropped before the check
 * (as Ajv then drops them from the body), so a client-sent price is ignored, not an error.
 */
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { preValidationAsyncHookHandler } from 'fastify'
import { HttpError } from '../http/errors'

export function strictBody(schema: TSchema): preValidationAsyncHookHandler {
  return async (request) => {
    const cleaned = Value.Clean(schema, structuredClone(request.body))
    if (Value.Check(schema, cleaned)) return
    const first = Value.Errors(schema, cleaned).First()
    const where = `body${first?.path ?? ''}`
    throw new HttpError(400, 'bad_request', `${where}: ${first?.message ?? 'invalid'}`)
  }
}
