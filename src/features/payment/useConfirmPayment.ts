import type { Order } from '@contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { RequestError } from '../../shared/request'
import { fetchOrder } from '../orders'

const isTransient = (error: unknown) => error instanceof RequestError && error.transient

/** Waits between asks: quick at first, then slower; about half a minute in all. */
export const CONFIRM_BACKOFF_MS: readonly number[] = [1000, 1500, 2500, 4000, 6000, 8000, 10000]

export type Confirmation =
  | { state: 'checking'; order?: Order }
  | { state: 'paid'; order: Order }
  | { state: 'closed'; order: Order }
  /** The server has not seen the payment (yet): the buyer can ask again. */
  | { state: 'not_confirmed'; order: Order }
  | { state: 'error'; error: unknown; order?: Order }

/**
 * Asks the server about an order — the server alone decides it is paid (from Alipay's verified
 * notify, or by querying the trade). With `keepAsking`, asks again with backoff until the order is
 * paid or closed, or the attempts run out; `checkAgain` starts over ("I've paid, check again").
 */
export function useConfirmPayment(
  orderId: string,
  keepAsking: boolean,
  backoff: readonly number[] = CONFIRM_BACKOFF_MS,
): Confirmation & { checkAgain: () => void } {
  const [confirmation, setConfirmation] = useState<Confirmation>({ state: 'checking' })
  const [round, setRound] = useState(0)
  const last = useRef<Order>()
  // A ref, so callers may pass a new array each render without restarting the questions.
  const delays = useRef(backoff)
  delays.current = backoff

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = async (attempt: number) => {
      const more = keepAsking && attempt < delays.current.length
      const askLater = (order?: Order) => {
        setConfirmation({ state: 'checking', order })
        timer = setTimeout(() => void ask(attempt + 1), delays.current[attempt])
      }
      try {
        const order = await fetchOrder(orderId)
        if (stopped) return
        last.current = order
        if (order.status === 'paid') return setConfirmation({ state: 'paid', order })
        if (order.status === 'closed') return setConfirmation({ state: 'closed', order })
        if (!more) return setConfirmation({ state: 'not_confirmed', order })
        askLater(order)
      } catch (error) {
        if (stopped) return
        // A dropped connection mid-poll must not end the confirmation: ask again on schedule.
        if (more && isTransient(error)) return askLater(last.current)
        setConfirmation({ state: 'error', error, order: last.current })
      }
    }
    setConfirmation({ state: 'checking', order: last.current })
    void ask(0)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [orderId, keepAsking, round])

  const checkAgain = useCallback(() => setRound((n) => n + 1), [])
  return { ...confirmation, checkAgain }
}
