/**
 * `requireBuyer`: a preHandler for routes that need a logged-in buyer. It reads
 * `Authorization: Bearer <token>` and sets `request.buyer`, or answers 401 with `unauthorized`
 * (no or unknown token) or `session_expired` (the client logs in again, once, transparently).
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import { findSession, type BuyerRecord } from './repository'

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-shadow -- augments Fastify's own interface
  interface FastifyRequest {
    /** Set by requireBuyer on routes that use it. */
    buyer?: BuyerRecord
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header.trim()) : null
  return match?.[1]
}

export function requireBuyer(db: Db): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request)
    if (!token) throw new HttpError(401, 'unauthorized', 'Log in first: send Authorization: Bearer <token>.')
    const session = await findSession(db, token)
    if (session.status === 'expired')
      throw new HttpError(401, 'session_expired', 'The session expired; log in again.')
    if (session.status === 'unknown')
      throw new HttpError(401, 'unauthorized', 'Unknown session; log in again.')
    request.buyer = session.buyer
  }
}

/** The session token of a route guarded by requireBuyer (to tie what the route mints to the session). */
export function sessionTokenOf(request: FastifyRequest): string {
  const token = bearerToken(request)
  if (!token) throw new Error('sessionTokenOf() used on a route without requireBuyer')
  return token
}

/** The buyer of a route guarded by requireBuyer. */
export function buyerOf(request: FastifyRequest): BuyerRecord {
  if (!request.buyer) throw new Error('buyerOf() used on a route without requireBuyer')
  return request.buyer
}
