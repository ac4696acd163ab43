/**
 * Staff login and logout, apart from HTTP. A wrong name and a wrong password fail alike, in about
 * the same time (an unknown name is checked against a dummy hash). Every attempt is audited: a
 * success with the session it opens, a failure with the name tried and no staff id.
 * A rate limit on attempts belongs in front of logIn (e.g. a preHandler on the login route).
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

export type LoginResult = { ok: true; staff: StaffRecord; token: string; expiresAt: Date } | { ok: false }

export async function logIn(
  db: Db,
  credentials: { name: string; password: string },
  ttlSeconds: number,
): Promise<LoginResult> {
  const { name, password } = credentials
  const account = await findActiveStaffByName(db, name)
  const matches = account
    ? await verifyPassword(password, account.passwordHash)
    : await verifyAgainstDummy(password)
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
