/**
 * The end of a rental, for the shop's staff, under `/api/merchant` (every route needs a staff
 * token, checked on `onRequest`: a buyer's token is a 401 here):
 *  - GET  /deposits/:id         200 Deposit (asks Alipay first while a step is unconfirmed)
 *  - POST /deposits/:id/return  200 Deposit: the item came back whole; the deposit is unfrozen
 *  - POST /deposits/:id/charge  200 Deposit: owners only; `amount` fen is taken for damage, then
 *                               the rest is unfrozen
 * Both actions answer at once with the deposit `returning` / `charging`; Alipay's notify or query
 * moves it on (server/payments/deposit-end.ts). Repeating one is safe: same numbers, no money
 * moved twice.
 *
 * Buyers cannot end a rental themselves: only the shop knows the item came back undamaged, and a
 * buyer who could unfreeze would keep the item and the deposit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { ApiErrorBody, ChargeDepositInput, Deposit, DepositIdParams } from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { localizedAndPrivate } from '../http/vary'
import { chargeDeposit, returnDeposit } from '../payments/deposit-end'
import { isWaitingForAlipay, refreshDeposit } from '../payments/deposit-refresh'
import { findDeposit, toDeposit, type DepositRow } from '../payments/deposits'
import { requirePayments, type PaymentDeps } from '../payments/deps'
import { notifyUrlFor } from '../payments/notify'
import { requireRole, requireStaff, staffOf } from '../staff/guard'
import { MERCHANT_ROUTE } from '../staff/plugin'

export interface MerchantDepositRoutesOptions {
  db: Db
  config: ServerConfig
  /** Undefined without an Alipay client: these routes answer 502. */
  payments?: PaymentDeps
}

const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  502: ApiErrorBody,
}

export const merchantDepositRoutes: FastifyPluginAsyncTypebox<MerchantDepositRoutesOptions> = async (
  app,
  options,
) => {
  const { db, config } = options
  app.addHook('onRequest', requireStaff(db))
  localizedAndPrivate(app)

  const requireDeps = () => requirePayments(options.payments)
  const answer = (request: FastifyRequest, row: DepositRow): Deposit =>
    toDeposit(row, pickLanguage(request.headers['accept-language']))

  app.get(
    '/deposits/:id',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'A rental deposit and how far its end has got',
        params: DepositIdParams,
        response: { 200: Deposit, ...errors },
      },
    },
    async (request) => {
      const row = await findDeposit(db, request.params.id)
      if (!row) throw notFound(`No deposit ${request.params.id}.`)
      if (!isWaitingForAlipay(row) || !options.payments) return answer(request, row)
      await refreshDeposit(options.payments, row, notifyUrlFor(config))
      return answer(request, (await findDeposit(db, row.id)) ?? row)
    },
  )

  app.post(
    '/deposits/:id/return',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'The item came back whole: unfreeze the whole deposit (alipay.fund.auth.order.unfreeze)',
        params: DepositIdParams,
        response: { 200: Deposit, ...errors },
      },
    },
    async (request) => {
      const row = await returnDeposit(
        requireDeps(),
        request.params.id,
        staffOf(request).id,
        notifyUrlFor(config),
      )
      return answer(request, row)
    },
  )

  app.post(
    '/deposits/:id/charge',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary:
          'Owners: take `amount` fen of the deposit for damage (alipay.trade.pay with auth_no), then unfreeze the rest',
        params: DepositIdParams,
        body: ChargeDepositInput,
        response: { 200: Deposit, ...errors, 403: ApiErrorBody },
      },
      preHandler: requireRole('owner'),
    },
    async (request) => {
      const deps = requireDeps()
      const { id } = request.params
      const row = await chargeDeposit(
        deps,
        id,
        staffOf(request).id,
        request.body.amount,
        notifyUrlFor(config),
      )
      return answer(request, row)
    },
  )
}
