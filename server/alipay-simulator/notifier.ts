/**
 * Delivers asynchronous notifications like Alipay: a form POST to the merchant's notify_url,
 * repeated on a (shortened) schedule until the answer's body is exactly `success`. Also runs the
 * simulator's other delayed work (an "8000 processing" payment, a "slow" refund), so `idle()` means "nothing left
 * that could still change a trade or send a notify". Every timer is cleared by `close()`.
 */

/** Delay before each attempt, after the previous one failed (Alipay: 4m, 10m, 10m, 1h, …). */
export const DEFAULT_NOTIFY_SCHEDULE_MS: readonly number[] = [0, 2_000, 5_000, 15_000, 30_000, 60_000]
export const DEFAULT_NOTIFY_TIMEOUT_MS = 5_000
const ATTEMPT_LOG_SIZE = 200

/** `drop`: notifies are "lost" (never sent; their retries are lost too while dropping). */
export type NotifyMode = 'deliver' | 'drop'

export interface NotifyAttempt {
  url: string
  notifyId: string
  notifyType: string
  /** 1-based. */
  attempt: number
  result: 'success' | 'rejected' | 'error' | 'dropped'
  /** HTTP status and the start of the body, or the error. */
  detail: string
}

export interface NotifierOptions {
  scheduleMs?: readonly number[]
  /** Per attempt. */
  timeoutMs?: number
  mode?: NotifyMode
  log?: { warn(object: object, message: string): void }
}

export interface Notifier {
  readonly scheduleMs: readonly number[]
  mode: NotifyMode
  /** Sends `fields` (already signed) to `url`, with retries. */
  send(url: string, fields: Record<string, string>): void
  /** Runs `task` after `ms`, tracked by idle() and cancelled by close(). */
  defer(ms: number, task: () => void | Promise<void>): void
  /** Resolves once no notify and no deferred task is pending (at once if none is). */
  idle(): Promise<void>
  /** The latest attempts, oldest first. */
  attempts(): NotifyAttempt[]
  /** Cancels everything pending; later sends are ignored. */
  close(): void
}

export function createNotifier(options: NotifierOptions = {}): Notifier {
  const scheduleMs = [...(options.scheduleMs ?? DEFAULT_NOTIFY_SCHEDULE_MS)]
  if (scheduleMs.length === 0 || scheduleMs.some((ms) => !Number.isSafeInteger(ms) || ms < 0))
    throw new Error('The notify schedule must be a non-empty list of delays in ms (integers ≥ 0).')
  const timeoutMs = options.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS
  const timers = new Set<NodeJS.Timeout>()
  const controllers = new Set<AbortController>()
  const log: NotifyAttempt[] = []
  let waiters: Array<() => void> = []
  let pending = 0
  let closed = false

  const wakeIfIdle = () => {
    if (pending > 0) return
    const woken = waiters
    waiters = []
    for (const wake of woken) wake()
  }

  const defer = (ms: number, task: () => void | Promise<void>) => {
    if (closed) return
    pending++
    const timer = setTimeout(() => {
      timers.delete(timer)
      void Promise.resolve()
        .then(task)
        .catch((error: unknown) => options.log?.warn({ err: error }, 'simulator task failed'))
        .finally(() => {
          if (closed) return
          pending--
          wakeIfIdle()
        })
    }, ms)
    timers.add(timer)
  }

  const record = (entry: NotifyAttempt) => {
    log.push(entry)
    if (log.length > ATTEMPT_LOG_SIZE) log.splice(0, log.length - ATTEMPT_LOG_SIZE)
    if (entry.result !== 'success' && entry.result !== 'dropped')
      options.log?.warn({ notify: entry }, `simulated Alipay notify to ${entry.url} not acknowledged`)
  }

  async function post(url: string, body: string): Promise<Pick<NotifyAttempt, 'result' | 'detail'>> {
    const controller = new AbortController()
    controllers.add(controller)
    const timeout = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
        redirect: 'manual',
        signal: controller.signal,
      })
      const text = await response.text()
      // Only the exact body counts, as on Alipay: not "success\n", not an HTML page saying it.
      return {
        result: text === 'success' ? 'success' : 'rejected',
        detail: `${response.status} ${text.slice(0, 80)}`,
      }
    } catch (error) {
      return { result: 'error', detail: error instanceof Error ? error.message : String(error) }
    } finally {
      clearTimeout(timeout)
      controllers.delete(controller)
    }
  }

  const notifier: Notifier = {
    scheduleMs,
    mode: options.mode ?? 'deliver',
    send(url, fields) {
      const body = new URLSearchParams(fields).toString()
      const attempt = async (index: number) => {
        const outcome =
          notifier.mode === 'drop'
            ? { result: 'dropped' as const, detail: 'dropped (POST /control)' }
            : await post(url, body)
        record({
          url,
          notifyId: fields.notify_id ?? '',
          notifyType: fields.notify_type ?? '',
          attempt: index + 1,
          ...outcome,
        })
        if (outcome.result !== 'success' && index + 1 < scheduleMs.length)
          defer(scheduleMs[index + 1], () => attempt(index + 1))
      }
      defer(scheduleMs[0], () => attempt(0))
    },
    defer,
    idle: () =>
      pending === 0 || closed ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    attempts: () => log.map((entry) => ({ ...entry })),
    close() {
      closed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const controller of controllers) controller.abort()
      pending = 0
      wakeIfIdle()
    },
  }
  return notifier
}

/** `ALIPAY_SIM_NOTIFY_SCHEDULE_MS="0,2000,5000"` → [0, 2000, 5000]. */
export function parseNotifySchedule(raw: string, name = 'ALIPAY_SIM_NOTIFY_SCHEDULE_MS'): number[] {
  const parts = raw.split(',').map((part) => part.trim())
  const delays = parts.map(Number)
  if (parts.some((part) => !/^\d+$/.test(part)) || delays.some((ms) => !Number.isSafeInteger(ms)))
    throw new Error(
      `${name} must be comma-separated delays in milliseconds, e.g. "0,2000,5000" (got "${raw}").`,
    )
  return delays
}
