/**
 * Shared by the fault suites (not a test file itself): the reference server and the Alipay
 * simulator as real child processes (`node --import tsx …`, exactly what `npm run server` and
 * `npm run simulator` run), on free loopback ports, so a test can SIGKILL one and start it again.
 *
 * `node --import tsx` rather than the `tsx` CLI: the CLI runs the program in a grandchild, and a
 * SIGKILL to the CLI would leave the real server running.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const OUTPUT_KEPT = 8000

export interface RunningProcess {
  name: string
  pid: number
  /** The end of what the process printed (stdout and stderr), for failure messages. */
  output(): string
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<string>
  /** Sends `signal` and waits for the process to be gone (SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<string>
}

const running = new Set<RunningProcess>()

/**
 * Starts `script` (relative to the repository root) and waits until `readyUrl` answers 200.
 * Fails with the process's output if it exits first or is not ready within `readyTimeoutMs`.
 */
export async function startNodeProcess(options: {
  name: string
  script: string
  env: Record<string, string>
  readyUrl: string
  readyTimeoutMs?: number
}): Promise<RunningProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', options.script], {
    cwd: ROOT,
    // No inherited NODE_OPTIONS from jest; no NODE_ENV=test surprises either.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TZ: 'Asia/Shanghai',
      ...options.env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  )
  let gone = false
  void exited.then(() => (gone = true))

  const proc: RunningProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (!gone) child.kill(signal)
      const timer = setTimeout(() => !gone && child.kill('SIGKILL'), graceMs)
      try {
        return await exited
      } finally {
        clearTimeout(timer)
        running.delete(proc)
      }
    },
  }
  running.add(proc)

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000)
  for (;;) {
    if (gone) {
      running.delete(proc)
      throw new Error(`${options.name} exited (${await exited}) before it was ready:\n${output}`)
    }
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(2000) })
      if (response.status === 200) return proc
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop('SIGKILL')
      throw new Error(`${options.name} was not ready at ${options.readyUrl} in time:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** For afterAll: whatever a failed test left running. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((proc) => proc.stop('SIGKILL')))
}
