/**
 * JSON bodies, parsed by Fastify's own safe parser, except that an empty body counts as "no
 * body". Mini-program request APIs send `Content-Type: application/json` on every request (Taro's
 * Alipay adapter sets it by default), so a body-less POST /cancel or DELETE /session must not be
 * refused as "empty JSON". Routes that need a body still get a 400 from their schema.
 */
import type { FastifyInstance } from 'fastify'

export function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') {
      done(null, undefined)
      return
    }
    parseJson(request, text, done)
  })
}
