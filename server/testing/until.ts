/** Bounded polling for tests: waits only as long as the condition needs, and a timeout names what was awaited. */

/** `await until(...)`: polls `check` until it returns a value other than undefined, or fails. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
  /** What was last seen, for the failure message. */
  detail?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail ? `: ${detail()}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
