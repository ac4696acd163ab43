/**
 * The console's session cookie and its CSRF token. The cookie holds a staff session token (the
 * same `staff_sessions` rows as the bearer tokens, so logout, disabling an account and a password
 * reset end it). The CSRF token is derived from that session token (an HMAC keyed by it), so it
 * needs no column: it lives exactly as long as the session, and neither the token's stored hash
 * nor the CSRF token leads back to the session token.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { MERCHANT_API_PREFIX } from '../../contract'

export const CONSOLE_COOKIE = 'shop_console'
/** Only the merchant API needs the cookie: not the console's files, the shop's API or the simulator. */
export const CONSOLE_COOKIE_PATH = MERCHANT_API_PREFIX

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The console's session token from the Cookie header; undefined without a well-formed one. */
export function consoleCookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie
  if (typeof header !== 'string') return undefined
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=')
    if (at < 0 || pair.slice(0, at).trim() !== CONSOLE_COOKIE) continue
    const value = pair.slice(at + 1).trim()
    if (TOKEN_PATTERN.test(value)) return value
  }
  return undefined
}

export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('console-csrf').digest('base64url')

/** Whether `sent` is the session's CSRF token, compared in constant time. */
export function csrfMatches(sessionToken: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(csrfTokenFor(sessionToken)), digest(sent))
}

/**
 * Secure everywhere but plain http on this machine: browsers refuse Secure cookies over http,
 * except on localhost, which development uses. So an https or a non-loopback public origin gets it.
 */
export function cookieIsSecure(publicOrigin: string): boolean {
  const url = new URL(publicOrigin)
  return url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)
}

interface CookieSettings {
  secure: boolean
}

export function sessionCookie(token: string, maxAgeSeconds: number, settings: CookieSettings): string {
  const flags = [
    `${CONSOLE_COOKIE}=${token}`,
    `Path=${CONSOLE_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ]
  if (settings.secure) flags.push('Secure')
  return flags.join('; ')
}

/** Tells the browser to forget the cookie (same name and path, expired). */
export const clearedSessionCookie = (settings: CookieSettings): string => sessionCookie('', 0, settings)
