import type { Address } from '@contract'
import type { MessageKey } from '../../shared/i18n'

export type AddressField = keyof Address
export type AddressErrors = Partial<Record<AddressField, MessageKey>>

export const emptyAddress: Address = { name: '', phone: '', region: '', detail: '' }

/** The same rules as the API's Address schema (contract/orders.ts), checked before sending. */
export function validateAddress(address: Address): AddressErrors {
  const errors: AddressErrors = {}
  const length = (value: string) => value.trim().length
  if (length(address.name) < 1 || length(address.name) > 40) errors.name = 'address.error.name'
  if (!/^(1\d{10}|\+\d{6,15})$/.test(address.phone.trim())) errors.phone = 'address.error.phone'
  if (length(address.region) < 2 || length(address.region) > 80) errors.region = 'address.error.region'
  if (length(address.detail) < 4 || length(address.detail) > 120) errors.detail = 'address.error.detail'
  return errors
}

export const trimAddress = (address: Address): Address => ({
  name: address.name.trim(),
  phone: address.phone.trim(),
  region: address.region.trim(),
  detail: address.detail.trim(),
})
