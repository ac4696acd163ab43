/**
 * One Idempotency-Key per distinct order request: a retry of the same request (a tap after a
 * timeout, a renewed session) reuses its key, so the server returns the order it already made;
 * a changed request (other lines, other address) gets a new key.
 */
export function createIdempotencyKeys(random: () => string = randomKey) {
  let last: { request: string; key: string } | undefined
  return {
    keyFor(request: unknown): string {
      const serialized = JSON.stringify(request)
      if (last?.request !== serialized) last = { request: serialized, key: random() }
      return last.key
    },
  }
}

function randomKey(): string {
  let key = Date.now().toString(36)
  while (key.length < 32) key += Math.random().toString(36).slice(2)
  return key.slice(0, 32)
}
