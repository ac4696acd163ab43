/**
 * Payment routes. For a logged-in buyer, under /api (another buyer's order or deposit is a 404):
 *  - POST /api/orders/:id/payment         200 OrderPayment | 404 | 409 order_not_payable | 502
 *  - POST /api/orders/:id/webview-ticket  201 WebViewCheckout | 404 | 409 order_not_payable
 *  - GET  /api/deposit-items              200 DepositItemList
 *  - POST /api/deposits                   201 DepositPayment | 400 unknown_deposit_item | 502
 *  - GET  /api/deposits/:id               200 Deposit | 404
 * Without a session: POST /api/alipay/notify (notify.ts) and /webview/* (webview-routes.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  CreateDepositRequest,
  Deposit,
  DepositItemList,
  DepositIdParams,
  DepositPayment,
  OrderIdParams,
  OrderPayment,
  WebViewCheckout,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { publicOrigin } from '../http/public-urls'
import { buyerOf, requireBuyer, sessionTokenOf } from '../session/guard'
import {
  createDeposit,
  findDeposit,
  findRentableItem,
  freezeOrderStr,
  RENTABLE_ITEMS,
  toDeposit,
} from './deposits'
import { isWaitingForAlipay, refreshDeposit } from './deposit-refresh'
import { requirePayments, type PaymentDeps } from './deps'
import { simulatedCashierUrl, tradeInvocation, type CashierLocation } from './invocation'
import { notifyRoutes, notifyUrlFor } from './notify'
import { assertPayable, openTrade } from './open-trade'
import { findOrderForPayment } from './repository'
import { webviewRoutes } from './webview-routes'
import { mintTicket, WEBVIEW_TICKET_TTL_SECONDS } from './webview-tickets'

export interface PaymentRoutesOptions {
  db: Db
  config: ServerConfig
  /** Undefined without an Alipay client: payment routes answer 502, notifies are refused. */
  deps?: PaymentDeps
  /** The simulator is mounted in this server (its cashier is then at our own origin). */
  inProcessSimulator?: boolean
}

const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  502: ApiErrorBody,
}

const buyerRoutes: FastifyPluginAsyncTypebox<PaymentRoutesOptions> = async (app, options) => {
  const { db, config } = options
  app.addHook('onRequest', requireBuyer(db))
  app.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'))

  const requireDeps = () => requirePayments(options.deps)
  const cashierLocation = (deps: PaymentDeps): CashierLocation => ({
    origin: publicOrigin(config),
    inProcessSimulator: options.inProcessSimulator ?? false,
    gateway: deps.alipay.gateway,
  })

  app.post(
    '/orders/:id/payment',
    {
      config: { limitedAction: 'openPayment' },
      schema: {
        tags: ['payments'],
        summary:
          'Open (or reuse) the Alipay trade of an unpaid order; the answer says how to open the cashier',
        params: OrderIdParams,
        response: { 200: OrderPayment, ...errors },
      },
    },
    async (request) => {
      const deps = requireDeps()
      const payment = await openTrade(deps, {
        orderId: request.params.id,
        buyer: buyerOf(request),
        notifyUrl: notifyUrlFor(config),
      })
      const where = cashierLocation(deps)
      return {
        orderId: payment.orderId,
        amount: payment.amountFen,
        invocation: tradeInvocation(payment.tradeNo, deps.settings, where),
        simulatedCashierUrl: simulatedCashierUrl(deps.settings, where),
      }
    },
  )

  app.post(
    '/orders/:id/webview-ticket',
    {
      config: { limitedAction: 'webviewTicket' },
      schema: {
        tags: ['payments'],
        summary: 'A short-lived, single-use link to the web-view checkout page for this order',
        params: OrderIdParams,
        response: { 201: WebViewCheckout, ...errors },
      },
    },
    async (request, reply) => {
      const buyer = buyerOf(request)
      const order = await findOrderForPayment(db, request.params.id)
      if (!order || order.userId !== buyer.id) throw notFound(`No order ${request.params.id}.`)
      assertPayable(order)
      const ticket = await mintTicket(db, order.id, buyer.id, sessionTokenOf(request))
      const url = new URL('/webview/checkout', publicOrigin(config))
      url.searchParams.set('order', order.id)
      url.searchParams.set('ticket', ticket)
      const expiresAt = new Date(Date.now() + WEBVIEW_TICKET_TTL_SECONDS * 1000).toISOString()
      return reply.code(201).send({ url: url.toString(), expiresAt })
    },
  )

  app.get(
    '/deposit-items',
    {
      schema: {
        tags: ['payments'],
        summary: 'Pre-authorization demo: what can be rented, and its deposit in fen',
        response: { 200: DepositItemList, ...errors },
      },
    },
    async (request) => {
      const lang = pickLanguage(request.headers['accept-language'])
      return {
        items: RENTABLE_ITEMS.map((item) => ({
          id: item.id,
          title: lang === 'en' ? item.en : item.zh,
          amount: item.amountFen,
        })),
      }
    },
  )

  app.post(
    '/deposits',
    {
      config: { limitedAction: 'createDeposit' },
      schema: {
        tags: ['payments'],
        summary:
          'Pre-authorization demo: a deposit for a rentable item, with the signed orderStr to freeze it',
        body: CreateDepositRequest,
        response: { 201: DepositPayment, ...errors },
      },
    },
    async (request, reply) => {
      const deps = requireDeps()
      const item = findRentableItem(request.body.itemId)
      if (!item) throw new HttpError(400, 'unknown_deposit_item', `No rentable item ${request.body.itemId}.`)
      const row = await createDeposit(db, buyerOf(request).id, item)
      const orderStr = freezeOrderStr(deps, row, notifyUrlFor(config))
      const deposit = toDeposit(row, pickLanguage(request.headers['accept-language']))
      return reply.code(201).send({
        deposit,
        invocation: { kind: 'orderStr', orderStr },
        simulatedCashierUrl: simulatedCashierUrl(deps.settings, cashierLocation(deps)),
      })
    },
  )

  app.get(
    '/deposits/:id',
    {
      schema: {
        tags: ['payments'],
        summary: 'One of the buyer’s deposits',
        params: DepositIdParams,
        response: { 200: Deposit, ...errors },
      },
    },
    async (request) => {
      const owned = async () => {
        const row = await findDeposit(db, request.params.id)
        if (!row || row.user_id !== buyerOf(request).id) throw notFound(`No deposit ${request.params.id}.`)
        return row
      }
      const row = await owned()
      if (!isWaitingForAlipay(row) || !options.deps)
        return toDeposit(row, pickLanguage(request.headers['accept-language']))
      await refreshDeposit(options.deps, row, notifyUrlFor(config))
      return toDeposit(await owned(), pickLanguage(request.headers['accept-language']))
    },
  )
}

export const paymentRoutes: FastifyPluginAsyncTypebox<PaymentRoutesOptions> = async (app, options) => {
  await app.register(buyerRoutes, { ...options, prefix: '/api' })
  await app.register(notifyRoutes, {
    deps: options.deps,
    notifyUrl: notifyUrlFor(options.config),
    prefix: '/api',
  })
  await app.register(webviewRoutes, {
    db: options.db,
    config: options.config,
    deps: options.deps,
    prefix: '/webview',
  })
}
