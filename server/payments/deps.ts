/** What the payment code needs from the rest of the server, passed explicitly (no globals). */
import { AlipayBusinessError, type AlipayClient } from '../alipay/client'
import type { Db } from '../db/types'
import { HttpError } from '../http/errors'
import type { PaymentSettings } from './settings'

/** Pino's shape (app.log); errors go under `err`. */
export interface PaymentLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface PaymentDeps {
  db: Db
  alipay: AlipayClient
  settings: PaymentSettings
  log: PaymentLogger
}

/** The ACQ.* sub code when Alipay verifiably said no; undefined for anything else. */
export function alipaySubCode(error: unknown): string | undefined {
  return error instanceof AlipayBusinessError ? (error.subCode ?? error.code) : undefined
}

/** The payment dependencies a route needs; a 502 on a server without an Alipay client. */
export function requirePayments(deps: PaymentDeps | undefined): PaymentDeps {
  if (!deps) throw new HttpError(502, 'alipay_unavailable', 'Payments are not configured on this server.')
  return deps
}
