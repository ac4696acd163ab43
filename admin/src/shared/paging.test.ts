import { describe, expect, it } from '@jest/globals'
import { pageInsteadOfEmpty } from './paging'

describe('pageInsteadOfEmpty', () => {
  it('steps back from an emptied page to the last page that has rows', () => {
    expect(pageInsteadOfEmpty({ page: 3, pageSize: 20, total: 40, items: [] })).toBe(2)
    expect(pageInsteadOfEmpty({ page: 9, pageSize: 20, total: 41, items: [] })).toBe(3)
    expect(pageInsteadOfEmpty({ page: 2, pageSize: 20, total: 0, items: [] })).toBe(1)
  })

  it('keeps a page with rows, and the first page even when empty', () => {
    expect(pageInsteadOfEmpty({ page: 2, pageSize: 20, total: 21, items: [{}] })).toBeUndefined()
    expect(pageInsteadOfEmpty({ page: 1, pageSize: 20, total: 0, items: [] })).toBeUndefined()
  })
})
