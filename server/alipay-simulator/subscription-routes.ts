/**
 * The buyer's side of subscription messages, for places that have no Alipay app (the compiled
 * bundle's test runtime, test harnesses, a person trying the flow):
 * - `POST /subscriptions` stands for the buyer answering the panel my.requestSubscribeMessage
 *   opens, and answers what its callbacks receive (subscriptions.ts);
 * - `GET /subscriptions` and `GET /messages` show what the simulated Alipay holds, so tests can
 *   compare it with what the shop did.
 * Development tools: hidden from the API docs, like the gateway.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HttpError } from '../http/errors'
import { BUYER_KEY_PATTERN } from './buyers'
import type { SimulatedApp, SimulatorContext } from './methods/types'

export const SubscribeRequest = Type.Object(
  {
    buyer: Type.String({
      pattern: BUYER_KEY_PATTERN,
      description: 'Simulated buyer key, as for /auth-codes',
    }),
    appId: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'Default: the shop app' })),
    templateIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10 }),
    /** false: the buyer leaves every template unticked (a "reject"). Default true. */
    accept: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type SubscribeRequest = Static<typeof SubscribeRequest>

const BuyerQuery = Type.Object(
  { buyer: Type.Optional(Type.String({ pattern: BUYER_KEY_PATTERN })) },
  { additionalProperties: false },
)

export interface SubscriptionRouteOptions {
  apps: Map<string, SimulatedApp>
  defaultAppId: string
  context: SimulatorContext
}

export const subscriptionRoutes: FastifyPluginAsyncTypebox<SubscriptionRouteOptions> = async (
  app,
  options,
) => {
  const { apps, defaultAppId, context } = options
  const book = context.subscriptions

  app.post('/subscriptions', { schema: { hide: true, body: SubscribeRequest } }, async (request) => {
    const { buyer, templateIds, accept = true } = request.body
    const appId = request.body.appId ?? defaultAppId
    if (!apps.has(appId)) throw new HttpError(400, 'bad_request', `The simulator has no app "${appId}".`)
    return book.subscribe(appId, buyer, templateIds, accept)
  })

  app.get('/subscriptions', { schema: { hide: true, querystring: BuyerQuery } }, async (request) => ({
    items: book.subscriptions().filter((s) => !request.query.buyer || s.buyer.key === request.query.buyer),
  }))

  app.get('/messages', { schema: { hide: true, querystring: BuyerQuery } }, async (request) => ({
    items: book.messages().filter((m) => !request.query.buyer || m.buyer.key === request.query.buyer),
  }))
}
