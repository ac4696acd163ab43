/**
 * One task at a time: while a task is under way, another call is refused instead of starting a
 * second request (Enter pressed twice, a click while a confirmation's request is still out).
 */
export interface Exclusive {
  readonly busy: boolean
  /** Runs `task` unless one is under way; `started: false` when refused. */
  run<T>(task: () => Promise<T>): Promise<{ started: false } | { started: true; value: T }>
}

export function createExclusive(): Exclusive {
  let busy = false
  return {
    get busy() {
      return busy
    },
    async run(task) {
      if (busy) return { started: false }
      busy = true
      try {
        return { started: true, value: await task() }
      } finally {
        busy = false
      }
    },
  }
}
