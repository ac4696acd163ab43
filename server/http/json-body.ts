/**
 * JSON bodies, parsed by Fastify's own safe parser, except that an empty body counts as "no
 * body". Mini-program request APIs send `Content-Type: application/json` on every request (Taro's
 * Alipay adapter sets it by default), so a body-less POST /cancel or DELETE /session must not be
 * refused as "empty JSON". Routes that need a body still get a 400 from their schema.
 *
 * Nesting is bounded before parsing: later steps (the strict body check's structuredClone, schema
 * validation) recurse, and 20,000 nested arrays would overflow the stack there (a 500).
 */
import type { FastifyInstance } from 'fastify'
import { HttpError } from './errors'

/** Most levels of arrays and objects in a JSON body; the API's own bodies use 3. */
export const JSON_NESTING_MAX = 32

/** True when arrays and objects nest deeper than `max`; one pass, brackets inside strings ignored. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > max) return true
    } else if (char === 0x5d || char === 0x7d) depth--
  }
  return false
}

export function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') {
      done(null, undefined)
      return
    }
    if (nestsDeeperThan(text, JSON_NESTING_MAX)) {
      done(
        new HttpError(
          400,
          'bad_request',
          `Request body nests arrays and objects more than ${JSON_NESTING_MAX} levels deep.`,
        ),
        undefined,
      )
      return
    }
    parseJson(request, text, done)
  })
}
