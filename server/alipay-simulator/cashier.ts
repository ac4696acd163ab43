/**
 * The simulated wallet's cashier (what `my.tradePay` opens) and the simulator's test switches:
 * - `POST /cashier/pay` (JSON): settle a trade or an orderStr with a chosen outcome;
 * - `GET /cashier` (HTML) and its form `POST /cashier`: the same for people, then a redirect to
 *   `return` with `resultCode`;
 * - `POST /control`: drop or deliver notifies, change the "8000 processing" delay, make refunds
 *   slow or fail (refunds.ts), make status queries fail (queries.ts), make order-center syncs
 *   fail (order-center.ts).
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { ApiErrorBody } from '../../contract'
import { HttpError } from '../http/errors'
import { BUYER_KEY_PATTERN } from './buyers'
import { ORDER_SYNC_MODES } from './order-center'
import { QUERY_MODES } from './queries'
import { REFUND_MODES } from './refunds'
import { renderCashierPage, renderMessagePage } from './cashier-page'
import { isAllowedReturn, RETURN_ORIGINS_VARIABLE, safeReturnUrl, withResultCode } from './cashier-return'
import {
  cashierTarget,
  OUTCOMES,
  settle,
  type CashierRequest,
  type Outcome,
  type PaymentRuntime,
} from './settlement'

const TargetFields = {
  tradeNO: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'trade_no from alipay.trade.create' }),
  ),
  orderStr: Type.Optional(
    Type.String({ minLength: 1, maxLength: 8192, description: 'sdkExecute output (pre-authorization)' }),
  ),
  paymentUrl: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2048, description: 'Absolute URL with ?tradeNO=' }),
  ),
}

export const CashierPayRequest = Type.Object(
  {
    ...TargetFields,
    buyer: Type.Optional(
      Type.String({ pattern: BUYER_KEY_PATTERN, description: "Default: the trade's buyer" }),
    ),
    outcome: Type.Union(OUTCOMES.map((outcome) => Type.Literal(outcome))),
  },
  { title: 'SimulatorCashierPayRequest', additionalProperties: false },
)
export type CashierPayRequest = Static<typeof CashierPayRequest>

export const CashierPayResponse = Type.Object(
  { resultCode: Type.String(), memo: Type.String() },
  { title: 'SimulatorCashierPayResult' },
)
export type CashierPayResponse = Static<typeof CashierPayResponse>

export const ControlRequest = Type.Object(
  {
    notifies: Type.Optional(Type.Union([Type.Literal('deliver'), Type.Literal('drop')])),
    processingDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
    refunds: Type.Optional(Type.Union(REFUND_MODES.map((mode) => Type.Literal(mode)))),
    refundDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
    queries: Type.Optional(Type.Union(QUERY_MODES.map((mode) => Type.Literal(mode)))),
    orderSync: Type.Optional(Type.Union(ORDER_SYNC_MODES.map((mode) => Type.Literal(mode)))),
  },
  { title: 'SimulatorControl', additionalProperties: false },
)
export type ControlRequest = Static<typeof ControlRequest>
export const ControlResponse = Type.Object({
  notifies: Type.Union([Type.Literal('deliver'), Type.Literal('drop')]),
  processingDelayMs: Type.Integer(),
  notifyScheduleMs: Type.Array(Type.Integer()),
  refunds: Type.Union(REFUND_MODES.map((mode) => Type.Literal(mode))),
  refundDelayMs: Type.Integer(),
  queries: Type.Union(QUERY_MODES.map((mode) => Type.Literal(mode))),
  orderSync: Type.Union(ORDER_SYNC_MODES.map((mode) => Type.Literal(mode))),
})
export type ControlResponse = Static<typeof ControlResponse>

const PageQuery = Type.Object({ ...TargetFields, return: Type.Optional(Type.String({ maxLength: 2048 })) })
const PageForm = Type.Object({
  ...TargetFields,
  return: Type.Optional(Type.String({ maxLength: 2048 })),
  buyer: Type.Optional(Type.Union([Type.Literal(''), Type.String({ pattern: BUYER_KEY_PATTERN })])),
  outcome: Type.Union(OUTCOMES.map((outcome) => Type.Literal(outcome))),
})

/** Exactly one of tradeNO / orderStr / paymentUrl. */
function targetOf(body: { tradeNO?: string; orderStr?: string; paymentUrl?: string }) {
  const given = (['tradeNO', 'orderStr', 'paymentUrl'] as const).filter((key) => body[key] !== undefined)
  if (given.length !== 1)
    throw new HttpError(400, 'bad_request', 'Send exactly one of tradeNO, orderStr and paymentUrl.')
  return { tradeNO: body.tradeNO, orderStr: body.orderStr, paymentUrl: body.paymentUrl }
}

// No script at all; inline CSS; the form may post here and the redirect then goes to the app
// (cashier-return.ts decides which). Never inside a frame: a framing site could trick a click.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'"

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .send(body)

type ReturnCheck = { url?: URL; refusal?: string }

/** The `return` parameter as a URL the buyer may be sent to, or the page that says why not. */
function checkReturn(raw: string | undefined, allowedOrigins: readonly string[]): ReturnCheck {
  if (raw === undefined) return {}
  const url = safeReturnUrl(raw)
  if (!url)
    return {
      refusal: renderMessagePage(
        '返回地址无效',
        'Invalid return URL',
        'return 必须是 http:// 或 https:// 地址。',
      ),
    }
  if (!isAllowedReturn(url, allowedOrigins))
    return {
      refusal: renderMessagePage(
        '返回地址不被允许',
        'Return URL not allowed',
        `return 只能是本机、局域网或 ${RETURN_ORIGINS_VARIABLE} 列出的地址。${url.origin} is not on this machine or the local network; add it to ${RETURN_ORIGINS_VARIABLE} if it is the shop's own.`,
      ),
    }
  return { url }
}

export interface CashierRoutesOptions {
  runtime: PaymentRuntime
  /** Origins besides local ones the page may send the buyer back to (ALIPAY_SIM_RETURN_ORIGINS). */
  returnOrigins: readonly string[]
}

export const cashierRoutes: FastifyPluginAsyncTypebox<CashierRoutesOptions> = async (
  app,
  { runtime, returnOrigins },
) => {
  // The page's form; scoped to this plugin like the gateway's.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  )

  app.post(
    '/cashier/pay',
    {
      schema: {
        tags: ['alipay-simulator'],
        summary: 'Development only: finish my.tradePay with a chosen outcome (the wallet cashier)',
        body: CashierPayRequest,
        response: { 200: CashierPayResponse, 400: ApiErrorBody },
      },
    },
    async (request) =>
      settle(runtime, {
        ...targetOf(request.body),
        buyer: request.body.buyer,
        outcome: request.body.outcome,
      }),
  )

  app.get('/cashier', { schema: { hide: true, querystring: PageQuery } }, async (request, reply) => {
    const { return: returnRaw, ...rest } = request.query
    const { refusal } = checkReturn(returnRaw, returnOrigins)
    if (refusal) return html(reply, 400, refusal)
    let target
    try {
      target = targetOf(rest)
    } catch {
      return html(
        reply,
        400,
        renderMessagePage('缺少参数', 'Missing parameter', '需要 tradeNO、orderStr 或 paymentUrl 之一。'),
      )
    }
    const fields: Record<string, string> = {}
    for (const [key, value] of Object.entries({ ...target, return: returnRaw }))
      if (value !== undefined) fields[key] = value
    return html(reply, 200, renderCashierPage({ target: cashierTarget(runtime, target), fields }))
  })

  app.post('/cashier', { schema: { hide: true, body: PageForm } }, async (request, reply) => {
    const { return: returnRaw, buyer, outcome, ...rest } = request.body
    const { url: returnUrl, refusal } = checkReturn(returnRaw, returnOrigins)
    if (refusal) return html(reply, 400, refusal)
    const settled = settle(runtime, {
      ...targetOf(rest),
      buyer: buyer || undefined,
      outcome: outcome as Outcome,
    } satisfies CashierRequest)
    if (returnUrl)
      return reply
        .header('cache-control', 'no-store')
        .redirect(withResultCode(returnUrl, settled.resultCode), 303)
    return html(
      reply,
      200,
      renderMessagePage(`resultCode ${settled.resultCode}`, 'my.tradePay result', settled.memo),
    )
  })

  app.post(
    '/control',
    {
      schema: {
        tags: ['alipay-simulator'],
        summary:
          'Development only: lose or deliver notifies, set the "8000 processing" delay, make refunds slow or fail, make status queries or order-center syncs fail',
        body: Type.Optional(ControlRequest),
        response: { 200: ControlResponse, 400: ApiErrorBody },
      },
    },
    async (request) => {
      if (request.body?.notifies) runtime.notifier.mode = request.body.notifies
      if (request.body?.processingDelayMs !== undefined)
        runtime.processingDelayMs = request.body.processingDelayMs
      if (request.body?.refunds) runtime.refunds.mode = request.body.refunds
      if (request.body?.refundDelayMs !== undefined) runtime.refunds.delayMs = request.body.refundDelayMs
      if (request.body?.queries) runtime.queries.mode = request.body.queries
      if (request.body?.orderSync) runtime.orderCenter.mode = request.body.orderSync
      return {
        notifies: runtime.notifier.mode,
        processingDelayMs: runtime.processingDelayMs,
        notifyScheduleMs: [...runtime.notifier.scheduleMs],
        refunds: runtime.refunds.mode,
        refundDelayMs: runtime.refunds.delayMs,
        queries: runtime.queries.mode,
        orderSync: runtime.orderCenter.mode,
      }
    },
  )
}
