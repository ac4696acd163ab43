/**
 * Failure details (server/http/errors.ts, HttpSettings.hideFailureDetails): in production a 502
 * from an unreachable Alipay gateway tells the client a plain message and the request id, while
 * the log keeps which gateway and why; in development the client sees the details.
 */
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { productionAlipayEnv } from '../alipay-simulator/test-harness'
import { setUpAlipay } from '../alipay/setup'
import { buildApp } from '../app'
import { loadConfig, type Env } from '../config'
import { prepareDatabase } from '../testing/suites'
import { pgliteForSuite } from './abuse-helpers'

// Error wording does not depend on the database backend, so PGlite suffices here.
const getDb = pgliteForSuite()
beforeAll(async () => {
  await prepareDatabase(getDb())
})

/** Nobody listens on port 1: every Alipay call fails with ECONNREFUSED. */
const UNREACHABLE_GATEWAY = 'https://127.0.0.1:1/gateway.do'
const INFRASTRUCTURE = /127\.0\.0\.1|ECONNREFUSED|gateway|ALIPAY_/

async function appWith(env: Env): Promise<{ app: FastifyInstance; log: () => string }> {
  const config = { ...loadConfig({ ...productionAlipayEnv(), ALIPAY_GATEWAY: UNREACHABLE_GATEWAY, ...env }) }
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  const app = await buildApp({
    db: getDb(),
    config: { ...config, logLevel: 'info' },
    alipay: setUpAlipay(config.alipay, { dataDir: '/nonexistent', host: '127.0.0.1', port: 3000 }),
    logger: { stream },
  })
  return { app, log: () => lines.join('') }
}

const login = (app: FastifyInstance) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { authCode: 'any-code' } })

describe('in production', () => {
  let subject: Awaited<ReturnType<typeof appWith>>
  beforeAll(async () => {
    subject = await appWith({ NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com' })
  })
  afterAll(async () => {
    await subject?.app.close()
  })

  it('answers 502 with a plain message and the request id, and logs the details', async () => {
    const res = await login(subject.app)
    expect(res.statusCode).toBe(502)
    const body = res.json()
    expect(body).toEqual({
      code: 'alipay_unavailable',
      message: `A service this server depends on did not answer as expected. Please try again later; if it keeps happening, quote request id ${body.requestId}.`,
      requestId: res.headers['x-request-id'],
    })
    expect(body.message).not.toMatch(INFRASTRUCTURE)
    const failures = subject
      .log()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { reqId?: string; msg: string; err?: { message: string } })
      .filter((entry) => entry.reqId === body.requestId && entry.msg === 'request failed')
    expect(failures).toHaveLength(1)
    expect(failures[0].err?.message).toMatch(
      /^Cannot reach the Alipay gateway https:\/\/127\.0\.0\.1:1\/gateway\.do \(connect ECONNREFUSED/,
    )
  })
})

describe('in development', () => {
  let subject: Awaited<ReturnType<typeof appWith>>
  beforeAll(async () => {
    subject = await appWith({})
  })
  afterAll(async () => {
    await subject?.app.close()
  })

  it('shows the details to the developer', async () => {
    const res = await login(subject.app)
    expect(res.statusCode).toBe(502)
    expect(res.json().message).toMatch(
      /^Cannot reach the Alipay gateway https:\/\/127\.0\.0\.1:1\/gateway\.do/,
    )
  })
})
