/**
 * One process at a time opens a PGlite directory (pglite-lock.ts): a second open is refused while
 * the first holds it, the lock goes with close, and a lock left by a dead process is taken over.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openPglite } from '../db/pglite'
import { PgliteInUseError, pgliteLockPath } from '../db/pglite-lock'

// One directory for the file: a new PGlite directory takes seconds to create, an existing one opens fast.
let dataDir: string
beforeAll(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-')), 'pglite')
})
afterEach(() => fs.rmSync(pgliteLockPath(dataDir), { force: true }))
afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }))

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  })
  return Number(child.stdout)
}

it('refuses a second open while the first holds the directory, and allows it after close', async () => {
  const first = await openPglite(dataDir)
  expect(fs.readFileSync(pgliteLockPath(dataDir), 'utf8')).toBe(`${process.pid}\n`)
  await expect(openPglite(dataDir)).rejects.toThrow(PgliteInUseError)
  await first.query('create table if not exists kept (n int)')
  await first.close()
  expect(fs.existsSync(pgliteLockPath(dataDir))).toBe(false)
  const second = await openPglite(dataDir)
  expect(await second.query('select count(*)::int as n from kept')).toEqual([{ n: 0 }])
  await second.close()
})

it('takes over a lock whose process is gone (a crash or kill -9)', async () => {
  fs.writeFileSync(pgliteLockPath(dataDir), `${deadPid()}\n`)
  const db = await openPglite(dataDir)
  expect(fs.readFileSync(pgliteLockPath(dataDir), 'utf8')).toBe(`${process.pid}\n`)
  await db.close()
})

it('takes over a lock naming this very pid that this process does not hold (a restarted container)', async () => {
  fs.writeFileSync(pgliteLockPath(dataDir), `${process.pid}\n`)
  const db = await openPglite(dataDir)
  await expect(openPglite(dataDir)).rejects.toThrow(PgliteInUseError) // now it does hold it
  await db.close()
})

it('names a live holder and the way out in its message', async () => {
  fs.writeFileSync(pgliteLockPath(dataDir), `${process.ppid}\n`) // alive: the process that started this one
  await expect(openPglite(dataDir)).rejects.toThrow(
    `PGlite at ${dataDir} is open in another process (pid ${process.ppid}`,
  )
  await expect(openPglite(dataDir)).rejects.toThrow(`delete ${pgliteLockPath(dataDir)}`)
})
