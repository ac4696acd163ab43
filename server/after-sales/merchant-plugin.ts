/**
 * After-sales for the shop's staff, registered under `/api/merchant`: every buyer's requests,
 * and deciding them (staff-actions.ts). Every route needs a staff token, checked on `onRequest`
 * before the body is parsed; sending a refused refund again is for owners only (403 otherwise).
 *
 * An action already done answers 200 with the request and `Idempotent-Replayed: true`; one the
 * request's state does not allow is a 409 after_sales_not_actionable.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  AfterSalesIdParams,
  AfterSalesListQuery,
  ApiErrorBody,
  MerchantAfterSalesPage,
  MerchantAfterSalesRequest,
  RejectAfterSalesInput,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { toPage } from '../http/paging'
import { imageUrlFor } from '../http/public-urls'
import { localizedAndPrivate } from '../http/vary'
import type { PaymentDeps } from '../payments/deps'
import { requireRole, requireStaff, staffOf } from '../staff/guard'
import { MERCHANT_ROUTE } from '../staff/plugin'
import { findRequestRow, requestPage } from './repository'
import type { AfterSalesDeps } from './refunds'
import {
  approveAsStaff,
  receiveReturnAsStaff,
  rejectAsStaff,
  retryRefundAsStaff,
  type StaffOutcome,
} from './staff-actions'
import { showRequests, type Localized } from './view'

export interface MerchantAfterSalesRoutesOptions {
  db: Db
  config: ServerConfig
  /** Alipay, to send refunds (absent when no Alipay is configured: refunds then wait). */
  payments?: PaymentDeps
}

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody }
const actionErrors = { ...errors, 409: ApiErrorBody }

export const merchantAfterSalesRoutes: FastifyPluginAsyncTypebox<MerchantAfterSalesRoutesOptions> = async (
  app,
  options,
) => {
  const { db, config } = options
  const deps: AfterSalesDeps = { db, payments: options.payments, log: app.log }

  app.addHook('onRequest', requireStaff(db))
  localizedAndPrivate(app)

  const localized = (request: FastifyRequest): Localized => ({
    lang: pickLanguage(request.headers['accept-language']),
    imageUrl: imageUrlFor(config),
  })

  async function readRequest(request: FastifyRequest, requestId: string): Promise<MerchantAfterSalesRequest> {
    const row = await findRequestRow(db, requestId)
    if (!row) throw notFound(`No after-sales request ${requestId}.`)
    const [shown] = await showRequests(db, [row], localized(request))
    return shown
  }

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    { replayed }: StaffOutcome,
  ) => {
    if (replayed) reply.header('idempotent-replayed', 'true')
    return readRequest(request, requestId)
  }

  app.get(
    '/after-sales',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "Every buyer's after-sales requests, newest first, optionally by status",
        querystring: AfterSalesListQuery,
        response: { 200: MerchantAfterSalesPage, ...errors },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query
      const { rows, total } = await requestPage(db, { status, page, pageSize })
      return toPage(await showRequests(db, rows, localized(request)), total, { page, pageSize })
    },
  )

  app.get(
    '/after-sales/:id',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'One after-sales request with its lines, timeline, refund and who decided it',
        params: AfterSalesIdParams,
        response: { 200: MerchantAfterSalesRequest, ...errors },
      },
    },
    async (request) => readRequest(request, request.params.id),
  )

  app.post(
    '/after-sales/:id/approve',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary:
          'Approve a request: a refund only is refunded now, a return waits for the goods (approving again is a no-op)',
        params: AfterSalesIdParams,
        response: { 200: MerchantAfterSalesRequest, ...actionErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return answer(request, reply, id, await approveAsStaff(deps, id, staffOf(request).id))
    },
  )

  app.post(
    '/after-sales/:id/reject',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Reject a request with the reason the buyer sees',
        params: AfterSalesIdParams,
        body: RejectAfterSalesInput,
        response: { 200: MerchantAfterSalesRequest, ...actionErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return answer(
        request,
        reply,
        id,
        await rejectAsStaff(deps, id, staffOf(request).id, request.body.reason),
      )
    },
  )

  app.post(
    '/after-sales/:id/return-received',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Confirm the returned goods arrived: their stock returns and the refund is sent',
        params: AfterSalesIdParams,
        response: { 200: MerchantAfterSalesRequest, ...actionErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return answer(request, reply, id, await receiveReturnAsStaff(deps, id, staffOf(request).id))
    },
  )

  app.post(
    '/after-sales/:id/refund',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary:
          'Owners: send a refund Alipay refused again, same out_request_no (a pending or refunded one is left alone)',
        params: AfterSalesIdParams,
        response: { 200: MerchantAfterSalesRequest, ...actionErrors, 403: ApiErrorBody },
      },
      preHandler: requireRole('owner'),
    },
    async (request, reply) => {
      const { id } = request.params
      return answer(request, reply, id, await retryRefundAsStaff(deps, id, staffOf(request).id))
    },
  )
}
