/**
 * Closes two gaps in Ajv's type coercion of query strings and params, which would otherwise let
 * odd numbers through validation:
 *  - "0x10", " 5", "1e3" are coerced to 16, 5, 1000: integer fields must be plain decimal digits;
 *  - "1e400" becomes Infinity and skips minimum/maximum (Ajv only range-checks finite numbers),
 *    and JSON.parse turns 1e400 in a body into Infinity too: non-finite numbers are rejected.
 * Both answer with the usual 400 `bad_request` naming the field.
 */
import type { FastifyRequest } from 'fastify'
import { HttpError } from './errors'
import { applyToWholeApp } from './plugin-scope'

const DECIMAL_INTEGER = /^-?\d+$/

interface ObjectSchema {
  properties?: Record<string, { type?: unknown }>
}

function integerFields(schema: unknown): string[] {
  const properties = (schema as ObjectSchema | undefined)?.properties ?? {}
  return Object.keys(properties).filter((key) => properties[key].type === 'integer')
}

/** Before validation: raw strings of integer fields must be decimal (arrays fail validation anyway). */
function checkDecimalIntegers(request: FastifyRequest): void {
  const schema = request.routeOptions.schema
  for (const [part, label] of [
    ['querystring', 'querystring'],
    ['params', 'params'],
  ] as const) {
    const values = (part === 'querystring' ? request.query : request.params) as
      Record<string, unknown> | undefined
    for (const key of integerFields(schema?.[part])) {
      const value = values?.[key]
      if (typeof value === 'string' && !DECIMAL_INTEGER.test(value)) {
        throw new HttpError(400, 'bad_request', `${label}/${key} must be integer`)
      }
    }
  }
}

function findNonFinite(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = findNonFinite(child, `${path}/${key}`)
      if (found) return found
    }
  }
  return undefined
}

export const numberGuards = applyToWholeApp('number-guards', async (app) => {
  app.addHook('preValidation', async (request) => checkDecimalIntegers(request))
  app.addHook('preHandler', async (request) => {
    const where =
      findNonFinite(request.query, 'querystring') ??
      findNonFinite(request.params, 'params') ??
      findNonFinite(request.body, 'body')
    if (where) throw new HttpError(400, 'bad_request', `${where} must be a finite number`)
  })
})
