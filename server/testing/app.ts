import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'

/** Config for in-process tests: nothing is read from the environment. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 3000,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    logLevel: 'silent',
    corsOrigin: '*',
    ...overrides,
  }
}

/** A silent app for `app.inject()`; remember `await app.close()` in afterAll. */
export function buildTestApp(db: Db, overrides: Partial<ServerConfig> = {}): Promise<FastifyInstance> {
  return buildApp({ db, config: testConfig(overrides) })
}
