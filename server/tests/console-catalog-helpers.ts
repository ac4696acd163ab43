/** Shared by the console-catalog suites (not a test file itself): requests as owner or staff. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Db } from '../db/types'
import type { ShipAuditRow } from './merchant-helpers'

/** A product as the owner creates it in the console. */
export const NEW_PRODUCT = {
  categoryId: 'home',
  title: { 'zh-CN': '亚麻托特包', en: 'Linen Tote Bag!' },
  description: { 'zh-CN': '结实耐用。', en: 'Strong and simple.' },
  images: ['candle-soy.png'],
  price: 5900,
  stock: 12,
}

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

export function catalogAudit(db: Db, targetType: string, targetId: string): Promise<ShipAuditRow[]> {
  return db.query<ShipAuditRow>(
    `select staff_id::text, action, target_type, target_id, before, after
       from audit_log where target_type = $1 and target_id = $2 order by id`,
    [targetType, targetId],
  )
}
