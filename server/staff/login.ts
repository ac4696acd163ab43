/**
 * Staff login and logout, apart from HTTP. A wrong name and a wrong password fail alike, in about
 * the same time (an unknown name is checked against a dummy hash). Every attempt is audited: a
 * success with the session it opens, a failure with the name tried and no staff id.
 * A rate limit per client belongs in front of logIn (issue 14); until then, password checks in
 * flight are capped, so a flood of logins cannot starve the server of memory and threads.
 */
import type { Db } from '../db/types'
import { verifyAgainstDummy, verifyPassword } from './password'
import {
  audit,
  createStaffSession,
  deleteStaffSession,
  findActiveStaffByName,
  type StaffRecord,
} from './repository'

export type LoginResult =
  { ok: true; staff: StaffRecord; token: string; expiresAt: Date } | { ok: false; busy?: true }

/** Each check holds 32 MiB and a libuv thread for about 0.1 s (password.ts): at most this many at once. */
export const PASSWORD_CHECKS_AT_ONCE = 4
let passwordChecksInFlight = 0

export async function logIn(
  db: Db,
  credentials: { name: string; password: string },
  ttlSeconds: number,
): Promise<LoginResult> {
  const { name, password } = credentials
  if (passwordChecksInFlight >= PASSWORD_CHECKS_AT_ONCE) return { ok: false, busy: true }
  passwordChecksInFlight += 1
  let account: Awaited<ReturnType<typeof findActiveStaffByName>>
  let matches: boolean
  try {
    account = await findActiveStaffByName(db, name)
    matches = account
      ? await verifyPassword(password, account.passwordHash)
      : await verifyAgainstDummy(password)
  } finally {
    passwordChecksInFlight -= 1
  }
  if (!account || !matches) {
    await audit(db, { staffId: null, action: 'staff.login_failed', target: { type: 'staff_name', id: name } })
    return { ok: false }
  }
  const { passwordHash: _secret, ...staff } = account
  return db.transaction(async (tx) => {
    const session = await createStaffSession(tx, staff.id, ttlSeconds)
    await audit(tx, {
      staffId: staff.id,
      action: 'staff.login',
      target: { type: 'staff', id: staff.id },
      after: { expiresAt: session.expiresAt.toISOString() },
    })
    return { ok: true, staff, ...session }
  })
}

/** Ends the session of this token, if any; idempotent. */
export async function logOut(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const staffId = await deleteStaffSession(tx, token)
    if (staffId) await audit(tx, { staffId, action: 'staff.logout', target: { type: 'staff', id: staffId } })
  })
}
