import type { OrderCounts } from '@contract'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../shared/request'

/**
 * How many orders wait at each step, for the "me" tab's shortcuts: asked on every show while the
 * buyer is logged in (never when logged out), and forgotten on logout. Secondary: a failure keeps
 * the last counts, or none.
 */
export function useOrderCounts(loggedIn: boolean): OrderCounts | undefined {
  const [counts, setCounts] = useState<OrderCounts>()
  const ticket = useRef(0)
  const load = () => {
    const mine = ++ticket.current
    if (!loggedIn) return setCounts(undefined)
    api.get<OrderCounts>('/api/orders/counts').then(
      (next) => mine === ticket.current && setCounts(next),
      () => undefined,
    )
  }
  // The first show asks; after that, logging in or out while the tab shows asks again.
  const shown = useRef(false)
  useEffect(() => {
    if (shown.current) load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loggedIn])
  useDidShow(() => {
    shown.current = true
    load()
  })
  return counts
}
