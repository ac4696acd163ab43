/**
 * `requireStaff`: a preHandler for /api/merchant/* routes. It reads `Authorization: Bearer <token>`,
 * or else the console's session cookie once it passed the CSRF checks (server/console/csrf.ts sets
 * `request.consoleToken`), and looks the token up among STAFF sessions only, so a buyer's token is unknown here (and a staff
 * token is unknown to requireBuyer). Sets `request.staff`, or answers 401 `unauthorized` or
 * `session_expired`. `requireRole` then restricts a route to some roles (403 `forbidden`).
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { StaffRole } from '../../contract'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { bearerToken } from '../session/guard'
import { findStaffSession, type StaffRecord } from './repository'

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-shadow -- augments Fastify's own interface
  interface FastifyRequest {
    /** Set by requireStaff on routes that use it. */
    staff?: StaffRecord
  }
}

export function requireStaff(db: Db): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request) ?? request.consoleToken
    if (!token)
      throw new HttpError(
        401,
        'unauthorized',
        'Staff log in first: send Authorization: Bearer <staff token>, or log in to the console.',
      )
    const session = await findStaffSession(db, token)
    if (session.status === 'expired')
      throw new HttpError(401, 'session_expired', 'The staff session expired; log in again.')
    if (session.status === 'unknown')
      throw new HttpError(401, 'unauthorized', 'Unknown staff session; log in again.')
    request.staff = session.staff
  }
}

/** The staff member of a route guarded by requireStaff. */
export function staffOf(request: FastifyRequest): StaffRecord {
  if (!request.staff) throw new Error('staffOf() used on a route without requireStaff')
  return request.staff
}

/** After requireStaff: only these roles may go on, e.g. `preHandler: [requireStaff(db), requireRole('owner')]`. */
export function requireRole(...roles: StaffRole[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const { role } = staffOf(request)
    if (!roles.includes(role))
      throw new HttpError(403, 'forbidden', `Only ${roles.join(' or ')} accounts may do this.`)
  }
}
