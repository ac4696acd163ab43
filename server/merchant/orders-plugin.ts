/**
 * Orders for the shop's staff, registered under `/api/merchant`: every buyer's orders, listed and
 * read, and shipping. Every route needs a staff token: the check runs on `onRequest`, before the
 * body is parsed, so a request without one (or with a buyer's) is a 401 whatever it sends.
 *
 * GET /orders filters by status, by the shop day placed (config.shopTimeZone) and by an exact
 * order number, Alipay trade_no or address phone. GET /orders/:id/history is its refunds and
 * timeline (order-history.ts); GET /orders/:id/alipay-trade asks Alipay live (alipay-trade.ts).
 *
 * POST /orders/:id/shipment ships a paid order (shipping.ts) and answers the order; the same
 * shipment again answers the same order with `Idempotent-Replayed: true`. POST /orders/:id/cancel
 * cancels an unpaid one (cancel.ts). Both write the audit log.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  ApiErrorBody,
  ConsoleAlipayTrade,
  ConsoleOrderHistory,
  ConsoleOrderListQuery,
  MerchantOrder,
  MerchantOrderPage,
  OrderIdParams,
  ShipmentInput,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { imageUrlFor } from '../http/public-urls'
import { localizedAndPrivate } from '../http/vary'
import { requireStaff, staffOf } from '../staff/guard'
import { MERCHANT_ROUTE } from '../staff/plugin'
import { findOrderStatus } from '../orders/repository'
import type { OrdersClosedListener } from '../orders/state'
import type { PaymentDeps } from '../payments/deps'
import { queryTradeLive } from './alipay-trade'
import { cancelAsStaff } from './cancel'
import { orderHistory } from './order-history'
import { findAnyOrder, listAllOrders } from './orders-repository'
import { shipAsStaff } from './shipping'
import { toPage } from '../http/paging'

export interface MerchantOrderRoutesOptions {
  db: Db
  config: ServerConfig
  /** Absent on a server without payments: the live trade query is a 502, and so is cancelling an order with a trade. */
  payments?: PaymentDeps
  /** Closes the Alipay trade of an order staff cancelled (payments' onOrdersClosed). */
  onOrdersClosed?: OrdersClosedListener
}

/** YYYY-MM-DD that is a real day (the schema checks the shape only). */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === text
}

function checkDays({ from, to }: ConsoleOrderListQuery): void {
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (day !== undefined && !isCalendarDay(day))
      throw new HttpError(400, 'bad_request', `${name} must be a real day as YYYY-MM-DD (got "${day}").`)
  }
  // Same-length ISO days compare as text.
  if (from !== undefined && to !== undefined && from > to)
    throw new HttpError(400, 'bad_request', `from (${from}) must be on or before to (${to}).`)
}

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody }

export const merchantOrderRoutes: FastifyPluginAsyncTypebox<MerchantOrderRoutesOptions> = async (
  app,
  options,
) => {
  const { db, config, payments } = options

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
        summary:
          "Every buyer's orders, newest first, by status, shop day placed, and exact order number, Alipay trade_no or phone",
        querystring: ConsoleOrderListQuery,
        response: { 200: MerchantOrderPage, ...errors },
      },
    },
    async (request) => {
      checkDays(request.query)
      const { page, pageSize } = request.query
      const { items, total } = await listAllOrders(db, { ...request.query, timeZone: config.shopTimeZone })
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

  app.get(
    '/orders/:id/history',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "An order's Alipay trade_no, its after-sales refunds and its whole timeline, oldest first",
        params: OrderIdParams,
        response: { 200: ConsoleOrderHistory, ...errors },
      },
    },
    async (request) => {
      const history = await orderHistory(db, request.params.id, config.autoReceiveDays)
      if (!history) throw notFound(`No order ${request.params.id}.`)
      return history
    },
  )

  app.get(
    '/orders/:id/alipay-trade',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "What Alipay says about the order's trade right now (alipay.trade.query; changes nothing)",
        params: OrderIdParams,
        response: { 200: ConsoleAlipayTrade, ...errors, 502: ApiErrorBody },
      },
    },
    async (request) => {
      if (!(await findOrderStatus(db, request.params.id))) throw notFound(`No order ${request.params.id}.`)
      return queryTradeLive(payments, request.params.id)
    },
  )

  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Cancel an order awaiting payment (Alipay is asked first); its stock returns',
        params: OrderIdParams,
        response: { 200: MerchantOrder, ...errors, 409: ApiErrorBody, 502: ApiErrorBody },
      },
    },
    async (request) => {
      const orderId = request.params.id
      const deps = { db, payments, onOrdersClosed: options.onOrdersClosed, log: request.log }
      await cancelAsStaff(deps, orderId, staffOf(request).id)
      return readOrder(request, orderId)
    },
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
