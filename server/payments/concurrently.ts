/**
 * Calls to Alipay about many orders (before expiry, closing trades, repairs) go this many at a
 * time. One at a time, a sweep of 100 orders would stall for 100 × ALIPAY_TIMEOUT_MS while Alipay
 * is unreachable; all at once would burst past Alipay's rate limits.
 */
export const ALIPAY_CALLS_AT_ONCE = 4

/** Runs `task` for every item, at most `limit` at once; `task` must not throw. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  task: (item: T) => Promise<void>,
  limit = ALIPAY_CALLS_AT_ONCE,
): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item)
  }
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker))
}

const inFlight = new WeakMap<object, Map<string, Promise<void>>>()

/**
 * Runs `task` unless one with the same key is already running for `owner` (one app's payment
 * deps); callers meanwhile share the running one. So parallel reads of one order or deposit make
 * one Alipay query in this process; the database throttle (query-throttle.ts) does the rest.
 */
export function sharedWhileRunning(owner: object, key: string, task: () => Promise<void>): Promise<void> {
  let running = inFlight.get(owner)
  if (!running) inFlight.set(owner, (running = new Map()))
  const shared = running.get(key)
  if (shared) return shared
  const started = task().finally(() => running.delete(key))
  running.set(key, started)
  return started
}
