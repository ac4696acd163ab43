/**
 * Bounded waits on a condition, never fixed sleeps: the condition is checked at once, again
 * whenever the runtime reports a change (a setData, a navigation), and on a short poll for what
 * only the server knows. A timeout fails with the caller's message and what was last seen.
 */
export interface WaitOptions {
  timeoutMs?: number
  /** Says what was awaited, for the failure message. */
  message?: string
  /** Described in the failure message: what the condition saw last (e.g. the page's text). */
  describe?: () => string
}

export const DEFAULT_WAIT_MS = 10_000
const POLL_MS = 15

type Listener = () => void

/** Something that says "look again": the runtime calls `notify()` after each change. */
export class ChangeSignal {
  private listeners = new Set<Listener>()
  notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** Resolves with the condition's first truthy value. */
export function waitFor<T>(
  condition: () => T | undefined | null | false,
  signal: ChangeSignal | undefined,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS
  return new Promise<T>((resolve, reject) => {
    let done = false
    let lastError: unknown
    const check = () => {
      if (done) return
      try {
        const value = condition()
        if (value) finish(() => resolve(value as T))
      } catch (error) {
        lastError = error
      }
    }
    const unsubscribe = signal?.subscribe(() => queueMicrotask(check))
    const poll = setInterval(check, POLL_MS)
    const timer = setTimeout(() => {
      const seen = options.describe ? `\nLast seen:\n${options.describe()}` : ''
      const cause = lastError ? `\nLast error: ${String(lastError)}` : ''
      finish(() =>
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${options.message ?? 'a condition'}${cause}${seen}`,
          ),
        ),
      )
    }, timeoutMs)
    function finish(settle: () => void) {
      done = true
      clearInterval(poll)
      clearTimeout(timer)
      unsubscribe?.()
      settle()
    }
    check()
  })
}
