/**
 * The cookie is an ambient credential: a browser sends it whatever page makes the request. So,
 * for every route of the app (registered before any route, it sees them all, including merchant
 * routes added later), a request that brings the console cookie and no bearer token:
 *  - on GET, HEAD and OPTIONS goes on with `request.consoleToken` set;
 *  - otherwise must come from our own origin (an Origin header, when sent, must be the public
 *    origin or the origin the request was addressed to) and carry CONSOLE_CSRF_HEADER equal to the
 *    session's CSRF token, else 403 `csrf_failed`.
 * requireStaff reads the cookie only through `request.consoleToken`, so a cookie that did not pass
 * here never authenticates anything. A route that opens a session (`config: { consoleLogin: true }`)
 * has no token yet: only its Origin is checked.
 */
import type { FastifyRequest } from 'fastify'
import { CONSOLE_CSRF_HEADER } from '../../contract'
import { HttpError } from '../http/errors'
import { applyToWholeApp } from '../http/plugin-scope'
import { bearerToken } from '../session/guard'
import { consoleCookieToken, csrfMatches } from './cookie'

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-shadow -- augments Fastify's own interface
  interface FastifyRequest {
    /** The console session token of a cookie that passed the CSRF checks (server/console/csrf.ts). */
    consoleToken?: string
  }
  // eslint-disable-next-line @typescript-eslint/no-shadow -- augments Fastify's own interface
  interface FastifyContextConfig {
    /** The route opens a console session: no CSRF token exists yet, the Origin is still checked. */
    consoleLogin?: boolean
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface ConsoleCsrfOptions {
  /** The server's public origin as browsers send it (server/http/public-urls.ts browserOrigin). */
  publicOrigin: string
  [key: string]: unknown
}

/** Whether the request's Origin, if it sent one, is this server's own. */
function fromOwnOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true
  return origin === publicOrigin || origin === `${request.protocol}://${request.host}`
}

export const consoleCsrf = applyToWholeApp<ConsoleCsrfOptions>('console-csrf', async (app, options) => {
  const { publicOrigin } = options
  app.addHook('onRequest', async (request) => {
    if (bearerToken(request)) return
    const token = consoleCookieToken(request)
    const opensSession = request.routeOptions.config?.consoleLogin === true
    if (SAFE_METHODS.has(request.method)) {
      request.consoleToken = token
      return
    }
    if (!token && !opensSession) return
    if (!fromOwnOrigin(request, publicOrigin))
      throw new HttpError(
        403,
        'csrf_failed',
        'This request came from another site (its Origin is not this server): refused.',
      )
    if (opensSession) return
    if (!csrfMatches(token!, request.headers[CONSOLE_CSRF_HEADER]))
      throw new HttpError(
        403,
        'csrf_failed',
        `The console's security token is missing or wrong (${CONSOLE_CSRF_HEADER}): reload the page and try again.`,
      )
    request.consoleToken = token
  })
})
