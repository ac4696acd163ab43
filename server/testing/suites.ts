/**
 * Set-up shared by the server's jest suites (they use jest's beforeAll/afterAll, so import this
 * from test files only). Each helper returns an object that beforeAll fills in: read its fields
 * inside tests, not while the suite is being declared.
 */
import type { FastifyInstance } from 'fastify'
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import { seedCatalog } from '../catalog/seed'
import type { ServerConfig } from '../config'
import { migrate } from '../db/migrate'
import type { Db } from '../db/types'
import { buildTestApp } from './app'
import { createTestBuyer, type TestBuyer } from './buyers'

/** The schema and the seeded catalog every shop suite starts from. */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrate(db)
  await seedCatalog(db)
}

export interface AppSuite {
  /** The shop app, for `app.inject()` (not listening). */
  app: FastifyInstance
  /** A logged-in buyer. */
  buyer: TestBuyer
}

/** A prepared database, the app on it and a buyer, from beforeAll to afterAll. */
export function appForSuite(getDb: () => Db, overrides: Partial<ServerConfig> = {}): AppSuite {
  const suite = {} as AppSuite
  beforeAll(async () => {
    await prepareDatabase(getDb())
    suite.app = await buildTestApp(getDb(), overrides)
    suite.buyer = await createTestBuyer(getDb())
  })
  afterAll(async () => {
    await suite.app?.close()
  })
  return suite
}

/** The Alipay simulator, listening on a free port from beforeAll to afterAll. */
export function simulatorForSuite(options?: Parameters<typeof startSimulator>[0]): SimulatorHarness {
  const simulator = {} as SimulatorHarness
  beforeAll(async () => {
    Object.assign(simulator, await startSimulator(options))
  })
  afterAll(async () => {
    await simulator.close?.()
  })
  return simulator
}
