import { describe, expect, it } from '@jest/globals'
import { ApiError } from './api'
import { isConflict } from './errors'

describe('isConflict', () => {
  it('names a refusal because the state moved on (409), not other failures', () => {
    expect(isConflict(new ApiError(409, 'order_not_shippable', 'Order is not shippable'))).toBe(true)
    expect(isConflict(new ApiError(400, 'bad_request', 'Bad request'))).toBe(false)
    expect(isConflict(new ApiError(0, 'network_error', 'Failed to fetch'))).toBe(false)
    expect(isConflict(new Error('409'))).toBe(false)
  })
})
