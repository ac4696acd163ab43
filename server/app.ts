/**
 * Assembles the HTTP app from one plugin per concern. Does not listen and does not call ready(),
 * so tests can add routes and use `app.inject()`.
 */
import cors from '@fastify/cors'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { MERCHANT_API_PREFIX } from '../contract'
import { afterSalesRoutes } from './after-sales/plugin'
import { merchantAfterSalesRoutes } from './after-sales/merchant-plugin'
import { alipaySimulator, SIMULATOR_PREFIX } from './alipay-simulator/plugin'
import type { AppAlipay } from './alipay/setup'
import { catalogRoutes } from './catalog/plugin'
import { cookieIsSecure } from './console/cookie'
import { consoleCsrf } from './console/csrf'
import { consoleSessionRoutes } from './console/session'
import { consoleStatic } from './console/static'
import { imageRoutes, uploadsDirOf } from './catalog/images'
import { merchantCatalogRoutes } from './catalog/merchant-plugin'
import type { ServerConfig } from './config'
import type { Db } from './db/types'
import { clientErrorHandler } from './http/client-errors'
import { limitedServerFactory } from './http/connection-limits'
import { frameworkErrors } from './http/framework-errors'
import { errorHandling } from './http/errors'
import { acceptEmptyJsonBodies } from './http/json-body'
import { numberGuards } from './http/number-guards'
import { healthRoutes } from './http/health'
import { homeRoute } from './http/home'
import { browserOrigin, publicOrigin } from './http/public-urls'
import { registerOpenApi } from './http/openapi'
import { REDACTED, serializeRequest } from './http/log-redaction'
import { requestIdHeader, resolveRequestId } from './http/request-id'
import { strictBodies } from './http/strict-body'
import { rateLimiting } from './limits/rate-limit'
import { dashboardRoutes } from './merchant/dashboard-plugin'
import { merchantOrderRoutes } from './merchant/orders-plugin'
import { messageRoutes } from './messages/plugin'
import { merchantDepositRoutes } from './merchant/deposits-plugin'
import { nativeRequire } from './native-require'
import { startExpirySweeper } from './orders/expiry'
import { outboxHandlers } from './outbox/handlers'
import { startOutboxWorker, type OutboxWorker } from './outbox/worker'
import { orderRoutes } from './orders/plugin'
import { paymentRoutes } from './payments/plugin'
import { regionRoutes } from './regions/plugin'
import { createPayments } from './payments/service'
import { sessionRoutes } from './session/plugin'
import { staffAccountRoutes } from './staff/accounts-plugin'
import { auditRoutes } from './staff/audit-plugin'
import { staffRoutes } from './staff/plugin'

// Loaded natively so `app.inject()` keeps working in jest when light-my-request's newer releases
// (ESM-only `cookie@2`, see native-require.ts) return. Identical to a normal import under node/tsx.
const { fastify: Fastify } = nativeRequire('fastify') as typeof import('fastify')

export const BODY_LIMIT_BYTES = 64 * 1024

export interface BuildAppOptions {
  db: Db
  config: ServerConfig
  /** false (default) for silence, true for JSON logs at config.logLevel, or pino options. */
  logger?: boolean | Record<string, unknown>
  /** Where the sample product images are read from (tests); default server/catalog/images. Uploads live in DATA_DIR/images. */
  imagesDir?: string
  /** The console's production build (tests); default admin/dist. */
  consoleDir?: string
  /**
   * The Alipay client for login (and payments), plus the simulator to mount in-process under
   * /alipay-sim (development; see server/alipay/setup.ts). Without it, login answers 502.
   */
  alipay?: AppAlipay
  /**
   * Runs the sweeper (server/orders/expiry.ts) from ready() to close(): it expires unpaid orders
   * with the payment hooks (Alipay is asked first, the trade is closed after, half-done payments
   * are repaired after each sweep), receives and completes orders that are due (AUTO_RECEIVE_DAYS,
   * AFTER_SALES_DAYS) and deletes old idempotency keys. server/main.ts sets it;
   * tests using inject() do not.
   */
  expirySweepMs?: number
  /**
   * Runs the outbox worker (server/outbox) from ready() to close(): it delivers the jobs changes
   * wrote (Alipay's order center) every OUTBOX_POLL_MS. server/main.ts sets it; tests that watch
   * deliveries do.
   */
  runOutbox?: boolean
}

function loggerOptions(
  logger: BuildAppOptions['logger'],
  config: ServerConfig,
): FastifyServerOptions['logger'] {
  if (!logger) return false
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      censor: REDACTED,
    },
    // Tickets and other tokens in query strings never reach the access log (log-redaction.ts).
    serializers: { req: serializeRequest },
    ...(typeof logger === 'object' ? logger : {}),
  }
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { db, config } = opts
  const app = Fastify({
    logger: loggerOptions(opts.logger, config),
    // We decide what an acceptable incoming id is (see request-id.ts), not Fastify.
    requestIdHeader: false,
    genReqId: (request) => resolveRequestId(request.headers['x-request-id']),
    bodyLimit: BODY_LIMIT_BYTES,
    // Router errors (an over-long path segment, broken percent-encoding) in our error shape too.
    frameworkErrors,
    // Requests Node gives up on (unparseable, headers too large, too slow) still get our error shape.
    clientErrorHandler,
    // Bounds on slow, idle and too many clients (header, body and idle timeouts, connection cap).
    serverFactory: limitedServerFactory(config.http),
    // Only these proxies' X-Forwarded-For entries are believed (none: the socket's address).
    trustProxy: config.http.trustProxy.length ? config.http.trustProxy : false,
  }).withTypeProvider<TypeBoxTypeProvider>()

  acceptEmptyJsonBodies(app)
  await app.register(errorHandling, { hideFailureDetails: config.http.hideFailureDetails })
  await app.register(requestIdHeader)
  await app.register(numberGuards)
  await app.register(strictBodies)
  // Request budgets per buyer and per client address on costly routes (server/limits): before
  // any route, as its onRoute hook only sees routes added after it.
  await app.register(rateLimiting, { db, limits: config.limits.rate })
  // The console's cookie counts only with its CSRF token on state changes, on every route.
  await app.register(consoleCsrf, { publicOrigin: browserOrigin(config) })
  // No `credentials`, and not CONSOLE_CSRF_HEADER among the allowed headers: the console is
  // same-origin, so no other origin may send its cookie and read the answer, or send its token.
  await app.register(cors, {
    origin: config.corsOrigin,
    exposedHeaders: ['x-request-id'],
    allowedHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-request-id', 'accept-language'],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  })
  await registerOpenApi(app, config)

  await app.register(homeRoute)
  await app.register(healthRoutes, { db })
  await app.register(imageRoutes, {
    directory: opts.imagesDir,
    uploadsDirectory: uploadsDirOf(config.dataDir),
  })
  await app.register(catalogRoutes, { prefix: '/api', db, config })
  await app.register(regionRoutes, { prefix: '/api' })
  await app.register(messageRoutes, { prefix: '/api', settings: config.messages })
  // Payments (server/payments): close the trade of a closed order, ask Alipay on reading an unpaid
  // one and before expiring one.
  const payments =
    opts.alipay &&
    createPayments({
      db,
      alipay: opts.alipay.client,
      settings: config.alipay.payments,
      log: app.log,
    })
  await app.register(orderRoutes, {
    prefix: '/api',
    db,
    config,
    onOrdersClosed: payments?.onOrdersClosed,
    onOrderRead: payments?.onOrderRead,
    beforeOrdersExpire: payments?.beforeOrdersExpire,
  })
  await app.register(afterSalesRoutes, { prefix: '/api', db, config, payments: payments?.deps })
  await app.register(paymentRoutes, {
    db,
    config,
    deps: payments?.deps,
    inProcessSimulator: Boolean(opts.alipay?.simulator),
  })
  await app.register(sessionRoutes, {
    prefix: '/api',
    db,
    alipay: opts.alipay?.client,
    sessionTtlSeconds: config.sessionTtlSeconds,
  })
  await app.register(staffRoutes, {
    prefix: MERCHANT_API_PREFIX,
    db,
    staffSessionTtlSeconds: config.staffSessionTtlSeconds,
  })
  await app.register(consoleSessionRoutes, {
    prefix: MERCHANT_API_PREFIX,
    db,
    staffSessionTtlSeconds: config.staffSessionTtlSeconds,
    secureCookie: cookieIsSecure(publicOrigin(config)),
  })
  await app.register(consoleStatic, { directory: opts.consoleDir, imagesOrigin: browserOrigin(config) })
  await app.register(staffAccountRoutes, { prefix: MERCHANT_API_PREFIX, db })
  await app.register(auditRoutes, { prefix: MERCHANT_API_PREFIX, db })
  await app.register(dashboardRoutes, { prefix: MERCHANT_API_PREFIX, db, config })
  await app.register(merchantOrderRoutes, {
    prefix: MERCHANT_API_PREFIX,
    db,
    config,
    payments: payments?.deps,
    onOrdersClosed: payments?.onOrdersClosed,
  })
  await app.register(merchantCatalogRoutes, {
    prefix: MERCHANT_API_PREFIX,
    db,
    config,
    imagesDir: opts.imagesDir,
  })
  await app.register(merchantDepositRoutes, {
    prefix: MERCHANT_API_PREFIX,
    db,
    config,
    payments: payments?.deps,
  })
  await app.register(merchantAfterSalesRoutes, {
    prefix: MERCHANT_API_PREFIX,
    db,
    config,
    payments: payments?.deps,
  })
  if (opts.alipay?.simulator) {
    await app.register(alipaySimulator, { prefix: SIMULATOR_PREFIX, ...opts.alipay.simulator })
  }
  const { expirySweepMs } = opts
  if (expirySweepMs) {
    let stopSweeper: (() => Promise<void>) | undefined
    app.addHook('onReady', async () => {
      stopSweeper = startExpirySweeper(db, {
        intervalMs: expirySweepMs,
        logger: app.log,
        beforeExpiring: payments?.beforeOrdersExpire,
        onClosed: payments?.onOrdersClosed,
        afterSweep: payments?.reconcile,
        fulfilment: { autoReceiveDays: config.autoReceiveDays, afterSalesDays: config.afterSalesDays },
      })
    })
    // Waits for a sweep in progress, so the caller can close the database right after.
    app.addHook('onClose', async () => stopSweeper?.())
  }
  if (opts.runOutbox) {
    let worker: OutboxWorker | undefined
    app.addHook('onReady', async () => {
      worker = startOutboxWorker(db, {
        handlers: outboxHandlers({
          settings: config.outbox,
          db,
          messages: config.messages,
          alipay: opts.alipay?.client,
        }),
        settings: config.outbox,
        logger: app.log,
      })
    })
    // Waits for jobs in progress, so the caller can close the database right after.
    app.addHook('onClose', async () => worker?.stop())
  }
  return app
}
