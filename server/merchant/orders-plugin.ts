/**
 * Orders for the shop's staff, registered under `/api/merchant`: every buyer's orders, listed and
 * read, and shipping. Every route needs a staff token: the check runs on `onRequest`, before the
 * body is parsed, so a request without one (or with a buyer's) is a 401 whatever it sends.
 *
 * POST /orders/:id/shipment ships a paid order (shipping.ts) and answers the order; the same
 * shipment again answers the same order with `Idempotent-Replayed: true`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  ApiErrorBody,
  MerchantOrder,
  MerchantOrderListQuery,
  MerchantOrderPage,
  OrderIdParams,
  ShipmentInput,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { imageUrlFor } from '../http/public-urls'
import { localizedAndPrivate } from '../http/vary'
import { requireStaff, staffOf } from '../staff/guard'
import { MERCHANT_ROUTE } from '../staff/plugin'
import { findAnyOrder, listAllOrders } from './orders-repository'
import { shipAsStaff } from './shipping'
import { toPage } from '../http/paging'

export interface MerchantOrderRoutesOptions {
  db: Db
  config: ServerConfig
}

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody }

export const merchantOrderRoutes: FastifyPluginAsyncTypebox<MerchantOrderRoutesOptions> = async (
  app,
  options,
) => {
  const { db, config } = options

  app.addHook('onRequest', requireStaff(db))
  localizedAndPrivate(app)

  async function readOrder(request: FastifyRequest, orderId: string): Promise<MerchantOrder> {
    const lang = pickLanguage(request.headers['accept-language'])
    const order = await findAnyOrder(db, orderId, lang, imageUrlFor(config))
    if (!order) throw notFound(`No order ${orderId}.`)
    return order
  }

  app.get(
    '/orders',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "Every buyer's orders, newest first, optionally by status",
        querystring: MerchantOrderListQuery,
        response: { 200: MerchantOrderPage, ...errors },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query
      const { items, total } = await listAllOrders(db, { status, page, pageSize })
      return toPage(items, total, { page, pageSize })
    },
  )

  app.get(
    '/orders/:id',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'One order with its lines, address, buyer, shipment and times',
        params: OrderIdParams,
        response: { 200: MerchantOrder, ...errors },
      },
    },
    async (request) => readOrder(request, request.params.id),
  )

  app.post(
    '/orders/:id/shipment',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary:
          'Ship a paid order with its carrier and tracking number (the same shipment again is a no-op)',
        params: OrderIdParams,
        body: ShipmentInput,
        response: { 200: MerchantOrder, ...errors, 409: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const orderId = request.params.id
      const outcome = await shipAsStaff(db, orderId, request.body, staffOf(request).id)
      if (outcome === 'already_shipped') reply.header('idempotent-replayed', 'true')
      return readOrder(request, orderId)
    },
  )
}
