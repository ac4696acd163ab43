/**
 * PGlite is PostgreSQL in one process: a second process that opens the same data directory writes
 * beside the first, unseen by it (the first's cache and WAL win), and corrupts or loses what either
 * wrote. So whoever opens it first holds a lock file next to it, and a second opener is refused with
 * a message that names the holder. A lock whose process is gone (a crash, kill -9) is taken over.
 */
import fs from 'node:fs'

/** The lock beside a PGlite data directory (outside it: PostgreSQL owns what is inside). */
export const pgliteLockPath = (dataDir: string): string => `${dataDir.replace(/[/\\]+$/, '')}.lock`

export class PgliteInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `PGlite at ${dataDir} is open in another process (pid ${holderPid}: a running server, or \`npm run staff\`): ` +
        'one process at a time may open it. Stop that process first, or use PostgreSQL (DATABASE_URL), ' +
        `which many processes share. If no such process runs, delete ${pgliteLockPath(dataDir)}.`,
    )
    this.name = 'PgliteInUseError'
  }
}

/** The locks this process holds: a lock naming this pid that is not among them is an earlier process's. */
const heldHere = new Set<string>()

/** Whether `pid` holds the lock: alive and, when it is this process's pid, holding it here (a container restarts with the same pids). */
function holdsLock(lockPath: string, pid: number): boolean {
  return pid === process.pid ? heldHere.has(lockPath) : isAlive(pid)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, only not ours to signal
  }
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the lock for `dataDir` (throws PgliteInUseError while a live process holds it) and returns
 * its release. The file is created exclusively, so two openers racing cannot both win.
 */
export function lockPgliteDir(dataDir: string): () => void {
  const lockPath = pgliteLockPath(dataDir)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
      heldHere.add(lockPath)
      const release = () => {
        process.off('exit', release)
        heldHere.delete(lockPath)
        if (readHolder(lockPath) === process.pid) fs.rmSync(lockPath, { force: true })
      }
      process.on('exit', release) // a process that exits without closing leaves no lock behind
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readHolder(lockPath)
    if (holder !== undefined && holdsLock(lockPath, holder)) throw new PgliteInUseError(dataDir, holder)
    fs.rmSync(lockPath, { force: true }) // its process is gone: take it over
  }
  throw new PgliteInUseError(dataDir, readHolder(lockPath) ?? 0)
}
