/**
 * After-sales for buyers, registered under `/api` like orders: every route needs a logged-in
 * buyer (checked on `onRequest`, before the body is parsed), and another buyer's order or request
 * is a 404.
 *
 * POST /api/orders/:id/after-sales answers 201 with the new request, after its refund was sent
 * when it was approved at once (so it may already be `refunded`). Entering the same return
 * parcel again, or cancelling a cancelled request, answers 200 with `Idempotent-Replayed: true`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  AfterSalesIdParams,
  AfterSalesListQuery,
  AfterSalesOrderParams,
  AfterSalesPage,
  AfterSalesRequest,
  ApiErrorBody,
  CreateAfterSalesRequest,
  OrderAfterSales,
  ReturnShipmentInput,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { toPage } from '../http/paging'
import { imageUrlFor } from '../http/public-urls'
import { localizedAndPrivate } from '../http/vary'
import type { PaymentDeps } from '../payments/deps'
import { buyerOf, requireBuyer } from '../session/guard'
import { buyerOrder, findRequestRow, requestPage } from './repository'
import type { AfterSalesDeps } from './refunds'
import { cancelRequest, createRequest, enterReturnParcel } from './service'
import { forBuyer, showOrderAfterSales, showRequests, type Localized } from './view'

export interface AfterSalesRoutesOptions {
  db: Db
  config: ServerConfig
  /** Alipay, to send refunds (absent when no Alipay is configured: refunds then wait). */
  payments?: PaymentDeps
}

const TAGS = ['after-sales']
const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody }
const actionErrors = { ...errors, 409: ApiErrorBody }

export const afterSalesRoutes: FastifyPluginAsyncTypebox<AfterSalesRoutesOptions> = async (app, options) => {
  const { db, config } = options
  const deps: AfterSalesDeps = { db, payments: options.payments, log: app.log }

  app.addHook('onRequest', requireBuyer(db))
  localizedAndPrivate(app)

  const localized = (request: FastifyRequest): Localized => ({
    lang: pickLanguage(request.headers['accept-language']),
    imageUrl: imageUrlFor(config),
  })

  async function readRequest(request: FastifyRequest, requestId: string): Promise<AfterSalesRequest> {
    const row = await findRequestRow(db, requestId, buyerOf(request).id)
    if (!row) throw notFound(`No after-sales request ${requestId}.`)
    const [shown] = await showRequests(db, [row], localized(request))
    return forBuyer(shown)
  }

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    { replayed }: { replayed: boolean },
  ) => {
    if (replayed) reply.header('idempotent-replayed', 'true')
    return readRequest(request, requestId)
  }

  app.get(
    '/orders/:id/after-sales',
    {
      schema: {
        tags: TAGS,
        summary: "An order's after-sales: what can still be asked, what was refunded, its requests",
        params: AfterSalesOrderParams,
        response: { 200: OrderAfterSales, ...errors },
      },
    },
    async (request) => {
      const orderId = request.params.id
      const order = await buyerOrder(db, orderId, buyerOf(request).id)
      if (!order) throw notFound(`No order ${orderId}.`)
      return showOrderAfterSales(db, orderId, order.status, localized(request))
    },
  )

  app.post(
    '/orders/:id/after-sales',
    {
      config: { limitedAction: 'afterSales' },
      schema: {
        tags: TAGS,
        summary:
          'Ask for a refund (refund_only) or a return and refund of some lines; amounts come from the order',
        params: AfterSalesOrderParams,
        body: CreateAfterSalesRequest,
        response: { 201: AfterSalesRequest, ...actionErrors },
      },
    },
    async (request, reply) => {
      const requestId = await createRequest(deps, {
        userId: buyerOf(request).id,
        orderId: request.params.id,
        request: request.body,
        autoApprove: config.afterSalesAutoApprove,
      })
      return reply.status(201).send(await readRequest(request, requestId))
    },
  )

  app.get(
    '/after-sales',
    {
      schema: {
        tags: TAGS,
        summary: "The buyer's after-sales requests, newest first, optionally by status",
        querystring: AfterSalesListQuery,
        response: { 200: AfterSalesPage, ...errors },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query
      const { rows, total } = await requestPage(db, { userId: buyerOf(request).id, status, page, pageSize })
      const items = (await showRequests(db, rows, localized(request))).map(forBuyer)
      return toPage(items, total, { page, pageSize })
    },
  )

  app.get(
    '/after-sales/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One of the buyer’s after-sales requests, with its timeline and refund',
        params: AfterSalesIdParams,
        response: { 200: AfterSalesRequest, ...errors },
      },
    },
    async (request) => readRequest(request, request.params.id),
  )

  app.post(
    '/after-sales/:id/return-shipment',
    {
      schema: {
        tags: TAGS,
        summary:
          'Enter the parcel the goods went back in (an approved return; the same parcel again is a no-op)',
        params: AfterSalesIdParams,
        body: ReturnShipmentInput,
        response: { 200: AfterSalesRequest, ...actionErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return answer(request, reply, id, await enterReturnParcel(deps, id, buyerOf(request).id, request.body))
    },
  )

  app.post(
    '/after-sales/:id/cancel',
    {
      schema: {
        tags: TAGS,
        summary: 'Withdraw a request not yet refunding (cancelling again is a no-op)',
        params: AfterSalesIdParams,
        response: { 200: AfterSalesRequest, ...actionErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return answer(request, reply, id, await cancelRequest(deps, id, buyerOf(request).id))
    },
  )
}
