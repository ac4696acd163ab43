/**
 * Shared by the abuse suites (not a test file itself): an in-memory PGlite database per suite, the
 * real app listening on a loopback port, raw sockets that misbehave on purpose, and a health probe
 * on a fresh connection each time.
 */
import http from 'node:http'
import net from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from '../config'
import type { HttpSettings } from '../http/http-settings'
import { buildTestApp, testConfig } from '../testing/app'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'
import type { Db } from '../db/types'

/**
 * An empty PGlite database from beforeAll to afterAll, for suites whose subject (HTTP handling,
 * validation) does not depend on the database backend.
 */
export function pgliteForSuite(): () => Db {
  let testDb: TestDatabase | undefined
  beforeAll(async () => {
    testDb = await createPgliteTestDatabase()
  })
  afterAll(async () => {
    await testDb?.dispose()
  })
  return () => {
    if (!testDb) throw new Error('pgliteForSuite: the database exists from beforeAll on')
    return testDb.db
  }
}

export interface ListeningApp {
  app: FastifyInstance
  port: number
  close(): Promise<void>
}

/** buildApp as main.ts runs it, listening on 127.0.0.1 with the given HTTP settings. */
export async function listenWith(
  db: Db,
  settings: Partial<HttpSettings>,
  overrides: Partial<ServerConfig> = {},
): Promise<ListeningApp> {
  const app = await buildTestApp(db, { ...overrides, http: { ...testConfig().http, ...settings } })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as net.AddressInfo
  return { app, port, close: () => app.close() }
}

export interface RawConnection {
  socket: net.Socket
  /** Everything the server sent so far. */
  received(): string
  /** Resolves when the server ends or drops the connection, with ms since connecting. */
  closed: Promise<number>
  isClosed(): boolean
}

export function connect(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let closedAt: number | undefined
    const closed = new Promise<number>((done) => {
      const finish = () => {
        closedAt ??= Date.now() - started
        done(closedAt)
      }
      // 'end': the server finished its side (after an answer); 'close': dropped or destroyed.
      socket.on('end', finish)
      socket.on('close', finish)
    })
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => undefined) // a reset is one way of being closed
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => Buffer.concat(chunks).toString('latin1'),
        closed,
        isClosed: () => closedAt !== undefined,
      }),
    )
    socket.once('error', reject)
  })
}

/** Writes one byte every `everyMs` until the connection closes; returns a stop function. */
export function trickle(connection: RawConnection, everyMs: number): () => void {
  const timer = setInterval(() => {
    if (connection.isClosed() || !connection.socket.writable) return clearInterval(timer)
    connection.socket.write('x')
  }, everyMs)
  return () => clearInterval(timer)
}

/** GET /healthz on a fresh connection; the status, or 0 when the connection failed. */
export function healthStatus(port: number, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/healthz', agent: false, headers: { connection: 'close' } },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.setTimeout(timeoutMs, () => request.destroy())
    request.on('error', () => resolve(0))
  })
}

/** How long the connection took to close, or Infinity when it is still open after `limitMs` (then it is dropped). */
export async function closedWithin(connection: RawConnection, limitMs: number): Promise<number> {
  const after = await Promise.race([connection.closed, sleep(limitMs).then(() => Infinity)])
  connection.socket.destroy()
  return after
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
