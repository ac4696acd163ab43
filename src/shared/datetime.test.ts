import { formatDateTime } from './datetime'

describe('formatDateTime', () => {
  it('formats in local time with zero padding', () => {
    const local = new Date(2026, 0, 5, 9, 7)
    expect(formatDateTime(local.toISOString())).toBe('2026-01-05 09:07')
  })
  it('says nothing for an invalid date', () => {
    expect(formatDateTime('not a date')).toBe('')
  })
})
