/**
 * The Alipay Open API simulator as a Fastify plugin: the reference server mounts it in
 * development under SIMULATOR_PREFIX (gateway `http://127.0.0.1:<PORT>/alipay-sim/gateway.do`),
 * and main.ts here runs it alone. Offline and in memory; never mounted in production.
 */
import type { FastifyPluginAsync } from 'fastify'
import { authCodeRoutes } from './auth-codes'
import { gatewayRoutes } from './gateway'
import { oauthToken } from './methods/oauth-token'
import {
  DEFAULT_AUTH_CODE_TTL_SECONDS,
  type MethodRegistry,
  type SimulatedApp,
  type SimulatorContext,
} from './methods/types'
import { createMemoryStore, type SimulatorStore } from './store'

export const SIMULATOR_PREFIX = '/alipay-sim'

export interface AlipaySimulatorOptions {
  /** Registered apps; the first one is the default of POST /auth-codes. */
  apps: SimulatedApp[]
  /** PEM: signs every gateway response ("Alipay's" private key). */
  simulatorPrivateKey: string
  authCodeTtlSeconds?: number
  store?: SimulatorStore
  /** Defaults to createMethodRegistry(); pass your own to add or replace methods. */
  methods?: MethodRegistry
  /** Clock (epoch ms), replaceable in tests. */
  now?: () => number
}

/** The methods the simulator answers. The payment issue adds alipay.trade.* here. */
export function createMethodRegistry(): MethodRegistry {
  return new Map([['alipay.system.oauth.token', oauthToken]])
}

export const alipaySimulator: FastifyPluginAsync<AlipaySimulatorOptions> = async (app, options) => {
  if (options.apps.length === 0) throw new Error('alipaySimulator needs at least one app')
  const apps = new Map(options.apps.map((registered) => [registered.appId, registered]))
  const context: SimulatorContext = {
    store: options.store ?? createMemoryStore(),
    now: options.now ?? Date.now,
    authCodeTtlMs: (options.authCodeTtlSeconds ?? DEFAULT_AUTH_CODE_TTL_SECONDS) * 1000,
  }
  await app.register(gatewayRoutes, {
    apps,
    methods: options.methods ?? createMethodRegistry(),
    context,
    simulatorPrivateKey: options.simulatorPrivateKey,
  })
  await app.register(authCodeRoutes, { apps, defaultAppId: options.apps[0].appId, context })
}

export type { MethodHandler, MethodRegistry, SimulatedApp, IdMode } from './methods/types'
export { DEFAULT_AUTH_CODE_TTL_SECONDS, gatewayError } from './methods/types'
export type { SimulatorStore, AuthCodeGrant } from './store'
export { createMemoryStore } from './store'
