/**
 * The soak's hostile clients:
 *  - malformed: the fault suite's corpus (server/tests/faults-malformed-corpus.ts: bad JSON,
 *    over-long and deeply nested bodies, wrong types, wrong tokens, others' orders...) plus a few
 *    of its own (unknown routes, invalid headers, raw HTTP that does not parse), in a loop; each
 *    should get a 4xx;
 *  - slow: raw sockets that trickle a body or headers a byte at a time; the server should close
 *    them (header, body and idle timeouts). One that the server closes is replaced by a new one.
 */
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import {
  MALFORMED_HTTP,
  MALFORMED_REQUESTS,
  type MalformedRequest,
} from '../../server/tests/faults-malformed-corpus'
import { noteSoakSocket, type SoakClient, type Traffic } from './traffic'

export interface MalformedTally {
  sent: number
  /** Anything else than 4xx (5xx are tallied by Traffic too). */
  notRefused: Record<string, number>
}

export const newMalformedTally = (): MalformedTally => ({ sent: 0, notRefused: {} })

export interface MalformedWorld {
  client: SoakClient
  traffic: Traffic
  port: number
  auth: Record<string, string>
  /** Values for the corpus's {open}, {closed}, {foreign} and {key}. */
  ids: Record<string, string>
  tally: MalformedTally
  running: () => boolean
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** Requests of the soak's own, besides the corpus. */
const EXTRA_REQUESTS: MalformedRequest[] = [
  { name: 'unknown route', method: 'GET', path: '/api/no-such-thing' },
  { name: 'unknown method', method: 'PATCH', path: '/api/products' },
  { name: 'a made-up token', method: 'GET', path: '/api/orders', auth: 'Bearer x' },
  { name: 'not a bearer', method: 'GET', path: '/api/me', auth: 'Basic Zm9vOmJhcg==' },
  { name: 'nested 20 000 deep', method: 'POST', path: '/api/orders', raw: deep(20_000) },
  { name: 'nested 20 000 deep address', method: 'PUT', path: '/api/address', raw: deep(20_000) },
  { name: '1 MB body', method: 'POST', path: '/api/orders', raw: `{"x":"${'y'.repeat(1 << 20)}"}` },
  { name: 'truncated JSON', method: 'POST', path: '/api/orders', raw: '{"lines":[' },
  {
    name: 'bad idempotency key',
    method: 'POST',
    path: '/api/orders',
    raw: '{}',
    headers: { 'idempotency-key': '!' },
  },
  { name: 'text body', method: 'POST', path: '/api/session', raw: 'hello', contentType: 'text/plain' },
]

const fill = (text: string, ids: Record<string, string>) =>
  text.replace(/\{(open|closed|foreign|key)\}/g, (_, name: string) => ids[name])

async function sendOne(world: MalformedWorld, request: MalformedRequest) {
  const headers: Record<string, string> = {}
  const auth = request.auth ?? 'buyer'
  if (auth === 'buyer') Object.assign(headers, world.auth)
  else if (auth !== 'none') headers.authorization = auth
  if (request.method === 'POST' && request.path === '/api/orders' && request.key !== false)
    headers['idempotency-key'] = `soak-${randomBytes(8).toString('hex')}`
  if (request.raw !== undefined) headers['content-type'] = request.contentType ?? 'application/json'
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = fill(value, world.ids)
  const body =
    request.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(request.body), world.ids))
  const answer = await world.client.send(request.method, fill(request.path, world.ids), {
    body,
    raw: request.raw,
    headers,
  })
  world.tally.sent++
  if (answer && (answer.status < 400 || answer.status >= 500)) {
    const key = `${request.name}: ${answer.status}`
    world.tally.notRefused[key] = (world.tally.notRefused[key] ?? 0) + 1
  }
}

/** Sends raw bytes the HTTP parser refuses; the server's answer's status line is tallied. */
function sendRaw(world: MalformedWorld, name: string, bytes: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(world.port, '127.0.0.1')
    noteSoakSocket(socket)
    let received = ''
    socket.setTimeout(10_000, () => socket.destroy())
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)
      world.tally.sent++
      // A connection closed without an answer is an acceptable refusal of bytes that are not HTTP.
      if (status) world.traffic.count('malformed', `raw: ${name}`, status, undefined, received)
      if (status && (status < 400 || status >= 500)) {
        const key = `raw ${name}: ${status}`
        world.tally.notRefused[key] = (world.tally.notRefused[key] ?? 0) + 1
      }
      resolve()
    })
    socket.end(bytes)
  })
}

export async function runMalformed(world: MalformedWorld): Promise<void> {
  const requests = [...MALFORMED_REQUESTS, ...EXTRA_REQUESTS]
  while (world.running()) {
    for (const request of requests) {
      if (!world.running()) return
      await sendOne(world, request)
    }
    for (const [name, bytes] of MALFORMED_HTTP) {
      if (!world.running()) return
      await sendRaw(world, name, bytes)
    }
  }
}

export type SlowKind = 'body' | 'headers'

export interface SlowKindTally {
  opened: number
  closedByServer: number
  /** The longest the server kept one before closing it, in ms. */
  longestOpenMs: number
  /** Not closed by the server when the soak ended, and how long the oldest of them had been open. */
  stillOpen: number
  oldestStillOpenMs: number
}

export type SlowTally = Record<SlowKind, SlowKindTally>

const newKindTally = (): SlowKindTally => ({
  opened: 0,
  closedByServer: 0,
  longestOpenMs: 0,
  stillOpen: 0,
  oldestStillOpenMs: 0,
})
export const newSlowTally = (): SlowTally => ({ body: newKindTally(), headers: newKindTally() })

const SLOW_START: Record<SlowKind, (port: number) => string> = {
  body: (port) =>
    `POST /api/orders HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n`,
  headers: (port) => `GET /api/products HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `,
}
const SLOW_BYTE: Record<SlowKind, string> = { body: '[', headers: 'a' }

/**
 * Keeps `count` slow sockets open (half trickle a body, half trickle headers), a byte every
 * `byteEveryMs`; returns a function that stops them, noting those the server had not closed.
 */
export function startSlowClients(port: number, count: number, byteEveryMs: number, tally: SlowTally) {
  const open = new Map<net.Socket, { kind: SlowKind; openedAt: number }>()
  let stopping = false
  const openOne = (kind: SlowKind) => {
    if (stopping) return
    const socket = net.connect(port, '127.0.0.1')
    noteSoakSocket(socket)
    const openedAt = Date.now()
    tally[kind].opened++
    open.set(socket, { kind, openedAt })
    socket.on('error', () => undefined)
    socket.on('data', () => undefined) // a 408 or 400 before closing is fine
    socket.write(SLOW_START[kind](port))
    const timer = setInterval(() => {
      if (socket.writable) socket.write(SLOW_BYTE[kind])
    }, byteEveryMs)
    socket.on('close', () => {
      clearInterval(timer)
      open.delete(socket)
      if (stopping) return
      tally[kind].closedByServer++
      tally[kind].longestOpenMs = Math.max(tally[kind].longestOpenMs, Date.now() - openedAt)
      openOne(kind)
    })
  }
  for (let n = 0; n < count; n++) openOne(n % 2 === 0 ? 'body' : 'headers')
  return () => {
    if (stopping) return
    stopping = true
    for (const [socket, { kind, openedAt }] of open) {
      tally[kind].stillOpen++
      tally[kind].oldestStillOpenMs = Math.max(tally[kind].oldestStillOpenMs, Date.now() - openedAt)
      socket.destroy()
    }
  }
}
