import type { Address } from '@contract'
import { ADDRESS_FIELD_LENGTHS, ADDRESS_TEXT_PATTERN, PHONE_PATTERN } from '@contract/limits'
import type { MessageKey } from '../../shared/i18n'

export type AddressField = keyof Address
export type AddressErrors = Partial<Record<AddressField, MessageKey>>
/** The address fields of free text, each with its length bounds. */
type AddressTextField = keyof typeof ADDRESS_FIELD_LENGTHS

export const emptyAddress: Address = { name: '', phone: '', region: '', detail: '' }

// The `u` flag, as Ajv compiles schema patterns: the two sides then agree on every character.
const addressText = new RegExp(ADDRESS_TEXT_PATTERN, 'u')
const phone = new RegExp(PHONE_PATTERN, 'u')

/** Length as JSON Schema counts it: in Unicode code points (an emoji is 1, not 2). */
const codePointLength = (text: string): number => Array.from(text).length

const TEXT_ERROR_KEYS: Record<AddressTextField, MessageKey> = {
  name: 'address.error.name',
  region: 'address.error.region',
  detail: 'address.error.detail',
}

/** What is wrong with one text field, if anything: its length first, then its characters. */
function textError(field: AddressTextField, value: string): MessageKey | undefined {
  const { min, max } = ADDRESS_FIELD_LENGTHS[field]
  const length = codePointLength(value)
  if (length < min || length > max) return TEXT_ERROR_KEYS[field]
  return addressText.test(value) ? undefined : 'address.error.controlCharacters'
}

/**
 * The same rules as the API's Address schema (contract/orders.ts, built from contract/limits.ts),
 * checked on the trimmed text that `trimAddress` sends.
 */
export function validateAddress(address: Address): AddressErrors {
  const sent = trimAddress(address)
  const errors: AddressErrors = {}
  for (const field of Object.keys(TEXT_ERROR_KEYS) as AddressTextField[]) {
    const error = textError(field, sent[field])
    if (error) errors[field] = error
  }
  if (!phone.test(sent.phone)) errors.phone = 'address.error.phone'
  return errors
}

export const trimAddress = (address: Address): Address => ({
  name: address.name.trim(),
  phone: address.phone.trim(),
  region: address.region.trim(),
  detail: address.detail.trim(),
})
