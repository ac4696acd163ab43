import { statusLabel } from './status'
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
