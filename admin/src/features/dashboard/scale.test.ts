import { describe, expect, it } from '@jest/globals'
import { niceAxis } from './scale'

describe('niceAxis', () => {
  it('covers the largest value with round integer steps', () => {
    expect(niceAxis(17, 4)).toEqual({ top: 20, step: 5 })
    expect(niceAxis(509900, 4)).toEqual({ top: 800000, step: 200000 })
    expect(niceAxis(3, 4)).toEqual({ top: 4, step: 1 })
  })

  it('draws an axis of ones when there is nothing to show', () => {
    expect(niceAxis(0, 4)).toEqual({ top: 4, step: 1 })
    expect(niceAxis(0, 4, 100)).toEqual({ top: 400, step: 100 }) // fen: ¥1 steps
    expect(niceAxis(7900, 4, 100)).toEqual({ top: 8000, step: 2000 })
  })
})
