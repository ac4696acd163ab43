/**
 * Staff accounts on the command line, on the server's own database (DATABASE_URL, or PGlite under
 * DATA_DIR), migrated first:
 *
 *   npm run staff -- add <name> [--role owner|staff]   password from STAFF_PASSWORD or a prompt
 *   npm run staff -- passwd <name>                     same; ends the account's sessions
 *   npm run staff -- disable <name>                    no more logins; ends its sessions
 *   npm run staff -- enable <name>                     may log in again
 *   npm run staff -- list
 *
 * The changes are accounts.ts's, as the owner's console makes them; each is written to the audit
 * log with no staff id (the command line acted).
 */
import { parseArgs } from 'node:util'
import { Value } from '@sinclair/typebox/value'
import { StaffName, StaffRole, STAFF_NAME_LENGTH } from '../../contract'
import { loadConfig } from '../config'
import { migrate, openDatabase, type Db } from '../db'
import { PgliteInUseError } from '../db/pglite-lock'
import {
  addStaffAccount,
  disableStaffAccount,
  enableStaffAccount,
  resetStaffPassword,
  StaffAccountError,
} from './accounts'
import { passwordProblem } from './password'
import { NoTerminalError, PromptCancelledError, promptHidden } from './prompt'
import { findStaffByName, listStaff } from './repository'

const USAGE = `Usage:
  npm run staff -- add <name> [--role owner|staff]   (role defaults to staff)
  npm run staff -- passwd <name>
  npm run staff -- disable <name>
  npm run staff -- enable <name>
  npm run staff -- list
The password comes from STAFF_PASSWORD, or is asked for when run in a terminal.
With PGlite (no DATABASE_URL), stop the server first: one process at a time may open its data.`

/** A mistake the user can fix; printed without a stack trace. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

const usageError = (problem: string) => new CliError(`${problem}\n\n${USAGE}`, 2)

function checkName(name: string | undefined): string {
  if (!name) throw usageError('Give the staff name.')
  if (!Value.Check(StaffName, name)) {
    const { min, max } = STAFF_NAME_LENGTH
    throw new CliError(
      `"${name}" is not a valid staff name: use ${min}–${max} lowercase letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    )
  }
  return name
}

/** The new password: STAFF_PASSWORD when set, else asked twice on the terminal. */
async function readNewPassword(): Promise<string> {
  const fromEnv = process.env.STAFF_PASSWORD
  if (fromEnv) {
    const problem = passwordProblem(fromEnv)
    if (problem) throw new CliError(`STAFF_PASSWORD: ${problem}`)
    return fromEnv
  }
  try {
    const password = await promptHidden('Password: ')
    const problem = passwordProblem(password)
    if (problem) throw new CliError(problem)
    if ((await promptHidden('Same password again: ')) !== password)
      throw new CliError('The two passwords differ; run the command again.')
    return password
  } catch (error) {
    if (error instanceof PromptCancelledError) throw new CliError('Cancelled; nothing changed.', 130)
    if (!(error instanceof NoTerminalError)) throw error
    throw new CliError(
      'No password: set STAFF_PASSWORD (e.g. STAFF_PASSWORD=... npm run staff -- add <name>), or run the command in a terminal to be asked for it.',
    )
  }
}

async function findOrFail(db: Db, name: string) {
  const staff = await findStaffByName(db, name)
  if (!staff) throw new CliError(`No staff account named "${name}". See them with: npm run staff -- list`)
  return staff
}

const nameTaken = (name: string) =>
  new CliError(
    `A staff account named "${name}" already exists. Choose another name, or change its password with: npm run staff -- passwd ${name}`,
  )

/** The rules' refusals (accounts.ts) as messages for the command line. */
function explain(name: string, error: unknown): never {
  if (!(error instanceof StaffAccountError)) throw error
  if (error.code === 'staff_name_taken') throw nameTaken(name)
  if (error.code === 'staff_not_found')
    throw new CliError(`No staff account named "${name}". See them with: npm run staff -- list`)
  throw new CliError(error.message)
}

async function add(db: Db, name: string, role: StaffRole): Promise<void> {
  // Checked before asking for a password, and again by the insert (another process may win).
  if (await findStaffByName(db, name)) throw nameTaken(name)
  const password = await readNewPassword()
  const staff = await addStaffAccount(db, { name, role, password }, null).catch((error) =>
    explain(name, error),
  )
  console.log(
    `Added ${staff.role} "${staff.name}". They log in to the merchant console at /admin/ (npm start prints its URL), or at POST /api/merchant/session.`,
  )
}

async function passwd(db: Db, name: string): Promise<void> {
  await findOrFail(db, name)
  const password = await readNewPassword()
  await resetStaffPassword(db, name, password, null).catch((error) => explain(name, error))
  console.log(`Changed the password of "${name}"; their sessions have ended.`)
}

async function disable(db: Db, name: string): Promise<void> {
  const { changed } = await disableStaffAccount(db, name, null).catch((error) => explain(name, error))
  console.log(changed ? `Disabled "${name}"; their sessions have ended.` : `"${name}" was already disabled.`)
}

async function enable(db: Db, name: string): Promise<void> {
  const { changed } = await enableStaffAccount(db, name, null).catch((error) => explain(name, error))
  console.log(changed ? `Enabled "${name}"; they may log in again.` : `"${name}" was not disabled.`)
}

async function list(db: Db): Promise<void> {
  const staff = await listStaff(db)
  if (staff.length === 0)
    return console.log('No staff accounts yet. Add one: npm run staff -- add <name> --role owner')
  for (const member of staff) {
    const state = member.disabledAt ? `disabled ${member.disabledAt.toISOString()}` : 'active'
    console.log(`${member.name}\t${member.role}\t${state}\tadded ${member.createdAt.toISOString()}`)
  }
}

function pickAction(command: string | undefined, name: string | undefined, role: StaffRole) {
  // Name and role are checked here, before the database is opened.
  switch (command) {
    case 'add': {
      const checked = checkName(name)
      return (db: Db) => add(db, checked, role)
    }
    case 'passwd': {
      const checked = checkName(name)
      return (db: Db) => passwd(db, checked)
    }
    case 'disable': {
      const checked = checkName(name)
      return (db: Db) => disable(db, checked)
    }
    case 'enable': {
      const checked = checkName(name)
      return (db: Db) => enable(db, checked)
    }
    case 'list':
      if (name) throw usageError('list takes no name.')
      return list
    default:
      throw usageError(command ? `Unknown command "${command}".` : 'Give a command.')
  }
}

async function openMigrated(): Promise<Db> {
  const config = loadConfig()
  let db: Db
  try {
    db = await openDatabase(config)
  } catch (error) {
    if (error instanceof PgliteInUseError) throw new CliError(error.message)
    throw new CliError(
      config.databaseUrl
        ? `Cannot connect to DATABASE_URL (${(error as Error).message}). Check the URL, or unset it to use PGlite.`
        : `Cannot open PGlite under DATA_DIR=${config.dataDir} (${(error as Error).message}).`,
    )
  }
  await migrate(db)
  return db
}

async function run(argv: string[]): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' } } })
  } catch (error) {
    throw usageError((error as Error).message)
  }
  const [command, name, ...extra] = parsed.positionals
  if (extra.length) throw usageError(`Unexpected arguments: ${extra.join(' ')}`)
  const role = parsed.values.role ?? 'staff'
  if (!Value.Check(StaffRole, role)) throw usageError(`--role must be owner or staff (got "${role}").`)
  if (parsed.values.role && command !== 'add') throw usageError('--role applies to add only.')
  const action = pickAction(command, name, role)
  const db = await openMigrated()
  try {
    await action(db)
  } finally {
    await db.close()
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(error.message)
    process.exitCode = error.exitCode
  } else {
    console.error(error)
    process.exitCode = 1
  }
})
