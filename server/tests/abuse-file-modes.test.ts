/**
 * Issue 14, finding 3: DATA_DIR (the PGlite database with buyers' names, phones and addresses, and
 * the development keys) is readable by nobody but the server's user: directories 0700, files 0600,
 * whatever the umask; a looser tree from before is tightened and the start-up log says so.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDataDir } from '../db/data-dir'
import { freePort } from '../testing/free-port'
import { until } from '../testing/until'

const ROOT = path.resolve(__dirname, '../..')

/** Every directory and file under `dir` (itself included) whose mode is not private. */
function notPrivate(dir: string): string[] {
  const found: string[] = []
  const visit = (target: string) => {
    const stat = fs.lstatSync(target)
    const mode = stat.mode & 0o777
    if (stat.isDirectory()) {
      if (mode !== 0o700) found.push(`${mode.toString(8)} ${target}`)
      for (const name of fs.readdirSync(target)) visit(path.join(target, name))
    } else if (stat.isFile() && mode !== 0o600) {
      found.push(`${mode.toString(8)} ${target}`)
    }
  }
  visit(dir)
  return found
}

function countFiles(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile())
    .length
}

describe('DATA_DIR file modes', () => {
  let umask: number
  let tmp: string
  beforeEach(() => {
    umask = process.umask(0) // the loosest umask a user might start the server with
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-modes-'))
  })
  afterEach(() => {
    process.umask(umask)
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('tightens DATA_DIR and its own subdirectories, reports what it tightened, and leaves other files alone', () => {
    const dataDir = path.join(tmp, 'data')
    const keys = path.join(dataDir, 'keys')
    fs.mkdirSync(keys, { recursive: true, mode: 0o755 })
    fs.writeFileSync(path.join(keys, 'app-private.pem'), 'secret', { mode: 0o644 })
    fs.writeFileSync(path.join(keys, 'app-public.pem'), 'public', { mode: 0o600 })
    // DATA_DIR pointed at a directory that also holds other things: those are not ours to change.
    fs.mkdirSync(path.join(dataDir, 'tools'), { mode: 0o755 })
    fs.writeFileSync(path.join(dataDir, 'tools', 'run.sh'), '#!/bin/sh', { mode: 0o755 })

    const ownDirs = [path.join(dataDir, 'pglite'), keys]
    expect(openDataDir(dataDir, ownDirs)).toEqual([dataDir, keys, path.join(keys, 'app-private.pem')])
    expect(notPrivate(keys)).toEqual([])
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700)
    expect(fs.statSync(path.join(dataDir, 'tools', 'run.sh')).mode & 0o777).toBe(0o755)
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false)
    expect(openDataDir(dataDir, ownDirs)).toEqual([])
  })

  // The server inherits umask 000: the database PGlite unpacks, what PostgreSQL writes while
  // migrating and seeding, and the development keys must all come out private.
  it('npm run server warns at start-up about a looser DATA_DIR and runs with it private', async () => {
    const dataDir = path.join(tmp, 'data')
    fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true, mode: 0o755 })
    fs.chmodSync(dataDir, 0o755)
    const port = await freePort()
    // The child inherits this test's umask 000.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TZ: 'Asia/Shanghai',
        PORT: String(port),
        DATA_DIR: dataDir,
        ORDER_EXPIRY_SWEEP_SECONDS: '3600',
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      await until(
        'the server to start',
        async () => (output.includes('Reference server:') || child.exitCode !== null ? true : undefined),
        90_000,
        200,
        () => output,
      )
      const warning = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; msg: string })
        .find((entry) => entry.msg.includes('was readable by other local users'))
      expect(warning).toMatchObject({
        level: 40,
        msg: expect.stringContaining(`DATA_DIR ${dataDir} was readable`),
      })
      expect(warning?.msg).toMatch(/\(\., pglite\)/)
      expect(countFiles(path.join(dataDir, 'pglite'))).toBeGreaterThan(100)
      expect(fs.readdirSync(path.join(dataDir, 'keys'))).toHaveLength(4)
      expect(notPrivate(dataDir)).toEqual([])
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  }, 120_000)
})
