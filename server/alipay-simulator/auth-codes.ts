/**
 * `POST /auth-codes`: what `my.getAuthCode` does inside the Alipay app, for places that have no
 * Alipay app: the H5 development login and test harnesses. Issues a single-use, expiring auth code
 * for a simulated buyer, bound to one registered app. `GET /buyers` lists the named buyers.
 */
import { randomBytes } from 'node:crypto'
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody } from '../../contract'
import { HttpError } from '../http/errors'
import { BUYER_KEY_PATTERN, DEFAULT_BUYER_KEY, NAMED_BUYER_KEYS, simulatedBuyer } from './buyers'
import type { SimulatedApp, SimulatorContext } from './methods/types'

export const AuthCodeRequest = Type.Object(
  {
    buyer: Type.Optional(
      Type.String({
        pattern: BUYER_KEY_PATTERN,
        description: `Simulated buyer key, default "${DEFAULT_BUYER_KEY}"`,
      }),
    ),
    appId: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'Default: the shop app' })),
  },
  { title: 'SimulatorAuthCodeRequest', additionalProperties: false },
)
export type AuthCodeRequest = Static<typeof AuthCodeRequest>

const SimulatedBuyerSchema = Type.Object({ key: Type.String(), userId: Type.String(), openId: Type.String() })

export const AuthCodeResponse = Type.Object(
  {
    authCode: Type.String(),
    appId: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
    buyer: SimulatedBuyerSchema,
  },
  { title: 'SimulatorAuthCode' },
)
export type AuthCodeResponse = Static<typeof AuthCodeResponse>

export interface AuthCodeRouteOptions {
  apps: Map<string, SimulatedApp>
  defaultAppId: string
  context: SimulatorContext
}

export const authCodeRoutes: FastifyPluginAsyncTypebox<AuthCodeRouteOptions> = async (app, options) => {
  const { apps, defaultAppId, context } = options

  app.post(
    '/auth-codes',
    {
      schema: {
        tags: ['alipay-simulator'],
        summary: 'Development only: an auth code for a simulated buyer (what my.getAuthCode returns)',
        body: Type.Optional(AuthCodeRequest),
        response: { 201: AuthCodeResponse, 400: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const appId = request.body?.appId ?? defaultAppId
      if (!apps.has(appId)) throw new HttpError(400, 'bad_request', `The simulator has no app "${appId}".`)
      const buyerKey = request.body?.buyer ?? DEFAULT_BUYER_KEY
      const now = context.now()
      context.store.purgeExpired(now)
      const authCode = randomBytes(16).toString('hex')
      const expiresAt = now + context.authCodeTtlMs
      context.store.saveAuthCode({ code: authCode, appId, buyerKey, expiresAt })
      return reply.code(201).send({
        authCode,
        appId,
        expiresAt: new Date(expiresAt).toISOString(),
        buyer: simulatedBuyer(appId, buyerKey),
      })
    },
  )

  app.get(
    '/buyers',
    {
      schema: {
        tags: ['alipay-simulator'],
        summary: 'Development only: the named simulated buyers (of the shop app)',
        response: { 200: Type.Object({ items: Type.Array(SimulatedBuyerSchema) }) },
      },
    },
    async () => ({ items: NAMED_BUYER_KEYS.map((key) => simulatedBuyer(defaultAppId, key)) }),
  )
}
