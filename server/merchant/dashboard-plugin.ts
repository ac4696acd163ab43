/**
 * The console's dashboard for any staff member, registered under `/api/merchant`:
 * `GET /dashboard` (dashboard.ts). Needs a staff session, checked on `onRequest`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody, MerchantDashboard } from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { privateAnswers } from '../http/vary'
import { requireStaff } from '../staff/guard'
import { MERCHANT_ROUTE } from '../staff/plugin'
import { readDashboard } from './dashboard'

export interface DashboardRoutesOptions {
  db: Db
  config: ServerConfig
}

export const dashboardRoutes: FastifyPluginAsyncTypebox<DashboardRoutesOptions> = async (app, options) => {
  const { db, config } = options
  app.addHook('onRequest', requireStaff(db))
  privateAnswers(app)

  app.get(
    '/dashboard',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "Today's paid orders and revenue, orders to ship, open after-sales, the last days",
        response: { 200: MerchantDashboard, 401: ApiErrorBody },
      },
    },
    async () => readDashboard(db, config.shopTimeZone),
  )
}
