/**
 * The reference server as `npm start` runs it — real database (in-memory PGlite), seeded catalog,
 * the Alipay simulator mounted in-process with development keys — on a free loopback port, for
 * tests that drive the app's own client code against it.
 */
import type { FastifyInstance } from 'fastify'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AlipayClient } from '../../server/alipay/client'
import { setUpAlipay } from '../../server/alipay/setup'
import { readAlipaySettings } from '../../server/alipay/settings'
import { buildApp } from '../../server/app'
import { seedCatalog } from '../../server/catalog/seed'
import { migrate } from '../../server/db/migrate'
import type { Db } from '../../server/db/types'
import type { ServerConfig } from '../../server/config'
import { testConfig } from '../../server/testing/app'
import { createPgliteTestDatabase } from '../../server/testing/databases'
import { freePort } from '../../server/testing/free-port'
import { postJson } from './post-json'

export interface ShopServer {
  app: FastifyInstance
  db: Db
  /** The configuration the server runs with (e.g. afterSalesDays, for the fulfilment sweep). */
  config: ServerConfig
  baseUrl: string
  /** The server's own Alipay client (to the in-process simulator), for work a job would do. */
  alipay: AlipayClient
  /** Every request the server answered, as "METHOD /path?query STATUS". */
  requests: string[]
  /** POST to the in-process Alipay simulator, e.g. simulator('/control', { notifies: 'drop' }). */
  simulator<T = unknown>(path: string, body: unknown): Promise<T>
  close(): Promise<void>
}

/** `overrides` change the configuration, e.g. `{ messages: { templates: {} } }`. */
export async function startShopServer(overrides: Partial<ServerConfig> = {}): Promise<ShopServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-it-'))
  const database = await createPgliteTestDatabase()
  await migrate(database.db)
  await seedCatalog(database.db)
  const port = await freePort()
  // ALIPAY_SIM_KEY_MODE=cert: the in-process simulator and the client in certificate mode, with
  // development certificates generated into this dataDir as `npm start` does.
  const settings = readAlipaySettings({ ALIPAY_SIM_KEY_MODE: process.env.ALIPAY_SIM_KEY_MODE })
  const config = testConfig({ port, dataDir, alipay: settings, ...overrides })
  const alipay = setUpAlipay(settings, { dataDir, host: '127.0.0.1', port })
  const app = await buildApp({ db: database.db, config, alipay })
  const requests: string[] = []
  // onResponse sees every request, also those a guard refused in an earlier hook.
  app.addHook(
    'onResponse',
    async (request, reply) => void requests.push(`${request.method} ${request.url} ${reply.statusCode}`),
  )
  await app.listen({ port, host: '127.0.0.1' })
  const baseUrl = `http://127.0.0.1:${port}`
  return {
    app,
    db: database.db,
    config,
    baseUrl,
    alipay: alipay.client,
    requests,
    simulator: (route, body) => postJson(`${baseUrl}/alipay-sim${route}`, body),
    async close() {
      await app.close()
      await database.dispose()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
