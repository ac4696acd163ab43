import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import { loadConfig, type ServerConfig } from '../config'
import type { Db } from '../db/types'
import { generousLimits } from '../limits/config'

/**
 * Config for in-process tests: the defaults of an empty environment, with generous (but active)
 * caps and request budgets. Nothing is read from process.env except ALIPAY_SIM_KEY_MODE, the
 * switch that runs the Alipay suites again in certificate mode (see test-harness.ts).
 */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const defaults = loadConfig({ ALIPAY_SIM_KEY_MODE: process.env.ALIPAY_SIM_KEY_MODE })
  return {
    ...defaults,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    logLevel: 'silent',
    limits: generousLimits(defaults.limits),
    ...overrides,
  }
}

/** A silent app for `app.inject()`; remember `await app.close()` in afterAll. */
export function buildTestApp(db: Db, overrides: Partial<ServerConfig> = {}): Promise<FastifyInstance> {
  return buildApp({ db, config: testConfig(overrides) })
}
