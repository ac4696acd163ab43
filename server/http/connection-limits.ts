/**
 * The Node HTTP server behind Fastify, with bounds on slow and idle clients: a client that
 * trickles its headers or body is cut off at the deadline (answered 408 by clientErrorHandler),
 * an idle or stalled connection closes, and connections beyond the cap are closed as they arrive,
 * so slow clients cannot use up the file descriptors and starve `/healthz` and everyone else.
 */
import http from 'node:http'
import type { FastifyServerFactory } from 'fastify'
import type { HttpSettings } from './http-settings'

/** Node checks request deadlines on a timer; this bounds how late past its deadline a request is cut. */
const DEADLINE_CHECK_MAX_MS = 1000

export type ConnectionLimits = Pick<
  HttpSettings,
  'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'socketTimeoutMs' | 'maxConnections'
>

/** For Fastify's `serverFactory`: Fastify applies its own timeout options only to servers it creates. */
export function limitedServerFactory(limits: ConnectionLimits): FastifyServerFactory {
  return (handler) => {
    const server = http.createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        connectionsCheckingInterval: Math.min(DEADLINE_CHECK_MAX_MS, Math.ceil(limits.headersTimeoutMs / 4)),
      },
      handler,
    )
    server.keepAliveTimeout = limits.keepAliveTimeoutMs
    // Without a 'timeout' listener Node destroys the socket when it has been silent this long.
    server.setTimeout(limits.socketTimeoutMs)
    server.maxConnections = limits.maxConnections
    return server
  }
}
