/**
 * The audit log for owners, registered under `/api/merchant`: `GET /audit`, newest first, paged
 * and filtered (audit-log.ts). Owners only (403 `forbidden` for staff), checked on `onRequest`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody, AuditListQuery, AuditPage } from '../../contract'
import type { Db } from '../db/types'
import { toPage } from '../http/paging'
import { privateAnswers } from '../http/vary'
import { listAudit } from './audit-log'
import { requireRole, requireStaff } from './guard'
import { MERCHANT_ROUTE } from './plugin'

export interface AuditRoutesOptions {
  db: Db
}

export const auditRoutes: FastifyPluginAsyncTypebox<AuditRoutesOptions> = async (app, { db }) => {
  app.addHook('onRequest', requireStaff(db))
  app.addHook('onRequest', requireRole('owner'))
  privateAnswers(app)

  app.get(
    '/audit',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Who did what, when, before → after: newest first (owner only)',
        querystring: AuditListQuery,
        response: { 200: AuditPage, 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody },
      },
    },
    async (request) => {
      const { items, total } = await listAudit(db, request.query)
      return toPage(items, total, request.query)
    },
  )
}
