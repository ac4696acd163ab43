import type { FastifyPluginAsync } from 'fastify'

/**
 * Marks a plugin as "not encapsulated", so its hooks and handlers apply to the whole app, the
 * same thing `fastify-plugin` does (Fastify honours these two symbols); used for cross-cutting
 * concerns such as error handling and request ids.
 */
export function applyToWholeApp<Options extends Record<string, unknown>>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  const marked = plugin as FastifyPluginAsync<Options> & Record<symbol, unknown>
  marked[Symbol.for('skip-override')] = true
  marked[Symbol.for('fastify.display-name')] = name
  return marked
}
