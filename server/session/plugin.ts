/**
 * Login API, registered under `/api`: POST /session exchanges an Alipay auth code for a session
 * (alipay.system.oauth.token → upsert the buyer → opaque token), GET /me says who is logged in,
 * DELETE /session logs out. The buyer's identity only ever comes from Alipay's verified answer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { ApiErrorBody, Buyer, LoginRequest, Session } from '../../contract'
import { AlipayBusinessError, AlipayUnavailableError, type AlipayClient } from '../alipay/client'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { bearerToken, buyerOf, requireBuyer } from './guard'
import {
  createSession,
  deleteSession,
  maskAlipayId,
  upsertBuyer,
  type AlipayIdentity,
  type BuyerRecord,
} from './repository'

export interface SessionRoutesOptions {
  db: Db
  /** Without it (tests of other features) login answers 502; /me and logout still work. */
  alipay?: AlipayClient
  sessionTtlSeconds: number
}

interface OauthTokenResult {
  userId?: string
  openId?: string
}

/** What to check when Alipay refuses the call itself (not the buyer's code). */
const ADVICE_BY_SUB_CODE: Record<string, string> = {
  'isv.invalid-signature':
    'check that ALIPAY_PRIVATE_KEY matches the app public key registered on open.alipay.com',
  'isv.invalid-app-id': 'check ALIPAY_APP_ID',
  'isv.invalid-signature-type': 'the app must use RSA2 keys',
  // Certificate mode (公钥证书): see server/alipay-simulator/cert-check.ts for the codes.
  'isv.missing-app-cert-sn':
    'the app signs in certificate mode on open.alipay.com: set ALIPAY_APP_CERT_PATH, ALIPAY_PUBLIC_CERT_PATH and ALIPAY_ROOT_CERT_PATH instead of ALIPAY_PUBLIC_KEY',
  'isv.app-cert-not-exist':
    "check that ALIPAY_APP_CERT_PATH is the app's current appCertPublicKey_<appid>.crt from open.alipay.com",
  'isv.invalid-alipay-root-cert-sn':
    'check that ALIPAY_ROOT_CERT_PATH is alipayRootCert.crt from open.alipay.com',
}

function toBuyer(record: BuyerRecord): Buyer {
  return {
    id: record.id,
    alipayIdKind: record.alipay.kind,
    alipayIdMasked: maskAlipayId(record.alipay.value),
  }
}

/** alipay.system.oauth.token, with every failure turned into the API's error shape. */
async function exchangeAuthCode(
  alipay: AlipayClient | undefined,
  authCode: string,
  log: FastifyBaseLogger,
): Promise<AlipayIdentity> {
  if (!alipay) throw new HttpError(502, 'alipay_unavailable', 'Alipay is not configured on this server.')
  let result: OauthTokenResult
  try {
    result = await alipay.exec<OauthTokenResult>('alipay.system.oauth.token', undefined, {
      grant_type: 'authorization_code',
      code: authCode,
    })
  } catch (error) {
    if (error instanceof AlipayBusinessError && error.subCode === 'isv.code-invalid') {
      throw new HttpError(
        400,
        'auth_code_invalid',
        'Alipay refused the auth code (already used, expired, or issued for another app). Get a new one and log in again.',
      )
    }
    log.error({ err: error }, 'login: alipay.system.oauth.token failed')
    if (error instanceof AlipayBusinessError) {
      const advice = (error.subCode && ADVICE_BY_SUB_CODE[error.subCode]) ?? 'see the server log'
      throw new HttpError(
        502,
        'alipay_unavailable',
        `Alipay rejected the login call (${error.code} ${error.subCode ?? error.msg}): ${advice}.`,
      )
    }
    if (error instanceof AlipayUnavailableError) throw new HttpError(502, 'alipay_unavailable', error.message)
    throw error
  }
  if (result.userId) return { kind: 'user_id', value: result.userId }
  if (result.openId) return { kind: 'open_id', value: result.openId }
  log.error({ fields: Object.keys(result) }, 'login: oauth.token answered without user_id or open_id')
  throw new HttpError(502, 'alipay_unavailable', 'Alipay answered the login without a user_id or open_id.')
}

export const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (app, options) => {
  const { db, alipay, sessionTtlSeconds } = options

  app.post(
    '/session',
    {
      config: { limitedAction: 'login' },
      schema: {
        tags: ['session'],
        summary: 'Log in with an Alipay auth code (my.getAuthCode, scopes auth_base)',
        body: LoginRequest,
        response: { 201: Session, 400: ApiErrorBody, 502: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const identity = await exchangeAuthCode(alipay, request.body.authCode, request.log)
      const buyer = await upsertBuyer(db, identity)
      const { token, expiresAt } = await createSession(db, buyer.id, sessionTtlSeconds)
      const session: Session = { token, expiresAt: expiresAt.toISOString(), buyer: toBuyer(buyer) }
      return reply.code(201).send(session)
    },
  )

  app.get(
    '/me',
    {
      preHandler: requireBuyer(db),
      schema: {
        tags: ['session'],
        summary: 'The logged-in buyer (Authorization: Bearer <token>)',
        response: { 200: Buyer, 401: ApiErrorBody },
      },
    },
    async (request) => toBuyer(buyerOf(request)),
  )

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Log out: the bearer token stops working. Idempotent.',
        response: { 204: { type: 'null', description: 'Logged out (or was not logged in)' } },
      },
    },
    async (request, reply) => {
      const token = bearerToken(request)
      if (token) await deleteSession(db, token)
      return reply.code(204).send()
    },
  )
}
