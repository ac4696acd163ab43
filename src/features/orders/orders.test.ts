import { orderTabFromQuery, statusLabel, tabStatus } from './status'
import { ORDER_TABS } from './tabs'
import { formatDuration } from './useCountdown'

describe('order status labels', () => {
  it('says why a closed order closed', () => {
    expect(statusLabel({ status: 'awaiting_payment' })).toBe('orders.status.awaiting_payment')
    expect(statusLabel({ status: 'paid' })).toBe('orders.status.paid')
    expect(statusLabel({ status: 'closed', closeReason: 'expired' })).toBe('orders.closed.expired')
    expect(statusLabel({ status: 'closed', closeReason: 'cancelled' })).toBe('orders.closed.cancelled')
  })
})

describe('countdown text', () => {
  it('rounds up to whole seconds and shows hours only when needed', () => {
    expect(formatDuration(0)).toBe('00:00')
    expect(formatDuration(1)).toBe('00:01')
    expect(formatDuration(754_000)).toBe('12:34')
    expect(formatDuration(15 * 60_000)).toBe('15:00')
    expect(formatDuration(3_723_000)).toBe('1:02:03')
  })
})

describe('order tabs', () => {
  it('opens the tab a URL names, all orders otherwise, and lists one status or none', () => {
    expect(orderTabFromQuery('paid')).toBe('paid')
    expect(orderTabFromQuery('after_sales')).toBe('after_sales')
    expect(orderTabFromQuery('closed')).toBe('all')
    expect(orderTabFromQuery(undefined)).toBe('all')
    expect(ORDER_TABS.map(({ tab }) => tabStatus(tab))).toEqual([
      undefined,
      'awaiting_payment',
      'paid',
      'shipped',
      'completed',
      undefined,
    ])
  })
})
