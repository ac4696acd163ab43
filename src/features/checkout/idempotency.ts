import { storedValue, type StoredValue } from '../../shared/stored-value'

/**
 * One Idempotency-Key per distinct order request: a retry of the same request (a tap after a
 * timeout, a renewed session) reuses its key, so the server returns the order it already made;
 * a changed request (other lines, other address) gets a new key.
 *
 * The key of a request whose answer never arrived is kept in storage until an answer does
 * (`settled()`), so leaving the checkout page or restarting the app after a lost answer and
 * tapping again still finds the order the server made instead of placing a second one. It is
 * forgotten after PENDING_KEY_MAX_AGE_MS: an identical order much later is a new order.
 */
export interface PendingKey {
  request: string
  key: string
  /** Epoch ms when the key was made. */
  at: number
}

export const PENDING_ORDER_KEY_STORAGE = 'shop.pendingOrderKey'
/** Shorter than the server's default order expiry (15 min), so a reused key finds a live order. */
export const PENDING_KEY_MAX_AGE_MS = 10 * 60_000

const isPendingKey = (value: unknown): value is PendingKey => {
  const pending = value as PendingKey | undefined
  return (
    typeof pending?.request === 'string' && typeof pending.key === 'string' && typeof pending.at === 'number'
  )
}

/** Where the checkout keeps the key of its unanswered order request. */
export const pendingOrderKey = (): StoredValue<PendingKey> =>
  storedValue(PENDING_ORDER_KEY_STORAGE, isPendingKey)

/** Without `storage` the key lives in memory only (as long as this object). */
export function createIdempotencyKeys(
  random: () => string = randomKey,
  storage?: StoredValue<PendingKey>,
  now: () => number = Date.now,
) {
  // Also in memory: a storage that cannot be written must not cost the retry its key.
  let last: PendingKey | undefined
  return {
    keyFor(request: unknown): string {
      const serialized = JSON.stringify(request)
      const stored = storage?.get() ?? last
      const fresh = stored && now() - stored.at < PENDING_KEY_MAX_AGE_MS ? stored : undefined
      if (fresh?.request === serialized) return fresh.key
      last = { request: serialized, key: random(), at: now() }
      storage?.set(last)
      return last.key
    },
    /** The server answered: the next order, even an identical one, is a new order. */
    settled(): void {
      last = undefined
      storage?.clear()
    },
  }
}

function randomKey(): string {
  let key = Date.now().toString(36)
  while (key.length < 32) key += Math.random().toString(36).slice(2)
  return key.slice(0, 32)
}
