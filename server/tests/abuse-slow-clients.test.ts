/**
 * Slow and greedy clients (server/http/connection-limits.ts, client-errors.ts): a trickled body or
 * trickled headers are cut off at their deadline with a 408, a keep-alive connection left idle
 * closes, connections beyond the cap are closed as they arrive, and /healthz answers throughout.
 * A 20 KB header gets 431 with a message that says so.
 */
import { HTTP_SETTINGS_DEFAULTS, readHttpSettings } from '../http/http-settings'
import {
  closedWithin,
  connect,
  healthStatus,
  listenWith,
  pgliteForSuite,
  sleep,
  trickle,
  type ListeningApp,
} from './abuse-helpers'

// Connection handling does not depend on the database backend, so PGlite suffices here.
const getDb = pgliteForSuite()

const HEADERS_TIMEOUT_MS = 400
const REQUEST_TIMEOUT_MS = 800
const KEEP_ALIVE_TIMEOUT_MS = 400
/** Node keeps an idle connection this much longer than it advertises (Keep-Alive: timeout=). */
const NODE_KEEP_ALIVE_BUFFER_MS = 1000
/** Node checks deadlines every headersTimeout / 4 (here) and the answer is sent at once. */
const MARGIN_MS = 600
const TRICKLE_EVERY_MS = 150

// Login reads its body before anything else, so the connection waits on the trickle.
const SLOW_BODY_HEAD =
  'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n'

describe('slow clients', () => {
  let server: ListeningApp
  beforeAll(async () => {
    server = await listenWith(getDb(), {
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: 100,
    })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('cuts off trickled bodies at the request deadline with a 408, while /healthz keeps answering', async () => {
    const slow = await Promise.all(Array.from({ length: 10 }, () => connect(server.port)))
    const stops = slow.map((connection) => {
      connection.socket.write(SLOW_BODY_HEAD + '{')
      return trickle(connection, TRICKLE_EVERY_MS)
    })
    const health: number[] = []
    const probing = (async () => {
      while (!slow.every((connection) => connection.isClosed())) {
        health.push(await healthStatus(server.port))
        await sleep(100)
      }
    })()
    const closedAfter = await Promise.all(
      slow.map((connection) => closedWithin(connection, REQUEST_TIMEOUT_MS + MARGIN_MS)),
    )
    await probing
    stops.forEach((stop) => stop())

    for (const ms of closedAfter) expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + MARGIN_MS)
    for (const connection of slow) {
      const [head, body] = connection.received().split('\r\n\r\n')
      expect(head).toMatch(/^HTTP\/1\.1 408 /)
      expect(JSON.parse(body)).toEqual({ code: 'bad_request', message: expect.stringMatching(/too long/) })
    }
    expect(health.length).toBeGreaterThanOrEqual(3)
    expect(health.every((status) => status === 200)).toBe(true)
  })

  it('closes a connection answered early (401) at the deadline without a second answer', async () => {
    const connection = await connect(server.port)
    connection.socket.write(SLOW_BODY_HEAD.replace('/api/session', '/api/orders') + '{')
    const stop = trickle(connection, TRICKLE_EVERY_MS)
    const closedAfter = await closedWithin(connection, REQUEST_TIMEOUT_MS + MARGIN_MS)
    stop()
    expect(closedAfter).toBeLessThan(REQUEST_TIMEOUT_MS + MARGIN_MS)
    expect(connection.received()).toMatch(/^HTTP\/1\.1 401 /)
    expect(connection.received().match(/HTTP\/1\.1 /g)).toHaveLength(1)
  })

  it('cuts off trickled headers at the header deadline', async () => {
    const connection = await connect(server.port)
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
    const stop = trickle(connection, TRICKLE_EVERY_MS)
    const closedAfter = await closedWithin(connection, HEADERS_TIMEOUT_MS + MARGIN_MS)
    stop()
    expect(closedAfter).toBeLessThan(HEADERS_TIMEOUT_MS + MARGIN_MS)
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes a keep-alive connection left idle after its answer', async () => {
    const connection = await connect(server.port)
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    const closedAfter = await closedWithin(
      connection,
      KEEP_ALIVE_TIMEOUT_MS + NODE_KEEP_ALIVE_BUFFER_MS + MARGIN_MS,
    )
    expect(connection.received()).toMatch(/^HTTP\/1\.1 200 /)
    expect(closedAfter).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + NODE_KEEP_ALIVE_BUFFER_MS + MARGIN_MS)
  })

  it('answers a 20 KB header with 431 and a message about header size', async () => {
    const connection = await connect(server.port)
    connection.socket.write(
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    )
    await connection.closed
    const [head, body] = connection.received().split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 431 /)
    expect(JSON.parse(body)).toEqual({
      code: 'bad_request',
      message: expect.stringMatching(/^Request headers are too large \(more than 16 KB/),
    })
  })

  it('answers an unparseable request with 400', async () => {
    const connection = await connect(server.port)
    connection.socket.write('GET /caf\u00e9 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'latin1')
    await connection.closed
    expect(connection.received()).toMatch(/^HTTP\/1\.1 400 [^]*percent-encoded/)
  })
})

describe('connection cap', () => {
  const CAP = 4
  let server: ListeningApp
  beforeAll(async () => {
    // Long deadlines: the held connections must outlive the test.
    server = await listenWith(getDb(), {
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 20_000,
      maxConnections: CAP,
    })
  })
  afterAll(async () => {
    await server?.close()
  })

  const openConnections = () =>
    new Promise<number>((resolve, reject) =>
      server.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    )

  it('closes the connection past the cap at once, keeps the others, and serves again when they go', async () => {
    const held = await Promise.all(Array.from({ length: CAP }, () => connect(server.port)))
    for (const connection of held) connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    while ((await openConnections()) < CAP) await sleep(20)

    const extra = await connect(server.port)
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    expect(await closedWithin(extra, 1000)).toBeLessThan(1000)
    expect(extra.received()).toBe('')
    expect(await healthStatus(server.port)).toBe(0)
    expect(held.some((connection) => connection.isClosed())).toBe(false)

    // Finishing one held request frees nothing until its connection goes; dropping them does.
    for (const connection of held) connection.socket.destroy()
    await Promise.all(held.map((connection) => connection.closed))
    while ((await openConnections()) > 0) await sleep(20)
    expect(await healthStatus(server.port)).toBe(200)
  })
})

describe('HTTP_* settings', () => {
  it('defaults to bounded values, and reads each variable', () => {
    expect(readHttpSettings({})).toMatchObject(HTTP_SETTINGS_DEFAULTS)
    expect(
      readHttpSettings({
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_REQUEST_TIMEOUT_MS: '4000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
        HTTP_SOCKET_TIMEOUT_MS: '9000',
        HTTP_MAX_CONNECTIONS: '50',
      }),
    ).toMatchObject({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 4000,
      keepAliveTimeoutMs: 65000,
      socketTimeoutMs: 9000,
      maxConnections: 50,
    })
  })

  it('refuses values that would turn a bound off or that Node refuses, saying what to set', () => {
    expect(() => readHttpSettings({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      'HTTP_REQUEST_TIMEOUT_MS must be a whole number from 100 to 600000 (got "0"). Default: HTTP_REQUEST_TIMEOUT_MS=30000.',
    )
    expect(() => readHttpSettings({ HTTP_MAX_CONNECTIONS: 'lots' })).toThrow(/^HTTP_MAX_CONNECTIONS must be/)
    expect(() =>
      readHttpSettings({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '15000' }),
    ).toThrow(/^HTTP_HEADERS_TIMEOUT_MS \(20000\) must not exceed HTTP_REQUEST_TIMEOUT_MS \(15000\)/)
  })
})
