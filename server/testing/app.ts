import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import { loadConfig, type ServerConfig } from '../config'
import type { Db } from '../db/types'

/** Config for in-process tests: the defaults of an empty environment, nothing read from process.env. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...loadConfig({}),
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    logLevel: 'silent',
    ...overrides,
  }
}

/** A silent app for `app.inject()`; remember `await app.close()` in afterAll. */
export function buildTestApp(db: Db, overrides: Partial<ServerConfig> = {}): Promise<FastifyInstance> {
  return buildApp({ db, config: testConfig(overrides) })
}
