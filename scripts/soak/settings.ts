/**
 * The soak's settings, read like the server's (server/config.ts): each names its variable, its
 * allowed range and its default when wrong.
 */
import { read, readSwitch, readWholeNumber, type Env } from '../../server/config'
import { TEST_DATABASE_URL } from '../../server/testing/databases'

export interface SoakSettings {
  /** SOAK_SECONDS: how long the load runs. Default 180. */
  seconds: number
  /** SOAK_BUYERS: buyers looping at once. Default 6. */
  buyers: number
  /** SOAK_SLOW_SOCKETS: raw sockets trickling a body or headers at any time. Default 6. */
  slowSockets: number
  /** SOAK_SLOW_BYTE_MS: a slow socket sends one byte this often. Default 2000. */
  slowByteMs: number
  /** Notifies are dropped for dropForSeconds every dropEverySeconds (POST /alipay-sim/control). */
  dropEverySeconds: number
  dropForSeconds: number
  /** The expiry sweeper's interval (ORDER_EXPIRY_SWEEP_SECONDS for the soak's server). */
  sweepSeconds: number
  /** SOAK_SETTLE_SECONDS: at most this long for in-flight work to settle before the check. Default 60. */
  settleSeconds: number
  /** SOAK_WRITE_DOCS=1 writes the result to docs/soak-latest.md. */
  writeDocs: boolean
  /** An administrator's URL: the soak creates its own database there and drops it at the end. */
  databaseUrl: string
}

export function readSoakSettings(env: Env): SoakSettings {
  const seconds = readWholeNumber(env, 'SOAK_SECONDS', 180, 1, 24 * 3600)
  return {
    seconds,
    buyers: readWholeNumber(env, 'SOAK_BUYERS', 6, 1, 200),
    slowSockets: readWholeNumber(env, 'SOAK_SLOW_SOCKETS', 6, 0, 1000),
    slowByteMs: readWholeNumber(env, 'SOAK_SLOW_BYTE_MS', 2000, 10, 60_000),
    // Short soaks (a smoke run) still see a drop window.
    dropEverySeconds: Math.min(30, Math.max(1, Math.floor(seconds / 3))),
    dropForSeconds: Math.min(10, Math.max(1, Math.floor(seconds / 6))),
    sweepSeconds: 1,
    settleSeconds: readWholeNumber(env, 'SOAK_SETTLE_SECONDS', 60, 5, 3600),
    writeDocs: readSwitch(env, 'SOAK_WRITE_DOCS', false),
    databaseUrl: read(env, 'DATABASE_URL') ?? TEST_DATABASE_URL,
  }
}
