import { Address } from '@contract'
import { ADDRESS_FIELD_LENGTHS } from '@contract/limits'
import { AjvCompiler } from '@fastify/ajv-compiler'
import { SAMPLE_ADDRESS as good } from '../../../tests/support/sample-address'
import { emptyAddress, trimAddress, validateAddress } from './address'
import { createIdempotencyKeys } from './idempotency'

describe('address validation (mirrors the API schema)', () => {
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
    const tooLong = 'x'.repeat(ADDRESS_FIELD_LENGTHS.detail.max + 1)
    expect(validateAddress({ ...good, detail: tooLong })).toEqual({ detail: 'address.error.detail' })
  })

  it('refuses control characters inside the text, as the server does', () => {
    expect(
      validateAddress({
        ...good,
        name: '张\u0000三',
        region: '浙江省\n杭州市',
        detail: '文三路\u0085100 号',
      }),
    ).toEqual({
      name: 'address.error.controlCharacters',
      region: 'address.error.controlCharacters',
      detail: 'address.error.controlCharacters',
    })
  })

  it('counts lengths in code points, as JSON Schema does (an emoji is one)', () => {
    const { max } = ADDRESS_FIELD_LENGTHS.name
    expect(validateAddress({ ...good, name: '😀'.repeat(max) })).toEqual({})
    expect(validateAddress({ ...good, name: '😀'.repeat(max + 1) })).toEqual({ name: 'address.error.name' })
  })

  it('agrees with the reference server on every sample', () => {
    // The server's body validator for an Address, compiled as Fastify compiles it (Ajv 8).
    const compile = AjvCompiler()({}, { customOptions: {} })
    const serverAccepts = compile({ schema: Address, method: 'POST', url: '/', httpPart: 'body' })
    const controls = ['\u0000', '\u0009', '\u000a', '\u001f', '\u007f', '\u0085', '\u009f']
    const texts = [
      ...controls.map((control) => `文三路${control}100 号`),
      ...[' 文三路 100 号 ', '\u3000文三路 100 号', '    ', 'a😀b', '😀😀', '😀😀😀😀', 'ab', 'abc'],
      ...['x', '😀'].flatMap((unit) => [39, 40, 41, 79, 80, 81, 119, 120, 121].map((n) => unit.repeat(n))),
    ]
    const phones = [' 13800138000 ', '+123456', '+123456789012345', '+1234567890123456', '138001380000']
    const samples: Address[] = [
      ...texts.flatMap((text) => [
        { ...good, name: text },
        { ...good, region: text },
        { ...good, detail: text },
      ]),
      ...phones.map((phone) => ({ ...good, phone })),
    ]
    const disagreements = samples.filter(
      (sample) => (Object.keys(validateAddress(sample)).length === 0) !== serverAccepts(trimAddress(sample)),
    )
    expect(disagreements).toEqual([])
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
