import type { Address } from '@contract'
import { storedValue } from '../../shared/stored-value'

/** The address being typed at checkout, kept until the order is placed so a reload loses nothing. */
export const CHECKOUT_DRAFT_KEY = 'checkout-draft'

const isAddress = (value: unknown): value is Address =>
  typeof value === 'object' &&
  value !== null &&
  (['name', 'phone', 'region', 'detail'] as const).every(
    (field) => typeof (value as Record<string, unknown>)[field] === 'string',
  )

export const addressDraft = storedValue<Address>(CHECKOUT_DRAFT_KEY, isAddress)
