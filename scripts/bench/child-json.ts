/**
 * The benchmark's measuring scripts run as child processes (their own event loop, or the app's
 * runtime shims) and print their result as a JSON line on stdout, possibly after other output.
 */
import { spawn } from 'node:child_process'

/** tsx's CLI, to run a TypeScript script as a child. */
export const TSX_CLI = require.resolve('tsx/cli')

/**
 * Runs `node ...args` and resolves with the last stdout line that is a JSON object. Rejects
 * when the child fails or prints no such line; its stderr goes to ours.
 */
export function runForJson<T>(
  what: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}`))
      const json = output
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.trim().startsWith('{'))
      if (json === undefined) return reject(new Error(`${what} printed no JSON result`))
      resolve(JSON.parse(json) as T)
    })
  })
}
