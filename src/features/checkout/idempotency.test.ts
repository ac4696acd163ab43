import Taro from '@tarojs/taro'
import { device } from '../../../tests/support/taro-node'
import {
  createIdempotencyKeys,
  PENDING_KEY_MAX_AGE_MS,
  PENDING_ORDER_KEY_STORAGE,
  pendingOrderKey,
} from './idempotency'

/** The key of an unanswered order request outlives the checkout page and the app (see idempotency.ts). */
describe('pending order keys in storage', () => {
  let n = 0
  const random = () => `key-${++n}`
  const request = { lines: [{ skuId: 'a', quantity: 1 }] }
  let clock = 1_000_000
  const now = () => clock

  beforeEach(() => {
    Taro.clearStorageSync()
    device.failingReads = 0
  })

  it('gives a new checkout (another page, a restart) the key of the unanswered request', () => {
    const first = createIdempotencyKeys(random, pendingOrderKey(), now)
    const key = first.keyFor(request)
    expect(createIdempotencyKeys(random, pendingOrderKey(), now).keyFor(request)).toBe(key)
    expect(createIdempotencyKeys(random, pendingOrderKey(), now).keyFor({ lines: [] })).not.toBe(key)
  })

  it('forgets the key once answered, and after PENDING_KEY_MAX_AGE_MS', () => {
    const keys = createIdempotencyKeys(random, pendingOrderKey(), now)
    const key = keys.keyFor(request)
    keys.settled()
    expect(Taro.getStorageSync(PENDING_ORDER_KEY_STORAGE)).toBe('')
    const next = createIdempotencyKeys(random, pendingOrderKey(), now).keyFor(request)
    expect(next).not.toBe(key)
    clock += PENDING_KEY_MAX_AGE_MS
    expect(createIdempotencyKeys(random, pendingOrderKey(), now).keyFor(request)).not.toBe(next)
  })

  it('treats an unreadable stored key as none, and keeps its key in memory when storage fails', () => {
    Taro.setStorageSync(PENDING_ORDER_KEY_STORAGE, '{"request":')
    const keys = createIdempotencyKeys(random, pendingOrderKey(), now)
    const key = keys.keyFor(request)
    expect(key).toMatch(/^key-/)
    device.failingReads = 5
    expect(keys.keyFor(request)).toBe(key)
  })
})
