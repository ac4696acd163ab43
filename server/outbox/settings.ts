/**
 * Outbox settings (server/outbox) and the order center's switch (server/order-center), read once
 * by server/config.ts:
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | ALIPAY_ORDER_SYNC | on against the simulator, off with real credentials | sync each order's life to Alipay's order center (alipay.merchant.order.sync); on/off, 1/0, true/false |
 * | OUTBOX_POLL_MS | 1000 | how often each instance looks for due jobs |
 * | OUTBOX_LEASE_SECONDS | 60 | how long a claimed job is its worker's alone (longer than any Alipay call) |
 * | OUTBOX_RETRY_BASE_MS | 1000 | first wait after a transient failure; it doubles each time… |
 * | OUTBOX_RETRY_MAX_MS | 300000 | …up to this (5 minutes) |
 * | OUTBOX_MAX_ATTEMPTS | 30 | tries before a job that keeps failing is marked failed (about 2 hours) |
 * | OUTBOX_RETENTION_DAYS | 7 | delivered jobs are deleted this long after delivery; failed ones are kept |
 *
 * ALIPAY_ORDER_SYNC is off by default with real credentials: the order center is a product the
 * merchant adds to the app in the console first (AlipayDocs/open-docs
 * support/支付宝小程序/常见问题/NO_PERMISSOON（没有权限）.md: "确认该账号是否已经开通了小程序订单中心产品"),
 * without it every call fails; the merchant turns it on once it is added.
 */
import { read, readSwitch, readWholeNumber, type Env } from '../config'

export interface OutboxSettings {
  /** ALIPAY_ORDER_SYNC: send order states to Alipay's order center. */
  orderSync: boolean
  pollMs: number
  leaseMs: number
  retry: { baseMs: number; maxMs: number; maxAttempts: number }
  /** Days a delivered job is kept (for operators) before the worker deletes it. */
  retentionDays: number
}

function readOnOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase()
  if (raw === 'on') return true
  if (raw === 'off') return false
  try {
    return readSwitch(env, name, fallback)
  } catch {
    throw new Error(`${name} must be on or off (got "${raw}"). Default: ${name}=${fallback ? 'on' : 'off'}.`)
  }
}

/** `simulated`: Alipay is the simulator (no real credentials), where the sync is on by default. */
export function readOutboxSettings(env: Env, simulated: boolean): OutboxSettings {
  const baseMs = readWholeNumber(env, 'OUTBOX_RETRY_BASE_MS', 1000, 1, 3_600_000)
  const maxMs = readWholeNumber(env, 'OUTBOX_RETRY_MAX_MS', 300_000, 1, 86_400_000)
  if (maxMs < baseMs) {
    throw new Error(`OUTBOX_RETRY_MAX_MS (${maxMs}) must not be below OUTBOX_RETRY_BASE_MS (${baseMs}).`)
  }
  return {
    orderSync: readOnOff(env, 'ALIPAY_ORDER_SYNC', simulated),
    pollMs: readWholeNumber(env, 'OUTBOX_POLL_MS', 1000, 10, 600_000),
    leaseMs: readWholeNumber(env, 'OUTBOX_LEASE_SECONDS', 60, 1, 3600) * 1000,
    retry: { baseMs, maxMs, maxAttempts: readWholeNumber(env, 'OUTBOX_MAX_ATTEMPTS', 30, 1, 1000) },
    retentionDays: readWholeNumber(env, 'OUTBOX_RETENTION_DAYS', 7, 1, 3650),
  }
}
