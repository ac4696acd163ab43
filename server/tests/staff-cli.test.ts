/**
 * `npm run staff`: the CLI run as a real process (node --import tsx), on a PGlite DATA_DIR and on
 * PostgreSQL through DATABASE_URL, exactly as the server finds its database.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { migrate } from '../db'
import { openPglite } from '../db/pglite'
import { openPostgres, quoteIdentifier } from '../db/postgres'
import type { Db } from '../db/types'
import { verifyPassword } from '../staff/password'
import { buildTestApp } from '../testing/app'
import { isPostgresReachable, TEST_DATABASE_URL } from '../testing/databases'

const ROOT = path.resolve(__dirname, '../..')
const CLI = path.join(ROOT, 'server/staff/cli.ts')
const CLI_TIMEOUT_MS = 60_000

interface CliTarget {
  /** DATA_DIR or DATABASE_URL for the child. */
  env: Record<string, string>
  /** The same database, opened here (close it before the next CLI run: PGlite is single-process). */
  open(): Promise<Db>
  dispose(): Promise<void>
}

function pgliteTarget(): CliTarget {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-cli-'))
  return {
    env: { DATA_DIR: dataDir },
    open: () => openPglite(path.join(dataDir, 'pglite')),
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  }
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

async function postgresTarget(): Promise<CliTarget> {
  const schema = `test_cli_${randomBytes(4).toString('hex')}`
  await adminQuery(`create schema ${quoteIdentifier(schema)}`)
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openPostgres(TEST_DATABASE_URL, { schema, maxConnections: 2 }),
    dispose: () => adminQuery(`drop schema if exists ${quoteIdentifier(schema)} cascade`),
  }
}

interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

function runCli(
  target: CliTarget,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    // Only what the CLI needs: no inherited DATABASE_URL or STAFF_PASSWORD.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...target.env,
      ...extraEnv,
    } as unknown as NodeJS.ProcessEnv,
    // stdin is a pipe, not a terminal: the CLI cannot prompt.
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: CLI_TIMEOUT_MS,
  })
  child.stdin.end()
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

async function withDb<T>(target: CliTarget, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await target.open()
  try {
    return await fn(db)
  } finally {
    await db.close()
  }
}

const PASSWORD = 'first password 1'
const NEW_PASSWORD = 'second password 2'

/**
 * Each case spawns the CLI (a second or two of tsx start-up). PGlite runs them all; PostgreSQL runs
 * those that depend on the database (`onEveryDatabase`): the rest is the same code on either.
 */
function cliSuite(kind: string, makeTarget: () => Promise<CliTarget>, everyCase: boolean) {
  const onEveryDatabase = it
  const onPglite = everyCase ? it : it.skip
  describe(`staff CLI [${kind}]`, () => {
    jest.setTimeout(2 * CLI_TIMEOUT_MS)
    let target: CliTarget
    beforeAll(async () => {
      target = await makeTarget()
    })
    afterAll(async () => {
      await target?.dispose()
    })

    onEveryDatabase('adds an account from STAFF_PASSWORD, audited, that can then log in', async () => {
      const result = await runCli(target, ['add', 'alice', '--role', 'owner'], { STAFF_PASSWORD: PASSWORD })
      expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Added owner "alice"') })
      await withDb(target, async (db) => {
        const [row] = await db.query<{ id: string; role: string; password_hash: string }>(
          "select id::text, role, password_hash from staff where name = 'alice'",
        )
        expect(row.role).toBe('owner')
        expect(await verifyPassword(PASSWORD, row.password_hash)).toBe(true)
        const audit = await db.query('select staff_id, action, after from audit_log where target_id = $1', [
          row.id,
        ])
        expect(audit).toEqual([
          { staff_id: null, action: 'staff.add', after: { name: 'alice', role: 'owner' } },
        ])
        const app = await buildTestApp(db)
        try {
          const login = await app.inject({
            method: 'POST',
            url: '/api/merchant/session',
            payload: { name: 'alice', password: PASSWORD },
          })
          expect(login.json()).toMatchObject({ staff: { name: 'alice', role: 'owner' } })
        } finally {
          await app.close()
        }
      })
    })

    onEveryDatabase('says so when the name is taken, and what to do instead', async () => {
      const result = await runCli(target, ['add', 'alice'], { STAFF_PASSWORD: PASSWORD })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('A staff account named "alice" already exists')
      expect(result.stderr).toContain('npm run staff -- passwd alice')
    })

    onPglite(
      'explains how to give a password when there is neither STAFF_PASSWORD nor a terminal',
      async () => {
        const result = await runCli(target, ['add', 'bob'])
        expect(result.code).toBe(1)
        expect(result.stderr).toMatch(/No password: set STAFF_PASSWORD .* or run the command in a terminal/)
        await withDb(target, async (db) => {
          expect(await db.query("select 1 from staff where name = 'bob'")).toEqual([])
        })
      },
    )

    onPglite('changes a password (the old one stops working) and lists accounts', async () => {
      const changed = await runCli(target, ['passwd', 'alice'], { STAFF_PASSWORD: NEW_PASSWORD })
      expect(changed.code).toBe(0)
      await withDb(target, async (db) => {
        const [row] = await db.query<{ password_hash: string }>(
          "select password_hash from staff where name = 'alice'",
        )
        expect(await verifyPassword(PASSWORD, row.password_hash)).toBe(false)
        expect(await verifyPassword(NEW_PASSWORD, row.password_hash)).toBe(true)
      })
      const listed = await runCli(target, ['list'])
      expect(listed.code).toBe(0)
      expect(listed.stdout).toMatch(/^alice\towner\tactive\t/m)
    })

    onEveryDatabase('keeps the last enabled owner enabled', async () => {
      const result = await runCli(target, ['disable', 'alice'])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('"alice" is the last enabled owner')
      await withDb(target, async (db) => {
        expect(await db.query("select disabled_at from staff where name = 'alice'")).toEqual([
          { disabled_at: null },
        ])
      })
    })

    onEveryDatabase('disables and enables an account, audited as the console does', async () => {
      await runCli(target, ['add', 'bob'], { STAFF_PASSWORD: PASSWORD })
      const disabled = await runCli(target, ['disable', 'bob'])
      expect(disabled).toMatchObject({ code: 0, stdout: expect.stringContaining('Disabled "bob"') })
      const enabled = await runCli(target, ['enable', 'bob'])
      expect(enabled).toMatchObject({ code: 0, stdout: expect.stringContaining('Enabled "bob"') })
      await withDb(target, async (db) => {
        const audit = await db.query(
          `select a.staff_id, a.action from audit_log a join staff s on a.target_id = s.id::text
            where s.name = 'bob' order by a.id`,
        )
        expect(audit).toEqual([
          { staff_id: null, action: 'staff.add' },
          { staff_id: null, action: 'staff.disable' },
          { staff_id: null, action: 'staff.enable' },
        ])
      })
    })

    onPglite('refuses bad usage with exit code 2 and the usage text', async () => {
      const result = await runCli(target, ['add', 'carol', '--role', 'boss'])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('--role must be owner or staff (got "boss")')
      expect(result.stderr).toContain('Usage:')
    })
  })
}

cliSuite('pglite', async () => pgliteTarget(), true)

describe('staff CLI [pglite] while a server has the database open', () => {
  jest.setTimeout(2 * CLI_TIMEOUT_MS)
  it('refuses, names the holder and what to do, and changes nothing', async () => {
    const target = pgliteTarget()
    try {
      // This process plays the running server: it holds the PGlite directory open.
      const result = await withDb(target, async (db) => {
        await migrate(db)
        return runCli(target, ['add', 'boss', '--role', 'owner'], { STAFF_PASSWORD: PASSWORD })
      })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`is open in another process (pid ${process.pid}`)
      expect(result.stderr).toContain('Stop that process first')
      await withDb(target, async (db) => expect(await db.query('select name from staff')).toEqual([]))
      // Closed, the directory is free again: the same command now works.
      const again = await runCli(target, ['add', 'boss', '--role', 'owner'], { STAFF_PASSWORD: PASSWORD })
      expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('Added owner "boss"') })
    } finally {
      await target.dispose()
    }
  })
})
if (isPostgresReachable()) cliSuite('postgres', postgresTarget, false)
else describe.skip(`staff CLI [postgres] (no server at TEST_DATABASE_URL)`, () => undefined)
