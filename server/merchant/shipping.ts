/**
 * A staff member ships an order: paid → shipped (fulfilment.ts's shipOrder, one conditional
 * UPDATE) and its audit entry, in one transaction, so there is never a shipment without its entry
 * or an entry without its shipment.
 *
 * Not shippable, even when paid: an order with an open after-sales request (staff decide it
 * first), or one refunded in full before it shipped. The 409 says which.
 *
 * Safe to retry: shipping an order that already carries the same carrier and tracking number
 * (a retry after a lost answer, or two staff entering the same parcel at once) changes nothing,
 * writes no second entry, and succeeds. Another shipment on a shipped order is a conflict.
 */
import type { ShipmentInput } from '../../contract'
import type { Db } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { shipOrder } from '../orders/fulfilment'
import { statusInWords } from '../orders/state'
import { audit } from '../staff/repository'
import { findShipmentState, type ShipmentState } from './orders-repository'

/** `shipped` by this call, or `already_shipped` with this very shipment before it. */
export type ShipOutcome = 'shipped' | 'already_shipped'

export const SHIP_ACTION = 'order.ship'

const sameShipment = (a: ShipmentInput, b: ShipmentInput) =>
  a.carrier === b.carrier && a.trackingNo === b.trackingNo

function whyNotShippable(orderId: string, current: ShipmentState): string {
  if (current.status === 'paid' && current.afterSalesOpen)
    return `Order ${orderId} has an open after-sales request; decide it before shipping.`
  if (current.status === 'paid' && current.refundedInFull)
    return `Order ${orderId} was refunded in full; there is nothing left to ship.`
  const shipped = current.shipment
    ? ` with ${current.shipment.carrier} ${current.shipment.trackingNo}, not this shipment`
    : ''
  return `Order ${orderId} is ${statusInWords(current.status)}${shipped}; only a paid order can be shipped.`
}

export async function shipAsStaff(
  db: Db,
  orderId: string,
  shipment: ShipmentInput,
  staffId: string,
): Promise<ShipOutcome> {
  return db.transaction(async (tx) => {
    if (await shipOrder(tx, orderId, shipment, { shippedBy: staffId })) {
      await audit(tx, {
        staffId,
        action: SHIP_ACTION,
        target: { type: 'order', id: orderId },
        before: { status: 'paid' },
        after: { status: 'shipped', carrier: shipment.carrier, trackingNo: shipment.trackingNo },
      })
      return 'shipped'
    }
    // Not paid. A new statement: under a race it sees the winner's committed shipment.
    const current = await findShipmentState(tx, orderId)
    if (!current) throw notFound(`No order ${orderId}.`)
    if (current.shipment && sameShipment(current.shipment, shipment)) return 'already_shipped'
    throw new HttpError(409, 'order_not_shippable', whyNotShippable(orderId, current))
  })
}
