import type { InjectOptions } from 'fastify'
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import type { ApiErrorBody } from '../../contract'
import { BODY_LIMIT_BYTES } from '../app'
import { describeEachDatabase } from '../testing/databases'
import { countOrders, newKey, setStock } from './orders-helpers'
import { appForSuite } from '../testing/suites'

const line = (quantity: unknown, skuId: unknown = 'pencil-set-std') => ({ skuId, quantity })
const order = (overrides: Record<string, unknown> = {}) => ({
  lines: [line(1)],
  address: SAMPLE_ADDRESS,
  ...overrides,
})
const withAddress = (field: string, value: unknown) =>
  order({ address: { ...SAMPLE_ADDRESS, [field]: value } })

describeEachDatabase('orders input validation', (getDb) => {
  const suite = appForSuite(getDb)
  beforeAll(async () => {
    await setStock(getDb(), 'pencil-set-std', 1000)
  })

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: {
        ...suite.buyer.headers,
        'idempotency-key': newKey(),
        'content-type': 'application/json',
        ...headers,
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })

  const expectError = (res: { statusCode: number; json: () => unknown }, status: number, code?: string) => {
    expect(res.statusCode).toBe(status)
    const body = res.json() as ApiErrorBody
    expect(body).toEqual({
      code: code ?? expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
    })
    expect(body.message.length).toBeGreaterThan(0)
  }

  it('accepts the well-formed baseline the corpus varies (so each case fails for its own reason)', async () => {
    expect((await post(order())).statusCode).toBe(201)
  })

  describe('anonymous requests are 401 {code, message}', () => {
    const requests: InjectOptions[] = [
      { method: 'POST', url: '/api/orders', payload: order(), headers: { 'idempotency-key': newKey() } },
      {
        method: 'POST',
        url: '/api/orders',
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      },
      { method: 'GET', url: '/api/orders' },
      { method: 'GET', url: '/api/orders/20240101000000000000' },
      { method: 'POST', url: '/api/orders/20240101000000000000/cancel' },
      { method: 'GET', url: '/api/address' },
      { method: 'PUT', url: '/api/address', payload: SAMPLE_ADDRESS },
    ]
    it.each(requests.map((request) => [`${request.method} ${request.url}`, request]))(
      '%s',
      async (_name, request) => {
        const before = await countOrders(getDb())
        const res = await suite.app.inject(request as InjectOptions)
        expectError(res, 401, 'unauthorized')
        const bad = await suite.app.inject({
          ...(request as InjectOptions),
          headers: {
            ...(request as InjectOptions).headers,
            authorization: 'Bearer not-a-real-session-token',
          },
        })
        expectError(bad, 401, 'unauthorized')
        expect(await countOrders(getDb())).toBe(before)
      },
    )
  })

  describe('idempotency key', () => {
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['too short', 'abc1234'],
      ['too long', 'k'.repeat(65)],
      ['with a space', 'abc def 123'],
      ['with a slash', 'abcd/efgh12'],
      ['non-ASCII', 'ключ-ключ-ключ'],
    ])('%s → 400 idempotency_key_required', async (_name, key) => {
      const before = await countOrders(getDb())
      const res = await suite.app.inject({
        method: 'POST',
        url: '/api/orders',
        // As raw bytes: what a client sending UTF-8 in a header puts on the wire.
        headers: {
          ...suite.buyer.headers,
          ...(key === undefined ? {} : { 'idempotency-key': Buffer.from(key).toString('latin1') }),
        },
        payload: order(),
      })
      expectError(res, 400, 'idempotency_key_required')
      expect(await countOrders(getDb())).toBe(before)
    })
  })

  describe('bodies', () => {
    const corpus: Array<[string, unknown, number, string?]> = [
      ['bad JSON', '{"lines": [', 400, 'bad_request'],
      ['empty body', '', 400, 'bad_request'],
      ['JSON null', 'null', 400],
      ['a JSON array', '[]', 400],
      ['a JSON string', '"order"', 400],
      ['a JSON number', '42', 400],
      ['no lines', { address: SAMPLE_ADDRESS }, 400],
      ['empty lines', order({ lines: [] }), 400],
      ['lines as an object', order({ lines: line(1) }), 400],
      ['51 lines', order({ lines: Array.from({ length: 51 }, () => line(1)) }), 400],
      ['quantity 0', order({ lines: [line(0)] }), 400],
      ['quantity -1', order({ lines: [line(-1)] }), 400],
      ['quantity 1.5', order({ lines: [line(1.5)] }), 400],
      ['quantity 1e9', order({ lines: [line(1e9)] }), 400],
      ['quantity 100', order({ lines: [line(100)] }), 400],
      ['quantity "2"', order({ lines: [line('2')] }), 400],
      ['quantity true', order({ lines: [line(true)] }), 400],
      ['quantity null', order({ lines: [line(null)] }), 400],
      ['quantity [2]', order({ lines: [line([2])] }), 400],
      ['quantity missing', order({ lines: [{ skuId: 'pencil-set-std' }] }), 400],
      [
        'quantity 1e400',
        `{"lines":[{"skuId":"pencil-set-std","quantity":1e400}],"address":${JSON.stringify(SAMPLE_ADDRESS)}}`,
        400,
      ],
      ['over 99 of one SKU in total', order({ lines: [line(60), line(60)] }), 400, 'bad_request'],
      ['unknown skuId', order({ lines: [line(1, 'no-such-sku')] }), 400, 'unknown_sku'],
      ['skuId with a path', order({ lines: [line(1, '../etc/passwd')] }), 400],
      ['skuId empty', order({ lines: [line(1, '')] }), 400],
      ['skuId a number', order({ lines: [line(1, 5)] }), 400],
      ['skuId too long', order({ lines: [line(1, 'a'.repeat(65))] }), 400],
      ['skuId with NUL', order({ lines: [line(1, 'pencil\u0000')] }), 400],
      ['no address', { lines: [line(1)] }, 400],
      ['address a string', order({ address: 'Shanghai' }), 400],
      ['name empty', withAddress('name', ''), 400],
      ['name blank', withAddress('name', '   '), 400],
      ['name too long', withAddress('name', 'x'.repeat(41)), 400],
      ['name with NUL', withAddress('name', 'Li\u0000Lei'), 400],
      ['name with a newline', withAddress('name', 'Li\nLei'), 400],
      ['name a number', withAddress('name', 12345), 400],
      [
        'name missing',
        order({
          address: {
            phone: SAMPLE_ADDRESS.phone,
            region: SAMPLE_ADDRESS.region,
            detail: SAMPLE_ADDRESS.detail,
          },
        }),
        400,
      ],
      ['phone letters', withAddress('phone', 'call me'), 400],
      ['phone too short', withAddress('phone', '1380013'), 400],
      ['phone as a number', withAddress('phone', 13800138000), 400],
      ['region one character', withAddress('region', '沪'), 400],
      ['region too long', withAddress('region', 'x'.repeat(81)), 400],
      ['detail too short', withAddress('detail', 'abc'), 400],
      ['detail blank', withAddress('detail', '      '), 400],
      ['detail with a control character', withAddress('detail', 'Room\u0007 101'), 400],
      ['detail too long', withAddress('detail', 'x'.repeat(121)), 400],
      ['huge body', order({ padding: 'x'.repeat(BODY_LIMIT_BYTES + 1) }), 413, 'payload_too_large'],
    ]
    // As objects: with 3-element rows jest would take a missing 4th argument for `done`.
    const cases = corpus.map(([name, payload, status, code]) => ({ name, payload, status, code }))
    it.each(cases)('$name → $status', async ({ payload, status, code }) => {
      const before = await countOrders(getDb())
      const stock = (
        await getDb().query<{ stock: number }>(`select stock from skus where id = 'pencil-set-std'`)
      )[0]
      expectError(await post(payload), status, code)
      expect(await countOrders(getDb())).toBe(before)
      expect(
        (await getDb().query<{ stock: number }>(`select stock from skus where id = 'pencil-set-std'`))[0],
      ).toEqual(stock)
    })

    it('refuses a body that is not JSON (415, or 400 for text Fastify parses as a string)', async () => {
      const form = await post('lines=1', { 'content-type': 'application/x-www-form-urlencoded' })
      expectError(form, 415, 'unsupported_media_type')
      expectError(await post(JSON.stringify(order()), { 'content-type': 'text/plain' }), 400, 'bad_request')
    })
  })

  describe('address, order ids and list queries', () => {
    it.each([
      ['name blank', { ...SAMPLE_ADDRESS, name: ' ' }],
      ['phone bad', { ...SAMPLE_ADDRESS, phone: '12' }],
      ['detail NUL', { ...SAMPLE_ADDRESS, detail: 'Room \u0000 1' }],
      ['not an object', ['x']],
      ['missing region', { name: 'A', phone: SAMPLE_ADDRESS.phone, detail: SAMPLE_ADDRESS.detail }],
    ])('PUT /api/address with %s → 400', async (_name, payload) => {
      const res = await suite.app.inject({
        method: 'PUT',
        url: '/api/address',
        headers: suite.buyer.headers,
        payload: payload as object,
      })
      expectError(res, 400, 'bad_request')
      expect(
        (await suite.app.inject({ method: 'GET', url: '/api/address', headers: suite.buyer.headers }))
          .statusCode,
      ).toBe(404)
    })

    it.each([
      '/api/orders/abc',
      '/api/orders/1234567',
      '/api/orders/..%2F..%2Fetc',
      `/api/orders/${'9'.repeat(33)}`,
      '/api/orders?status=refunded',
      '/api/orders?page=0',
      '/api/orders?pageSize=51',
      '/api/orders?page=1e3',
    ])('GET %s → 400', async (url) => {
      expectError(
        await suite.app.inject({ method: 'GET', url, headers: suite.buyer.headers }),
        400,
        'bad_request',
      )
    })

    it('cancel of a malformed id → 400, of an unknown one → 404', async () => {
      expectError(
        await suite.app.inject({
          method: 'POST',
          url: '/api/orders/abc/cancel',
          headers: suite.buyer.headers,
        }),
        400,
      )
      expectError(
        await suite.app.inject({
          method: 'POST',
          url: '/api/orders/20240101000000000000/cancel',
          headers: suite.buyer.headers,
        }),
        404,
        'not_found',
      )
    })
  })
})
