/**
 * The development default wired as server/main.ts wires it: no ALIPAY_* → dev keys generated in
 * DATA_DIR/keys → the simulator mounted in-process under /alipay-sim → login through it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import { readAlipaySettings } from '../alipay/settings'
import { setUpAlipay } from '../alipay/setup'
import { SIMULATED_APP_ID } from '../alipay-simulator/dev-keys'
import { migrate } from '../db'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'
import { testConfig } from '../testing/app'
import { freePort } from '../testing/free-port'

const H5_ORIGIN = 'http://localhost:10086'

describe('simulator mounted in-process (development default)', () => {
  let dataDir: string
  let database: TestDatabase
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-sim-'))
    database = await createPgliteTestDatabase()
    await migrate(database.db)
    const port = await freePort()
    const config = testConfig({ port, dataDir, corsOrigin: H5_ORIGIN, alipay: readAlipaySettings({}) })
    const alipay = setUpAlipay(readAlipaySettings({}), { dataDir, host: '0.0.0.0', port })
    expect(alipay.client.gateway).toBe(`http://127.0.0.1:${port}/alipay-sim/gateway.do`)
    expect(alipay.client.appId).toBe(SIMULATED_APP_ID)
    app = await buildApp({ db: database.db, config, alipay })
    await app.listen({ port, host: '127.0.0.1' })
    base = `http://127.0.0.1:${port}`
  })
  afterAll(async () => {
    await app?.close()
    await database?.dispose()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('logs a simulated buyer in through the mounted gateway', async () => {
    const issued = await fetch(`${base}/alipay-sim/auth-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ buyer: 'buyer-2' }),
    })
    expect(issued.status).toBe(201)
    const { authCode, appId } = await issued.json()
    expect(appId).toBe(SIMULATED_APP_ID)
    const login = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authCode }),
    })
    expect(login.status).toBe(201)
    expect((await login.json()).buyer).toMatchObject({ alipayIdKind: 'user_id' })
  })

  it('lets the H5 dev server ask for auth codes (CORS preflight and response headers)', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/alipay-sim/auth-codes',
      headers: {
        origin: H5_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(H5_ORIGIN)
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST')
    const res = await app.inject({
      method: 'POST',
      url: '/alipay-sim/auth-codes',
      headers: { origin: H5_ORIGIN },
      payload: {},
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers['access-control-allow-origin']).toBe(H5_ORIGIN)
  })

  it('keeps forms out of the shop API (the form parser is scoped to the simulator)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'authCode=abc',
    })
    expect(res.statusCode).toBe(415)
  })

  it('is not mounted when the app gets no simulator', async () => {
    const plain = await buildApp({ db: database.db, config: testConfig() })
    try {
      expect(
        (await plain.inject({ method: 'POST', url: '/alipay-sim/auth-codes', payload: {} })).statusCode,
      ).toBe(404)
    } finally {
      await plain.close()
    }
  })
})
