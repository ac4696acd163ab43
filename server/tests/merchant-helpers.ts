/** Shared by the merchant-API suites (not a test file itself): logged-in staff and their requests. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { ShipmentInput, StaffRole } from '../../contract'
import type { Db } from '../db/types'
import { createStaffSession, type StaffRecord } from '../staff/repository'
import { bearer, createTestStaff } from './staff-helpers'

export interface TestStaff extends StaffRecord {
  headers: { authorization: string }
}

/** A staff account with a session, made directly in the database (login has its own tests). */
export async function loggedInStaff(db: Db, role: StaffRole = 'staff'): Promise<TestStaff> {
  const staff = await createTestStaff(db, role)
  const { token } = await createStaffSession(db, staff.id, 3600)
  return { id: staff.id, name: staff.name, role: staff.role, headers: bearer(token) }
}

export interface OwnerAndClerk {
  owner: TestStaff
  clerk: TestStaff
}

/**
 * An owner and a clerk (role staff) with sessions, made in the suite's beforeAll: read them inside
 * tests, not when the suite is declared.
 */
export function ownerAndClerk(getDb: () => Db): OwnerAndClerk {
  const team = {} as OwnerAndClerk
  beforeAll(async () => {
    team.owner = await loggedInStaff(getDb(), 'owner')
    team.clerk = await loggedInStaff(getDb(), 'staff')
  })
  return team
}

export function shipAs(
  app: FastifyInstance,
  headers: Record<string, string>,
  orderId: string,
  shipment: ShipmentInput | Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/merchant/orders/${orderId}/shipment`,
    headers,
    payload: shipment,
  })
}

export interface ShipAuditRow {
  staff_id: string
  action: string
  target_type: string
  target_id: string
  before: unknown
  after: unknown
}

export function auditOf(db: Db, orderId: string): Promise<ShipAuditRow[]> {
  return db.query<ShipAuditRow>(
    `select staff_id::text, action, target_type, target_id, before, after
       from audit_log where target_type = 'order' and target_id = $1 order by id`,
    [orderId],
  )
}
