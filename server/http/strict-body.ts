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
import type { ValueError } from '@sinclair/typebox/value'
import type { preValidationAsyncHookHandler, RouteOptions } from 'fastify'
import {
  NO_CONTROL_CHARACTERS_PATTERN,
  OPTIONAL_VISIBLE_TEXT_PATTERN,
  VISIBLE_TEXT_PATTERN,
} from '../../contract/limits'
import { HttpError } from './errors'
import { applyToWholeApp } from './plugin-scope'

/** The text rules of contract/limits.ts in words: the pattern itself tells a client nothing. */
const TEXT_RULE_MESSAGES: Record<string, string> = {
  [VISIBLE_TEXT_PATTERN]:
    'must show at least one visible character (not only spaces, zero-width or direction marks) and contain no control or text-direction characters',
  [OPTIONAL_VISIBLE_TEXT_PATTERN]:
    'must be empty or show at least one visible character, and contain no control or text-direction characters',
  [NO_CONTROL_CHARACTERS_PATTERN]: 'must not contain control or text-direction characters',
}

function describe(error: ValueError | undefined): string {
  const pattern = (error?.schema as { pattern?: unknown } | undefined)?.pattern
  return (typeof pattern === 'string' && TEXT_RULE_MESSAGES[pattern]) || (error?.message ?? 'invalid')
}

function strictBody(schema: TSchema): preValidationAsyncHookHandler {
  return async (request) => {
    // No body at all: the route's schema alone decides whether that is allowed.
    if (request.body === undefined) return
    const cleaned = Value.Clean(schema, structuredClone(request.body))
    if (Value.Check(schema, cleaned)) return
    const first = Value.Errors(schema, cleaned).First()
    const where = `body${first?.path ?? ''}`
    throw new HttpError(400, 'bad_request', `${where}: ${describe(first)}`)
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
