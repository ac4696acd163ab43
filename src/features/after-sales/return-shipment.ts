import type { ReturnShipmentInput } from '@contract'
import { CARRIER_LENGTH, TRACKING_NO_PATTERN, VISIBLE_TEXT_PATTERN } from '@contract/limits'
import { textLength } from './claim'

export type ReturnShipmentErrors = Partial<Record<keyof ReturnShipmentInput, true>>

const visibleText = new RegExp(VISIBLE_TEXT_PATTERN)
const trackingNo = new RegExp(TRACKING_NO_PATTERN)

/** The parcel as typed, trimmed (a pasted number often brings spaces along). */
export const cleanParcel = (parcel: ReturnShipmentInput): ReturnShipmentInput => ({
  carrier: parcel.carrier.trim(),
  trackingNo: parcel.trackingNo.trim(),
})

/** The fields the server would refuse, by the contract's limits; empty when the parcel may go. */
export function returnShipmentErrors(parcel: ReturnShipmentInput): ReturnShipmentErrors {
  const { carrier, trackingNo: number } = cleanParcel(parcel)
  const errors: ReturnShipmentErrors = {}
  const length = textLength(carrier)
  if (length < CARRIER_LENGTH.min || length > CARRIER_LENGTH.max || !visibleText.test(carrier)) {
    errors.carrier = true
  }
  if (!trackingNo.test(number)) errors.trackingNo = true
  return errors
}
