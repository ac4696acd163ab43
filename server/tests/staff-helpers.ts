/** Staff accounts for merchant-API tests, created directly in the database (the CLI has its own test). */
import type { StaffRole } from '../../contract'
import type { Queryable } from '../db/types'
import { hashPassword } from '../staff/password'
import { insertStaff, type StaffRecord } from '../staff/repository'

let counter = 0

export const TEST_STAFF_PASSWORD = 'correct horse battery'

export async function createTestStaff(
  db: Queryable,
  role: StaffRole = 'staff',
  password = TEST_STAFF_PASSWORD,
): Promise<StaffRecord & { password: string }> {
  counter++
  const name = `${role}-${counter}-${Date.now() % 1e6}`
  const staff = await insertStaff(db, { name, role, passwordHash: await hashPassword(password) })
  return { ...staff, password }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
