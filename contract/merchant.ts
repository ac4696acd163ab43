import { Type, type Static } from '@sinclair/typebox'
import { DateTime, Fen, Paged } from './common'
import { STAFF_NAME_LENGTH, STAFF_NAME_PATTERN, STAFF_PASSWORD_LENGTH } from './limits'
import { Address, CloseReason, Order, OrderStatus } from './orders'

/**
 * The merchant API (`/api/merchant/*`), used by the shop's staff. Staff accounts are created on the
 * command line (`npm run staff -- add <name>`); staff tokens and buyers' tokens are not
 * interchangeable.
 */

/** `owner` may do everything; `staff` everything but owner-only actions. */
export const StaffRole = Type.Union([Type.Literal('owner'), Type.Literal('staff')], { title: 'StaffRole' })
export type StaffRole = Static<typeof StaffRole>

export const StaffName = Type.String({
  minLength: STAFF_NAME_LENGTH.min,
  maxLength: STAFF_NAME_LENGTH.max,
  pattern: STAFF_NAME_PATTERN,
  description: 'Login name: lowercase letters, digits, ".", "_" and "-"',
})

export const StaffLoginRequest = Type.Object(
  {
    name: StaffName,
    // No minimum here: a short password is simply wrong, and says nothing about the policy.
    password: Type.String({ minLength: 1, maxLength: STAFF_PASSWORD_LENGTH.max }),
  },
  { title: 'StaffLoginRequest', additionalProperties: false },
)
export type StaffLoginRequest = Static<typeof StaffLoginRequest>

export const Staff = Type.Object({ name: StaffName, role: StaffRole }, { title: 'Staff' })
export type Staff = Static<typeof Staff>

export const StaffSession = Type.Object(
  {
    /** Send as `Authorization: Bearer <token>` to /api/merchant/*. Opaque; stored server-side. */
    token: Type.String(),
    /** ISO 8601. After this the server answers 401 `session_expired`. */
    expiresAt: DateTime,
    staff: Staff,
  },
  { title: 'StaffSession' },
)
export type StaffSession = Static<typeof StaffSession>

/**
 * Who placed an order, as staff see it. Not the buyer's Alipay id: staff need to tell buyers apart
 * and to match one against Alipay's records, not to hold their identity.
 */
export const OrderBuyer = Type.Object(
  {
    /** The shop's own account number: the same on all of a buyer's orders, meaningless elsewhere. */
    id: Type.String(),
    /** The last 4 characters of the buyer's Alipay user id (or open_id). */
    alipayIdTail: Type.String({ maxLength: 4 }),
  },
  { title: 'OrderBuyer' },
)
export type OrderBuyer = Static<typeof OrderBuyer>

/** One order in the merchant's list: what a console shows in a row, without the lines. */
export const MerchantOrderSummary = Type.Object(
  {
    id: Order.properties.id,
    status: OrderStatus,
    closeReason: Type.Optional(CloseReason),
    total: Fen,
    itemCount: Order.properties.itemCount,
    buyer: OrderBuyer,
    address: Address,
    createdAt: DateTime,
    paidAt: Type.Optional(DateTime),
    shippedAt: Type.Optional(DateTime),
    receivedAt: Type.Optional(DateTime),
    completedAt: Type.Optional(DateTime),
    closedAt: Type.Optional(DateTime),
  },
  { title: 'MerchantOrderSummary' },
)
export type MerchantOrderSummary = Static<typeof MerchantOrderSummary>

export const MerchantOrderPage = Paged(MerchantOrderSummary, 'MerchantOrderPage')
export type MerchantOrderPage = Static<typeof MerchantOrderPage>

/** One order as staff see it: the buyer's view of it, plus who bought it and who shipped it. */
export const MerchantOrder = Type.Object(
  {
    ...Order.properties,
    buyer: OrderBuyer,
    /** The staff member who shipped it; absent when shipped from the command line. */
    shippedBy: Type.Optional(StaffName),
  },
  { title: 'MerchantOrder' },
)
export type MerchantOrder = Static<typeof MerchantOrder>
