import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { ApiErrorBody } from '../../contract'
import type { Db } from '../db/types'

const Health = Type.Object(
  { status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]) },
  { title: 'Health' },
)

export const HEALTH_PATH = '/healthz'

/** Liveness plus a database round-trip, for load balancers and the dev tooling. */
export const healthRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get(
    HEALTH_PATH,
    {
      schema: {
        tags: ['ops'],
        summary: 'Health check (includes a database round-trip)',
        response: { 200: Health, 503: ApiErrorBody },
      },
    },
    async (request, reply) => {
      try {
        await db.query('select 1')
        return { status: 'ok' as const, database: db.kind }
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unavailable')
        return reply.status(503).send({
          code: 'unavailable',
          message: 'Database is unavailable.',
          requestId: request.id,
        } satisfies ApiErrorBody)
      }
    },
  )
}
