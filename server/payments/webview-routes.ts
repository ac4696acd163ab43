/**
 * The web-view checkout (see webview-page.ts for the page and the domain-whitelist requirements):
 *  - GET  /webview/checkout?order=<id>&ticket=<t> — the page (200), or an "expired link" page (401);
 *  - POST /webview/api/payment {orderId, ticket} — uses the ticket up and answers the tradeNO of
 *    the order's trade, opened for the ticket's buyer (200; 401 ticket_invalid; 409; 502).
 * The ticket is minted by POST /api/orders/:id/webview-ticket (plugin.ts) for a logged-in buyer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ApiErrorBody, WebViewPayment, WebViewPaymentRequest } from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { pickLanguage } from '../http/language'
import { findOrder } from '../orders/repository'
import type { PaymentDeps } from './deps'
import { openTrade } from './open-trade'
import { imageUrlFor } from '../http/public-urls'
import { notifyUrlFor } from './notify'
import { renderCheckoutPage, renderExpiredPage, type RenderedPage } from './webview-page'
import { consumeTicket, peekTicket } from './webview-tickets'

export interface WebViewRoutesOptions {
  db: Db
  config: ServerConfig
  deps?: PaymentDeps
}

const CheckoutQuery = Type.Object({ order: Type.String(), ticket: Type.String() })

export const webviewRoutes: FastifyPluginAsyncTypebox<WebViewRoutesOptions> = async (app, options) => {
  const { db, config } = options

  app.get('/checkout', { schema: { hide: true, querystring: CheckoutQuery } }, async (request, reply) => {
    const lang = pickLanguage(request.headers['accept-language'])
    const { order: orderId, ticket } = request.query
    const buyer = await peekTicket(db, ticket, orderId)
    const order = buyer && (await findOrder(db, buyer.id, orderId, lang, imageUrlFor(config)))
    const page: RenderedPage = order ? renderCheckoutPage(lang, order, ticket) : renderExpiredPage(lang)
    return reply
      .code(order ? 200 : 401)
      .header('content-security-policy', page.csp)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(page.html)
  })

  app.post(
    '/api/payment',
    {
      config: { limitedAction: 'openPayment' },
      schema: {
        hide: true,
        body: WebViewPaymentRequest,
        response: {
          200: WebViewPayment,
          400: ApiErrorBody,
          401: ApiErrorBody,
          409: ApiErrorBody,
          502: ApiErrorBody,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      if (!options.deps) throw new HttpError(502, 'alipay_unavailable', 'Payments are not configured.')
      const { orderId, ticket } = request.body
      const buyer = await consumeTicket(db, ticket, orderId)
      if (!buyer) {
        throw new HttpError(
          401,
          'ticket_invalid',
          'This payment link expired or was used; open it again from the mini-program.',
        )
      }
      const payment = await openTrade(options.deps, {
        orderId,
        buyer,
        notifyUrl: notifyUrlFor(config),
      })
      // Always a tradeNO: inside a mini-program web-view my.tradePay takes nothing else.
      return { tradeNO: payment.tradeNo }
    },
  )
}
