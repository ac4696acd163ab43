/**
 * Adds a field name to the response's `Vary` header without dropping what other plugins put
 * there (e.g. @fastify/cors adds `Origin` when several origins are allowed).
 */
import type { FastifyInstance, FastifyReply } from 'fastify'

export function appendVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary')
  const existing = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (existing.includes('*')) return
  if (existing.some((name) => name.toLowerCase() === field.toLowerCase())) return
  reply.header('vary', [...existing, field].join(', '))
}

/**
 * For a plugin whose answers are localized by Accept-Language and private to whoever asked
 * (orders, after-sales, the merchant's views): caches key on the language and store nothing.
 */
export function localizedAndPrivate(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    appendVary(reply, 'Accept-Language')
  })
  privateAnswers(app)
}

/** For a plugin whose answers are private to whoever asked (the staff's own views): caches store nothing. */
export function privateAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
}
