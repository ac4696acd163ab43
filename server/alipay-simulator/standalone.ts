/**
 * The simulator as an app of its own (used by main.ts and by tests that need a separate
 * "Alipay" process to stop or tamper with): same routes and prefix as in-process, with the API's
 * error shape and CORS open to any origin (it is a development tool bound to loopback by default).
 */
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import { errorHandling } from '../http/errors'
import { nativeRequire } from '../native-require'
import { alipaySimulator, SIMULATOR_PREFIX, type AlipaySimulatorOptions } from './plugin'

// Natively loaded for the same reason as in server/app.ts (inject() inside jest).
const { fastify: Fastify } = nativeRequire('fastify') as typeof import('fastify')

export async function buildSimulatorApp(
  options: AlipaySimulatorOptions,
  logger: boolean = false,
): Promise<FastifyInstance> {
  const app = Fastify({ logger })
  await app.register(errorHandling)
  await app.register(cors, { origin: '*' })
  await app.register(alipaySimulator, { prefix: SIMULATOR_PREFIX, ...options })
  return app
}
