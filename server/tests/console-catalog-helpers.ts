/** Shared by the console-catalog suites (not a test file itself): requests as owner or staff. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Db } from '../db/types'

export type Headers = Record<string, string>

export function request(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Headers,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { 'accept-language': 'en', ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
}

export interface CatalogAuditRow {
  staff_id: string
  action: string
  target_type: string
  target_id: string
  before: unknown
  after: unknown
}

export function catalogAudit(db: Db, targetType: string, targetId: string): Promise<CatalogAuditRow[]> {
  return db.query<CatalogAuditRow>(
    `select staff_id::text, action, target_type, target_id, before, after
       from audit_log where target_type = $1 and target_id = $2 order by id`,
    [targetType, targetId],
  )
}
