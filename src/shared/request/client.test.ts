import Taro from '@tarojs/taro'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setRequestFlavour, type RequestFlavour } from '../../../tests/support/taro-node'
import { createRequestClient, RequestError } from './index'

/** A real HTTP server whose behaviour each test scripts. */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void
let handler: Handler
let hits: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[]
let server: http.Server
let baseUrl: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      hits.push({ method: req.method, url: req.url, headers: req.headers, body })
      handler(req, res, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => {
  hits = []
})

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
const client = (overrides = {}) =>
  createRequestClient({ baseUrl, timeoutMs: 500, retryDelayMs: 5, getRetries: 2, ...overrides })

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(RequestError)
    return error as RequestError
  }
  throw new Error('expected the request to fail')
}

// The same behaviour whichever way the platform reports HTTP results (see tests/support/taro-node.ts).
describe.each<RequestFlavour>(['wechat', 'alipay'])(
  'request client against a real HTTP server (%s)',
  (flavour) => {
    beforeAll(() => setRequestFlavour(flavour))
    afterAll(() => setRequestFlavour('wechat'))

    it('sends the query, a request id and JSON, and returns the body', async () => {
      handler = (_req, res) => json(res, 200, { ok: true })
      const result = await client({ headers: () => ({ 'Accept-Language': 'en' }) }).get('/api/things', {
        page: 2,
        q: 'red shoes',
        empty: undefined,
      })
      expect(result).toEqual({ ok: true })
      expect(hits[0].url).toBe('/api/things?page=2&q=red%20shoes')
      expect(hits[0].headers['x-request-id']).toMatch(/^[a-z0-9]+-[a-z0-9]+$/)
      expect(hits[0].headers['accept-language']).toBe('en')
    })

    it('maps 4xx to a client error carrying the server code and message, without retrying', async () => {
      handler = (_req, res) => json(res, 400, { code: 'bad_request', message: 'page must be >= 1' })
      const error = await failure(client().get('/api/products', { page: 0 }))
      expect(error).toMatchObject({
        kind: 'client',
        status: 400,
        code: 'bad_request',
        message: 'page must be >= 1',
      })
      expect(hits).toHaveLength(1)
    })

    it('retries a GET on 5xx with the same request id, then succeeds', async () => {
      let calls = 0
      handler = (_req, res) =>
        ++calls < 3 ? json(res, 503, { code: 'busy', message: 'try later' }) : json(res, 200, [1])
      await expect(client().get('/x')).resolves.toEqual([1])
      expect(hits).toHaveLength(3)
      expect(new Set(hits.map((hit) => hit.headers['x-request-id'])).size).toBe(1)
    })

    it('gives up after the retry budget with a server error', async () => {
      handler = (_req, res) => json(res, 500, { code: 'internal_error', message: 'boom' })
      const error = await failure(client().get('/x'))
      expect(error).toMatchObject({ kind: 'server', status: 500, code: 'internal_error' })
      expect(hits).toHaveLength(3)
    })

    it('never retries a POST, even on 5xx', async () => {
      handler = (_req, res) => json(res, 502, { code: 'bad_gateway', message: 'upstream' })
      const error = await failure(client().post('/api/orders', { a: 1 }))
      expect(error.kind).toBe('server')
      expect(hits).toHaveLength(1)
      expect(JSON.parse(hits[0].body)).toEqual({ a: 1 })
    })

    it('reports a timeout when the server does not answer in time', async () => {
      handler = () => undefined // never answers
      const error = await failure(client({ timeoutMs: 100, getRetries: 0 }).get('/slow'))
      expect(error).toMatchObject({ kind: 'timeout', code: 'timeout' })
      expect(error.transient).toBe(true)
    })

    it('reports the network kind when nothing listens', async () => {
      const closed = http.createServer()
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
      const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
      await new Promise((resolve) => closed.close(resolve))
      const error = await failure(client({ baseUrl: deadUrl, getRetries: 1 }).get('/x'))
      expect(error).toMatchObject({ kind: 'network', code: 'network' })
    })

    it('treats a non-JSON 2xx body as a bad response', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('<html>captive portal</html>')
      }
      const error = await failure(client({ getRetries: 0 }).get('/x'))
      expect(error).toMatchObject({ kind: 'bad_response', code: 'bad_response' })
    })

    it('maps a 4xx body without code to an http_<status> code', async () => {
      handler = (_req, res) => {
        res.writeHead(404)
        res.end('nope')
      }
      const error = await failure(client().get('/missing'))
      expect(error).toMatchObject({ kind: 'client', status: 404, code: 'http_404' })
    })

    it('surfaces a configuration problem on every request', async () => {
      const misconfigured = createRequestClient({
        baseUrl: () => {
          throw new RequestError({ kind: 'config', message: 'TARO_APP_API_BASE_URL is not set' })
        },
      })
      await expect(misconfigured.get('/x')).rejects.toMatchObject({ kind: 'config', code: 'config' })
    })
  },
)

describe('request client on Alipay-specific failures', () => {
  const alipayFailure = (rejection: unknown) => {
    const spy = jest.spyOn(Taro, 'request').mockImplementation(() => {
      const promise = Promise.reject(rejection) as Promise<never> & { abort: () => void }
      promise.abort = () => undefined
      return promise as unknown as ReturnType<typeof Taro.request>
    })
    return spy
  }
  afterEach(() => jest.restoreAllMocks())

  it.each([
    [11, 'config'],
    [13, 'timeout'],
    [14, 'bad_response'],
    [12, 'network'],
  ])('maps my.request error %i to %s, with Alipay’s errorMessage', async (error, kind) => {
    const spy = alipayFailure({ error, errorMessage: `alipay error ${error}` })
    const rejection = await createRequestClient({ baseUrl: 'https://api.example.com', getRetries: 0 })
      .get('/x')
      .catch((e: unknown) => e)
    expect(rejection).toMatchObject({ kind, message: `alipay error ${error}` })
    expect(spy).toHaveBeenCalledTimes(1)
  })
})

describe('request client with a session', () => {
  it('renews the session once on 401 and sends the request again with the new token', async () => {
    let token = 'old-token'
    const renewals: string[] = []
    handler = (req, res) =>
      req.headers.authorization === 'Bearer new-token'
        ? json(res, 201, { id: 'order-1' })
        : json(res, 401, { code: 'session_expired', message: 'log in again' })
    const authed = client({
      headers: () => ({ Authorization: `Bearer ${token}` }),
      renewSession: async () => {
        renewals.push(token)
        token = 'new-token'
      },
    })
    await expect(authed.post('/api/orders', { lines: [] })).resolves.toEqual({ id: 'order-1' })
    expect(renewals).toEqual(['old-token'])
    expect(hits.map((hit) => hit.headers.authorization)).toEqual(['Bearer old-token', 'Bearer new-token'])
  })

  it('gives up after one renewal', async () => {
    handler = (_req, res) => json(res, 401, { code: 'unauthorized', message: 'no' })
    let renewals = 0
    const authed = client({ renewSession: async () => void renewals++ })
    await expect(authed.get('/api/me')).rejects.toMatchObject({ status: 401, code: 'unauthorized' })
    expect(renewals).toBe(1)
    expect(hits).toHaveLength(2)
  })
})
