/**
 * Text people type (contract/limits.ts VISIBLE_TEXT_PATTERN and OPTIONAL_VISIBLE_TEXT_PATTERN):
 * a name, address, note or carrier made only of zero-width or direction characters is refused
 * with 400 and a message in words, as is a text-direction override anywhere in it; ordinary text,
 * including scripts that use joiners and marks, still passes.
 */
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { OPTIONAL_VISIBLE_TEXT_PATTERN, VISIBLE_TEXT_PATTERN } from '../../contract/limits'
import { appForSuite } from '../testing/suites'
import { pgliteForSuite } from './abuse-helpers'

// Validation does not depend on the database backend, so PGlite suffices here.
const getDb = pgliteForSuite()
const suite = appForSuite(getDb)

const INVISIBLE_ONLY = {
  'zero-width spaces and joiners': '\u200b\u200c\u200d\u2060',
  'direction marks': '\u200e\u200f\u061c',
  'a byte-order mark and a soft hyphen': '\ufeff\u00ad',
  'Hangul fillers and spaces': '\u3164 \u115f\u3000',
}
const OVERRIDE_INSIDE = '张\u202e三四'
const VISIBLE_MESSAGE = /must show at least one visible character .*no control or text-direction characters$/

const putAddress = (address: Record<string, string>) =>
  suite.app.inject({ method: 'PUT', url: '/api/address', headers: suite.buyer.headers, payload: address })

describe.each(['name', 'region', 'detail'] as const)('the address %s', (field) => {
  it.each(Object.entries(INVISIBLE_ONLY))('refuses %s only', async (_kind, text) => {
    const value = field === 'name' ? text : text.repeat(4)
    const res = await putAddress({ ...SAMPLE_ADDRESS, [field]: value })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('bad_request')
    expect(res.json().message).toMatch(new RegExp(`^body/${field}: ${VISIBLE_MESSAGE.source}`))
  })

  it('refuses a text-direction override inside', async () => {
    const res = await putAddress({ ...SAMPLE_ADDRESS, [field]: `${OVERRIDE_INSIDE}${SAMPLE_ADDRESS[field]}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(VISIBLE_MESSAGE)
  })
})

it('accepts ordinary names, joiners and marks within visible text included', async () => {
  for (const name of ['张三', 'Zoë O’Neil', 'ميرزا\u200fعلي', 'می\u200cخواهم', '👩\u200d💻 Li']) {
    const res = await putAddress({ ...SAMPLE_ADDRESS, name })
    expect([name, res.statusCode]).toEqual([name, 200])
    expect(res.json().name).toBe(name)
  }
})

it('refuses an invisible after-sales note or return carrier, before looking the order up', async () => {
  const note = await suite.app.inject({
    method: 'POST',
    url: '/api/orders/20240611038475610293/after-sales',
    headers: suite.buyer.headers,
    payload: {
      kind: 'refund_only',
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: 'other',
      note: '\u200b\u200b',
    },
  })
  expect(note.statusCode).toBe(400)
  expect(note.json().message).toMatch(/^body\/note: must be empty or show at least one visible character/)

  const carrier = await suite.app.inject({
    method: 'POST',
    url: '/api/after-sales/1/return-shipment',
    headers: suite.buyer.headers,
    payload: { carrier: '\u2066\u200b\u2069', trackingNo: 'SF1234567890' },
  })
  expect(carrier.statusCode).toBe(400)
  expect(carrier.json().message).toMatch(/^body\/carrier: must show at least one visible character/)
})

it('means the same with and without the regular expression u flag (server and app)', () => {
  const samples = [...Object.values(INVISIBLE_ONLY), OVERRIDE_INSIDE, '张三', 'می\u200cخواهم', '', ' ']
  for (const pattern of [VISIBLE_TEXT_PATTERN, OPTIONAL_VISIBLE_TEXT_PATTERN]) {
    const plain = samples.map((text) => new RegExp(pattern).test(text))
    const unicode = samples.map((text) => new RegExp(pattern, 'u').test(text))
    expect(unicode).toEqual(plain)
  }
  expect(new RegExp(OPTIONAL_VISIBLE_TEXT_PATTERN).test('')).toBe(true)
  expect(new RegExp(VISIBLE_TEXT_PATTERN).test('')).toBe(false)
})
