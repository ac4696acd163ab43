import type { Address } from '@contract'
import { useEffect, useRef, useState } from 'react'
import { emptyAddress, validateAddress, type AddressErrors, type AddressField } from './address'
import { addressDraft } from './draft'

const ALL_FIELDS: readonly AddressField[] = ['name', 'phone', 'region', 'detail']

export interface AddressFormState {
  address: Address
  /** What to show: the current errors of the fields visited (left, or all once submitted). */
  errors: AddressErrors
  change: (next: Address) => void
  /**
   * Replaces the address with one filled in for the buyer (their platform's address book) and
   * shows at once what is wrong with its non-empty fields; an empty field waits for the buyer.
   */
  fill: (next: Address) => void
  visit: (field: AddressField) => void
  /** Shows every error; true when there is none. */
  validate: () => boolean
}

/**
 * The checkout's address: the draft being typed (kept in storage, so a reload loses nothing)
 * or else the saved address once it loads. Errors are recomputed from the current value, so a
 * message disappears as soon as its field is fixed; a field shows one only after the buyer left it.
 */
export function useAddressForm(saved: Address | null | undefined): AddressFormState {
  const [address, setAddress] = useState<Address>(() => addressDraft.get() ?? emptyAddress)
  const edited = useRef(addressDraft.get() !== undefined)
  const [visited, setVisited] = useState<ReadonlySet<AddressField>>(() => new Set())

  useEffect(() => {
    if (saved && !edited.current) setAddress(saved)
  }, [saved])

  const current = validateAddress(address)
  const errors: AddressErrors = {}
  for (const field of visited) if (current[field]) errors[field] = current[field]

  const change = (next: Address) => {
    edited.current = true
    setAddress(next)
    addressDraft.set(next)
  }

  return {
    address,
    errors,
    change,
    fill(next) {
      change(next)
      const filled = ALL_FIELDS.filter((field) => next[field] !== '')
      setVisited((previous) => new Set([...previous, ...filled]))
    },
    visit(field) {
      setVisited((previous) => (previous.has(field) ? previous : new Set([...previous, field])))
    },
    validate() {
      setVisited(new Set(ALL_FIELDS))
      return Object.keys(current).length === 0
    },
  }
}
