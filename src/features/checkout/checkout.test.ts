import { emptyAddress, validateAddress } from './address'
import { createIdempotencyKeys } from './idempotency'

describe('address validation (mirrors the API schema)', () => {
  const good = { name: '张三', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' }

  it('accepts a complete address, mainland or international phone', () => {
    expect(validateAddress(good)).toEqual({})
    expect(validateAddress({ ...good, phone: '+85291234567' })).toEqual({})
  })

  it('names every field that is wrong', () => {
    expect(validateAddress(emptyAddress)).toEqual({
      name: 'address.error.name',
      phone: 'address.error.phone',
      region: 'address.error.region',
      detail: 'address.error.detail',
    })
    expect(validateAddress({ ...good, phone: '1380013800' })).toEqual({ phone: 'address.error.phone' })
    expect(validateAddress({ ...good, name: '   ' })).toEqual({ name: 'address.error.name' })
    expect(validateAddress({ ...good, detail: 'x'.repeat(121) })).toEqual({ detail: 'address.error.detail' })
  })
})

describe('idempotency keys per order request', () => {
  it('reuses the key while the request is the same, and changes it with the request', () => {
    let n = 0
    const keys = createIdempotencyKeys(() => `key-${++n}`)
    const request = { lines: [{ skuId: 'a', quantity: 1 }] }
    expect(keys.keyFor(request)).toBe('key-1')
    expect(keys.keyFor({ lines: [{ skuId: 'a', quantity: 1 }] })).toBe('key-1')
    expect(keys.keyFor({ lines: [{ skuId: 'a', quantity: 2 }] })).toBe('key-2')
  })

  it('makes keys the server accepts', () => {
    const key = createIdempotencyKeys().keyFor({})
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(createIdempotencyKeys().keyFor({})).not.toBe(key)
  })
})
