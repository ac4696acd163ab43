import type { Address, Order } from '@contract'
import { useRef, useState } from 'react'
import { RequestError } from '../../shared/request'
import { orderLinesProblem, useCartStore, type CartLine } from '../cart'
import { ensureSession } from '../session'
import { trimAddress } from './address'
import { createOrder, saveAddress } from './api'
import { addressDraft } from './draft'
import { createIdempotencyKeys, pendingOrderKey } from './idempotency'

export interface CheckoutState {
  submitting: boolean
  error?: unknown
  /**
   * Saves the address, creates the order (retry-safe), forgets the address draft and, for a
   * checkout of the cart, takes the ordered lines out of it (a buy-now order leaves the cart alone).
   */
  submit: (
    lines: readonly CartLine[],
    address: Address,
    source: 'cart' | 'buyNow',
  ) => Promise<Order | undefined>
}

export function useCheckout(): CheckoutState {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<unknown>()
  // Kept in storage until answered: see idempotency.ts.
  const [keys] = useState(() => createIdempotencyKeys(undefined, pendingOrderKey()))
  const busy = useRef(false)

  async function submit(lines: readonly CartLine[], address: Address, source: 'cart' | 'buyNow') {
    // One order at a time, whatever the buyer taps.
    if (busy.current) return undefined
    const tooManyLines = orderLinesProblem(lines.length)
    if (tooManyLines) {
      // The refusal the API would send (400 bad_request), made here without sending.
      setError(new RequestError({ kind: 'client', code: 'bad_request', message: tooManyLines }))
      return undefined
    }
    busy.current = true
    setSubmitting(true)
    setError(undefined)
    try {
      await ensureSession()
      const request = {
        lines: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
        address: trimAddress(address),
      }
      await saveAddress(request.address)
      const order = await createOrder(request, keys.keyFor(request))
      keys.settled()
      addressDraft.clear()
      if (source === 'cart') useCartStore.getState().remove(lines.map((line) => line.skuId))
      return order
    } catch (failure) {
      setError(failure)
      return undefined
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }

  return { submitting, error, submit }
}
