/**
 * The merchant API's sessions, registered under `/api/merchant`: POST /session logs a staff member
 * in with name and password, GET /me says who is logged in, DELETE /session logs out. Merchant
 * routes guard themselves with requireStaff (guard.ts) and tag themselves MERCHANT_ROUTE.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody, Staff, StaffLoginRequest, StaffSession } from '../../contract'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { bearerToken } from '../session/guard'
import { requireStaff, staffOf } from './guard'
import { logIn, logOut, type LoginResult } from './login'
import type { StaffRecord } from './repository'

export interface StaffRoutesOptions {
  db: Db
  staffSessionTtlSeconds: number
}

/** OpenAPI fields of every merchant route: the `merchant` tag and the staff bearer token. */
export const MERCHANT_ROUTE = { tags: ['merchant'], security: [{ staffToken: [] }] }

export const toStaff = (record: StaffRecord): Staff => ({ name: record.name, role: record.role })

/** logIn, or the HTTP answer to a failed one: the same 401 whatever was wrong. Shared with the console's login. */
export async function logInOrRefuse(
  db: Db,
  credentials: StaffLoginRequest,
  ttlSeconds: number,
): Promise<Extract<LoginResult, { ok: true }>> {
  const result = await logIn(db, credentials, ttlSeconds)
  if (!result.ok && result.busy)
    throw new HttpError(429, 'rate_limited', 'Too many logins at once: try again in a moment.')
  if (!result.ok) throw new HttpError(401, 'invalid_credentials', 'Wrong name or password.')
  return result
}

export const staffRoutes: FastifyPluginAsyncTypebox<StaffRoutesOptions> = async (app, options) => {
  const { db, staffSessionTtlSeconds } = options

  app.post(
    '/session',
    {
      config: { limitedAction: 'staffLogin' },
      schema: {
        tags: MERCHANT_ROUTE.tags,
        summary: 'Staff log in with name and password',
        body: StaffLoginRequest,
        response: { 201: StaffSession, 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const result = await logInOrRefuse(db, request.body, staffSessionTtlSeconds)
      const session: StaffSession = {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        staff: toStaff(result.staff),
      }
      return reply.code(201).send(session)
    },
  )

  app.get(
    '/me',
    {
      preHandler: requireStaff(db),
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'The logged-in staff member',
        response: { 200: Staff, 401: ApiErrorBody },
      },
    },
    async (request) => toStaff(staffOf(request)),
  )

  app.delete(
    '/session',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Staff log out: the token stops working. Idempotent.',
        response: { 204: { type: 'null', description: 'Logged out (or was not logged in)' } },
      },
    },
    async (request, reply) => {
      const token = bearerToken(request)
      if (token) await logOut(db, token)
      return reply.code(204).send()
    },
  )
}
