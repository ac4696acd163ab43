import { describe, expect, it } from '@jest/globals'
import { changedFields } from './auditDiff'

describe('changedFields', () => {
  it('keeps only the keys whose value changed', () => {
    expect(changedFields({ status: 'paid', total: 100 }, { status: 'shipped', total: 100 })).toEqual([
      { key: 'status', before: 'paid', after: 'shipped' },
    ])
  })

  it('shows added and removed keys with the missing side absent', () => {
    expect(changedFields(undefined, { name: 'bob', role: 'staff' })).toEqual([
      { key: 'name', before: undefined, after: 'bob' },
      { key: 'role', before: undefined, after: 'staff' },
    ])
    expect(changedFields({ disabledAt: '2026-12-01' }, {})).toEqual([
      { key: 'disabledAt', before: '2026-12-01', after: undefined },
    ])
  })

  it('compares nested values by content, and non-objects as one change', () => {
    expect(changedFields({ images: ['a.png'] }, { images: ['a.png'] })).toEqual([])
    expect(changedFields({ images: ['a.png'] }, { images: ['b.png'] })).toHaveLength(1)
    expect(changedFields(5, 7)).toEqual([{ key: '', before: 5, after: 7 }])
    expect(changedFields(undefined, undefined)).toEqual([])
  })
})
