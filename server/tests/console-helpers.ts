/** Shared by the console suites (not a test file itself): logging in to the console with a cookie. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { ConsoleSession } from '../../contract'
import { CONSOLE_CSRF_HEADER } from '../../contract'
import { CONSOLE_COOKIE } from '../console/cookie'

export const CONSOLE_SESSION_URL = '/api/merchant/console/session'

export interface ConsoleLogin {
  res: LightMyRequestResponse
  /** The Set-Cookie header as sent. */
  setCookie: string
  /** What the browser sends back: `shop_console=<token>`. */
  cookie: string
  session: ConsoleSession
  /** Headers of a state-changing request: the cookie and the CSRF token. */
  headers: Record<string, string>
}

export function postLogin(
  app: FastifyInstance,
  credentials: { name: string; password: string },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: CONSOLE_SESSION_URL, payload: credentials, headers })
}

export async function consoleLogin(
  app: FastifyInstance,
  credentials: { name: string; password: string },
): Promise<ConsoleLogin> {
  const res = await postLogin(app, credentials)
  expect(res.statusCode).toBe(201)
  const setCookie = String(res.headers['set-cookie'])
  const cookie = setCookie.split(';')[0]
  expect(cookie.startsWith(`${CONSOLE_COOKIE}=`)).toBe(true)
  const session = res.json<ConsoleSession>()
  return { res, setCookie, cookie, session, headers: { cookie, [CONSOLE_CSRF_HEADER]: session.csrfToken } }
}
