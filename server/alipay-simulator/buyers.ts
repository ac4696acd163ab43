/**
 * Simulated Alipay buyers. A buyer is named by a short key ("buyer-1"); its ids are derived from
 * that key, so the same key is the same Alipay account across simulator restarts:
 * - `user_id`: the legacy, app-independent id, "2088" + 12 digits;
 * - `open_id`: per app (Alipay's OpenID model), so the same buyer differs between two apps.
 */
import { createHash } from 'node:crypto'

export const DEFAULT_BUYER_KEY = 'buyer-1'
/** Named buyers for people and harnesses; any key matching BUYER_KEY_PATTERN works as well. */
export const NAMED_BUYER_KEYS = ['buyer-1', 'buyer-2', 'buyer-3', 'buyer-4', 'buyer-5'] as const
export const BUYER_KEY_PATTERN = '^[A-Za-z0-9_-]{1,32}$'

const sha256 = (text: string) => createHash('sha256').update(text).digest()

export function simulatedUserId(buyerKey: string): string {
  const digits = BigInt(`0x${sha256(`user:${buyerKey}`).toString('hex')}`) % 10n ** 12n
  return `2088${digits.toString().padStart(12, '0')}`
}

export function simulatedOpenId(appId: string, buyerKey: string): string {
  // Real open_ids are ~47 letters and digits starting with "0"; the shape is all that matters.
  const body = sha256(`open:${appId}:${buyerKey}`)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
  return `0${body.slice(0, 40)}`
}

export interface SimulatedBuyer {
  key: string
  userId: string
  openId: string
}

export function simulatedBuyer(appId: string, buyerKey: string): SimulatedBuyer {
  return { key: buyerKey, userId: simulatedUserId(buyerKey), openId: simulatedOpenId(appId, buyerKey) }
}
