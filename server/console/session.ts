/**
 * The console's sign-in, under `/api/merchant`: `/console/session` POST logs in with name and
 * password and sets the session cookie (cookie.ts), GET answers who is logged in again (with the
 * CSRF token, for a page reload), DELETE logs out (the session row goes, so the same cookie is a
 * 401 afterwards) and clears the cookie. The login spends the staff login budget
 * (`limitedAction: 'staffLogin'`) that POST /api/merchant/session spends, and answers its 401s.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { ApiErrorBody, ConsoleSession, StaffLoginRequest } from '../../contract'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { logOut } from '../staff/login'
import { logInOrRefuse, MERCHANT_ROUTE, toStaff } from '../staff/plugin'
import { findStaffSession } from '../staff/repository'
import { privateAnswers } from '../http/vary'
import { clearedSessionCookie, consoleCookieToken, csrfTokenFor, sessionCookie } from './cookie'

export interface ConsoleSessionOptions {
  db: Db
  staffSessionTtlSeconds: number
  /** Whether the cookie gets `Secure` (cookie.ts cookieIsSecure). */
  secureCookie: boolean
}

const ROUTE = { tags: MERCHANT_ROUTE.tags, security: [{ consoleCookie: [] }] }

export const consoleSessionRoutes: FastifyPluginAsyncTypebox<ConsoleSessionOptions> = async (
  app,
  options,
) => {
  const { db, staffSessionTtlSeconds, secureCookie } = options
  const cookieSettings = { secure: secureCookie }
  const forget = (reply: FastifyReply) => reply.header('set-cookie', clearedSessionCookie(cookieSettings))
  privateAnswers(app) // the answers carry the CSRF token

  app.post(
    '/console/session',
    {
      config: { limitedAction: 'staffLogin', consoleLogin: true },
      schema: {
        ...ROUTE,
        summary: 'Console log in: sets the session cookie and answers the CSRF token',
        body: StaffLoginRequest,
        response: {
          201: ConsoleSession,
          400: ApiErrorBody,
          401: ApiErrorBody,
          403: ApiErrorBody,
          429: ApiErrorBody,
        },
      },
    },
    async (request, reply) => {
      const result = await logInOrRefuse(db, request.body, staffSessionTtlSeconds)
      // A login over an existing cookie replaces its session: the old one ends here, not at its expiry.
      const replaced = consoleCookieToken(request)
      if (replaced) await logOut(db, replaced)
      const session: ConsoleSession = {
        staff: toStaff(result.staff),
        csrfToken: csrfTokenFor(result.token),
        expiresAt: result.expiresAt.toISOString(),
      }
      reply.header('set-cookie', sessionCookie(result.token, staffSessionTtlSeconds, cookieSettings))
      return reply.code(201).send(session)
    },
  )

  app.get(
    '/console/session',
    {
      schema: {
        ...ROUTE,
        summary: 'The console session of the cookie, with its CSRF token',
        response: { 200: ConsoleSession, 401: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const token = request.consoleToken
      const found = token ? await findStaffSession(db, token) : undefined
      if (!token || found?.status !== 'valid') {
        if (token) forget(reply)
        throw found?.status === 'expired'
          ? new HttpError(401, 'session_expired', 'The console session expired; log in again.')
          : new HttpError(401, 'unauthorized', 'Not logged in to the console.')
      }
      const session: ConsoleSession = {
        staff: toStaff(found.staff),
        csrfToken: csrfTokenFor(token),
        expiresAt: found.expiresAt.toISOString(),
      }
      return session
    },
  )

  app.delete(
    '/console/session',
    {
      schema: {
        ...ROUTE,
        summary: 'Console log out (needs the CSRF token): the session ends and the cookie is cleared',
        response: {
          204: { type: 'null', description: 'Logged out (or was not logged in)' },
          403: ApiErrorBody,
        },
      },
    },
    async (request, reply) => {
      if (request.consoleToken) await logOut(db, request.consoleToken)
      forget(reply)
      return reply.code(204).send()
    },
  )
}
