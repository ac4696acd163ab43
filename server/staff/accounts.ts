/**
 * Managing staff accounts: add, disable, enable, reset a password. The command line (cli.ts) and
 * the owner's routes (accounts-plugin.ts) both call these, so the rules live here once:
 * - the password policy and hashing are password.ts's;
 * - disabling and a new password end the account's sessions;
 * - nobody disables their own account, and the last enabled owner stays enabled;
 * - each change is audited in its own transaction, before → after, never a password or hash.
 * `actorId` is the staff member acting, or null for the command line.
 */
import type { StaffRole } from '../../contract'
import type { Db, Queryable } from '../db/types'
import { hashPassword, passwordProblem } from './password'
import {
  audit,
  disableStaff,
  enableStaff,
  findStaffListing,
  insertStaff,
  lockEnabledOwners,
  setStaffPassword,
  StaffNameTakenError,
  type AuditEntry,
  type StaffListing,
} from './repository'

export type StaffAccountProblem =
  | 'staff_not_found'
  | 'staff_name_taken'
  | 'staff_password_invalid'
  | 'staff_disable_self'
  | 'staff_last_owner'

/** A change the rules refuse; `code` says which rule, `message` says it to a person. */
export class StaffAccountError extends Error {
  constructor(
    readonly code: StaffAccountProblem,
    message: string,
  ) {
    super(message)
    this.name = 'StaffAccountError'
  }
}

/** Writes a change to `staff`'s account to the audit log, in the transaction that makes it. */
function auditAccount(
  tx: Queryable,
  actorId: string | null,
  action: string,
  staff: { id: string },
  change: Pick<AuditEntry, 'before' | 'after'>,
): Promise<void> {
  return audit(tx, { staffId: actorId, action, target: { type: 'staff', id: staff.id }, ...change })
}

async function findOrFail(db: Queryable, name: string): Promise<StaffListing> {
  const staff = await findStaffListing(db, name)
  if (!staff) throw new StaffAccountError('staff_not_found', `No staff account named "${name}".`)
  return staff
}

/** Hashes a new password after checking it against the policy. */
async function hashNewPassword(password: string): Promise<string> {
  const problem = passwordProblem(password)
  if (problem) throw new StaffAccountError('staff_password_invalid', problem)
  return hashPassword(password)
}

export async function addStaffAccount(
  db: Db,
  input: { name: string; role: StaffRole; password: string },
  actorId: string | null,
): Promise<StaffListing> {
  const passwordHash = await hashNewPassword(input.password)
  const { name, role } = input
  return db.transaction(async (tx) => {
    const created = await insertStaff(tx, { name, role, passwordHash }).catch((error: unknown) => {
      if (error instanceof StaffNameTakenError)
        throw new StaffAccountError('staff_name_taken', `A staff account named "${name}" already exists.`)
      throw error
    })
    await auditAccount(tx, actorId, 'staff.add', created, { after: { name, role } })
    return findOrFail(tx, name)
  })
}

/** Sets a new password and ends the account's sessions. */
export async function resetStaffPassword(
  db: Db,
  name: string,
  password: string,
  actorId: string | null,
): Promise<void> {
  const staff = await findOrFail(db, name)
  const passwordHash = await hashNewPassword(password)
  await db.transaction(async (tx) => {
    const sessionsEnded = await setStaffPassword(tx, staff.id, passwordHash)
    await auditAccount(tx, actorId, 'staff.password_reset', staff, {
      before: { name },
      after: { name, sessionsEnded },
    })
  })
}

/**
 * Disables the account and ends its sessions. `changed` is false when it was already disabled
 * (nothing is written then).
 */
export async function disableStaffAccount(
  db: Db,
  name: string,
  actorId: string | null,
): Promise<{ account: StaffListing; changed: boolean }> {
  return db.transaction(async (tx) => {
    const staff = await findOrFail(tx, name)
    if (staff.id === actorId)
      throw new StaffAccountError(
        'staff_disable_self',
        'You cannot disable your own account; another owner can.',
      )
    if (staff.role === 'owner' && !staff.disabledAt) {
      const owners = await lockEnabledOwners(tx)
      if (owners.every((id) => id === staff.id))
        throw new StaffAccountError(
          'staff_last_owner',
          `"${name}" is the last enabled owner: add or enable another owner first.`,
        )
    }
    const sessionsEnded = await disableStaff(tx, staff.id)
    if (sessionsEnded === undefined) return { account: staff, changed: false }
    await auditAccount(tx, actorId, 'staff.disable', staff, {
      before: { name, disabled: false },
      after: { name, disabled: true, sessionsEnded },
    })
    return { account: await findOrFail(tx, name), changed: true }
  })
}

/** Lets a disabled account log in again. `changed` is false when it was not disabled. */
export async function enableStaffAccount(
  db: Db,
  name: string,
  actorId: string | null,
): Promise<{ account: StaffListing; changed: boolean }> {
  return db.transaction(async (tx) => {
    const staff = await findOrFail(tx, name)
    if (!(await enableStaff(tx, staff.id))) return { account: staff, changed: false }
    await auditAccount(tx, actorId, 'staff.enable', staff, {
      before: { name, disabled: true },
      after: { name, disabled: false },
    })
    return { account: await findOrFail(tx, name), changed: true }
  })
}
