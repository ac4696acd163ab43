/**
 * Orders and the saved address, registered under `/api`. Every route needs a logged-in buyer:
 * the check runs on `onRequest`, before the body is even parsed, so an anonymous request is a 401
 * whatever it sends. A buyer only ever sees their own orders; another buyer's order is a 404.
 *
 * POST /api/orders answers 201 with the new order, or 200 with the SAME order when the
 * Idempotency-Key was already used for the same body (header `Idempotent-Replayed: true`).
 *
 * POST /api/orders/:id/receipt confirms a shipped order arrived (fulfilment.ts); shipping itself
 * is a merchant action (shipOrder), not a buyer route.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import {
  Address,
  ApiErrorBody,
  CreateOrderRequest,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  Order,
  OrderCounts,
  OrderIdParams,
  OrderListQuery,
  OrderPage,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { imageUrlFor } from '../http/public-urls'
import { localizedAndPrivate } from '../http/vary'
import { buyerOf, requireBuyer } from '../session/guard'
import { createOrder } from './create'
import { confirmReceipt } from './fulfilment'
import { closeExpiredOrdersOfBuyer, type OrdersExpiringListener } from './expiry'
import { IDEMPOTENCY_KEY_RETENTION_HOURS } from './idempotency'
import { countOrders, findAddress, findOrder, listOrders, saveAddress } from './repository'
import { cancelUnpaidOrder } from './cancel'
import { statusInWords, type OrdersClosedListener } from './state'
import { toPage } from '../http/paging'

export interface OrderRoutesOptions {
  db: Db
  config: ServerConfig
  /** Called after orders were closed by a request (cancelled, or expired on read): see expiry.ts. */
  onOrdersClosed?: OrdersClosedListener
  /**
   * Called before GET /orders/:id reads an order (payments: ask Alipay whether an unpaid order's
   * trade was paid, so a lost notify is recovered). Must not throw.
   */
  onOrderRead?: (userId: string, orderId: string) => Promise<void>
  /** Called with expired unpaid orders before they are closed on read: see expiry.ts. */
  beforeOrdersExpire?: OrdersExpiringListener
}

const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN)
const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody }

function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER]
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(
      400,
      'idempotency_key_required',
      `Send an ${IDEMPOTENCY_KEY_HEADER} header matching ${IDEMPOTENCY_KEY_PATTERN}, new for each order and reused for its retries.`,
    )
  }
  return key
}

export const orderRoutes: FastifyPluginAsyncTypebox<OrderRoutesOptions> = async (app, options) => {
  const { db, config } = options
  const expiryOptions = {
    beforeExpiring: options.beforeOrdersExpire,
    onClosed: options.onOrdersClosed,
    logger: app.log,
  }

  app.addHook('onRequest', requireBuyer(db))
  localizedAndPrivate(app)

  const localized = (request: FastifyRequest) =>
    [pickLanguage(request.headers['accept-language']), imageUrlFor(config)] as const

  async function readOrder(request: FastifyRequest, orderId: string): Promise<Order> {
    const order = await findOrder(db, buyerOf(request).id, orderId, ...localized(request))
    if (!order) throw notFound(`No order ${orderId}.`)
    return order
  }

  app.get(
    '/address',
    {
      schema: {
        tags: ['orders'],
        summary: "The buyer's saved shipping address",
        response: { 200: Address, ...errors },
      },
    },
    async (request) => {
      const address = await findAddress(db, buyerOf(request).id)
      if (!address) throw notFound('No saved address yet.')
      return address
    },
  )

  app.put(
    '/address',
    {
      schema: {
        tags: ['orders'],
        summary: 'Save the shipping address',
        body: Address,
        response: { 200: Address, ...errors },
      },
    },
    async (request) => saveAddress(db, buyerOf(request).id, request.body),
  )

  app.post(
    '/orders',
    {
      config: { limitedAction: 'createOrder' },
      schema: {
        tags: ['orders'],
        summary: 'Place an order (prices come from the catalog; stock is reserved until it expires)',
        headers: Type.Object({
          [IDEMPOTENCY_KEY_HEADER]: Type.String({
            pattern: IDEMPOTENCY_KEY_PATTERN,
            description: `New for each order, the same for its retries; honoured for ${IDEMPOTENCY_KEY_RETENTION_HOURS} hours.`,
          }),
        }),
        body: CreateOrderRequest,
        response: { 200: Order, 201: Order, ...errors, 409: ApiErrorBody },
      },
      // The key is checked first: without it the request is not safe to retry, whatever its body.
      preValidation: async (request) => void idempotencyKeyOf(request),
    },
    async (request, reply) => {
      const { orderId, replayed } = await createOrder(db, {
        userId: buyerOf(request).id,
        idempotencyKey: idempotencyKeyOf(request),
        request: request.body,
        ttlMinutes: config.orderTtlMinutes,
        caps: config.limits.caps,
      })
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.status(replayed ? 200 : 201).send(await readOrder(request, orderId))
    },
  )

  app.get(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        summary: "The buyer's orders, newest first, optionally by status",
        querystring: OrderListQuery,
        response: { 200: OrderPage, ...errors },
      },
    },
    async (request) => {
      const userId = buyerOf(request).id
      await closeExpiredOrdersOfBuyer(db, userId, undefined, expiryOptions)
      const { page, pageSize } = request.query
      const { items, total } = await listOrders(
        db,
        userId,
        { status: request.query.status, page, pageSize },
        ...localized(request),
      )
      return toPage(items, total, { page, pageSize })
    },
  )

  app.get(
    '/orders/counts',
    {
      schema: {
        tags: ['orders'],
        summary:
          "How many of the buyer's orders await payment, shipping, receipt, and open after-sales requests",
        response: { 200: OrderCounts, ...errors },
      },
    },
    async (request) => {
      const userId = buyerOf(request).id
      // As the list does: an unpaid order past its time is closed, not awaiting payment.
      await closeExpiredOrdersOfBuyer(db, userId, undefined, expiryOptions)
      return countOrders(db, userId)
    },
  )

  app.get(
    '/orders/:id',
    {
      schema: {
        tags: ['orders'],
        summary: 'One of the buyer’s orders',
        params: OrderIdParams,
        response: { 200: Order, ...errors },
      },
    },
    async (request) => {
      // Before the expiry check: money Alipay already took still buys an order past expires_at.
      // (So the expiry check need not ask Alipay again.)
      await options.onOrderRead?.(buyerOf(request).id, request.params.id)
      await closeExpiredOrdersOfBuyer(db, buyerOf(request).id, request.params.id, {
        ...expiryOptions,
        beforeExpiring: undefined,
      })
      return readOrder(request, request.params.id)
    },
  )

  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        tags: ['orders'],
        summary: 'Cancel an order awaiting payment; its stock returns',
        params: OrderIdParams,
        response: { 200: Order, ...errors, 409: ApiErrorBody },
      },
    },
    async (request) => {
      const orderId = request.params.id
      await readOrder(request, orderId) // 404 unless it is the buyer's
      await cancelUnpaidOrder(db, orderId, { onClosed: options.onOrdersClosed, log: request.log })
      return readOrder(request, orderId)
    },
  )

  app.post(
    '/orders/:id/receipt',
    {
      schema: {
        tags: ['orders'],
        summary: 'Confirm a shipped order was received',
        params: OrderIdParams,
        response: { 200: Order, ...errors, 409: ApiErrorBody },
      },
    },
    async (request) => {
      const orderId = request.params.id
      await readOrder(request, orderId) // 404 unless it is the buyer's
      if (!(await db.transaction((tx) => confirmReceipt(tx, orderId)))) {
        const { status } = await readOrder(request, orderId)
        throw new HttpError(
          409,
          'order_not_receivable',
          `Order ${orderId} is ${statusInWords(status)}; only a shipped order can be confirmed as received.`,
        )
      }
      return readOrder(request, orderId)
    },
  )
}
