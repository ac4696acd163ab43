/**
 * DATA_DIR holds buyers' names, phones and addresses (the PGlite database) and the development
 * keys: nobody but the server's own user may read it. Directories are 0700 and files 0600 whatever
 * the umask the server was started with, and a looser tree from an earlier start is tightened
 * (and reported, so the start-up log can say so).
 */
import fs from 'node:fs'
import path from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600
/** Permission bits for the group and others: none may be set. */
const SHARED_BITS = 0o077

/**
 * Makes every file this process creates from now on private to its user. PGlite keeps creating
 * files (WAL segments, new relations) while it runs, so a chmod after opening is not enough.
 */
export function restrictUmask(): void {
  process.umask(process.umask() | SHARED_BITS)
}

/** Tightens `dir` and everything under it; returns the paths that were looser (symlinks are left alone). */
function tightenTree(dir: string, loosened: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      tightenPath(full, PRIVATE_DIR_MODE, loosened)
      tightenTree(full, loosened)
    } else if (entry.isFile()) {
      tightenPath(full, PRIVATE_FILE_MODE, loosened)
    }
  }
}

function tightenPath(target: string, mode: number, loosened: string[]): void {
  if ((fs.statSync(target).mode & SHARED_BITS) === 0) return
  fs.chmodSync(target, mode)
  loosened.push(target)
}

/**
 * Creates `dir` (and missing parents) as 0700, restricts the umask, and makes whatever is already
 * inside private. Returns the paths that other local users could read before (empty normally).
 * Only for directories the server owns whole (pglite/, keys/): files lose their execute bits.
 */
export function openPrivateDir(dir: string): string[] {
  restrictUmask()
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const loosened: string[] = []
  tightenPath(dir, PRIVATE_DIR_MODE, loosened)
  tightenTree(dir, loosened)
  return loosened
}

/**
 * DATA_DIR itself is made 0700 but its contents are left alone (someone may point DATA_DIR at a
 * directory holding other things); `ownDirs` inside it (pglite/, keys/) are made private whole
 * when they exist. Returns what was looser, for the start-up log.
 */
export function openDataDir(dataDir: string, ownDirs: string[]): string[] {
  restrictUmask()
  fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const loosened: string[] = []
  tightenPath(dataDir, PRIVATE_DIR_MODE, loosened)
  for (const dir of ownDirs) if (fs.existsSync(dir)) loosened.push(...openPrivateDir(dir))
  return loosened
}

/** One line for the start-up log about what openPrivateDir tightened. */
export function loosenedWarning(dir: string, loosened: string[]): string {
  const shown = loosened.slice(0, 5).map((target) => path.relative(dir, target) || '.')
  const more = loosened.length > shown.length ? ` and ${loosened.length - shown.length} more` : ''
  return (
    `DATA_DIR ${dir} was readable by other local users (${shown.join(', ')}${more}); made it private ` +
    '(directories 0700, files 0600). Check who could read it, and rotate the development keys if they were exposed.'
  )
}
