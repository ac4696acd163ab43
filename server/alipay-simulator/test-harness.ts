/**
 * For tests (here and in later issues): a standalone simulator on a free port with keys made in
 * memory, plus an AlipayClient wired to it. Nothing touches disk; close() stops the simulator.
 */
import type { FastifyInstance } from 'fastify'
import { createAlipayClient, type AlipayClient } from '../alipay/client'
import { DEFAULT_BUYER_KEY } from './buyers'
import type { AuthCodeResponse } from './auth-codes'
import { generateRsaKeyPair, type KeyPair } from './dev-keys'
import type { IdMode } from './methods/types'
import { SIMULATOR_PREFIX, type AlipaySimulatorOptions } from './plugin'
import { buildSimulatorApp } from './standalone'

export interface HarnessApp {
  appId: string
  keys: KeyPair
  idMode?: IdMode
}

export interface SimulatorHarness {
  app: FastifyInstance
  /** e.g. http://127.0.0.1:54321/alipay-sim */
  base: string
  gateway: string
  /** The simulator's ("Alipay's") key pair. */
  simulatorKeys: KeyPair
  /** A client for `appId` (default: the first app), verifying responses with the simulator's key. */
  client(
    appId?: string,
    overrides?: { privateKey?: string; alipayPublicKey?: string; gateway?: string },
  ): AlipayClient
  issueAuthCode(buyer?: string, appId?: string): Promise<AuthCodeResponse>
  close(): Promise<void>
}

export const TEST_APP_ID = '2021000000000042'

let sharedKeys: { app: KeyPair; simulator: KeyPair } | undefined
/** RSA-2048 generation is slow-ish: one pair each per test process unless a test asks for more. */
export function testKeys(): { app: KeyPair; simulator: KeyPair } {
  sharedKeys ??= { app: generateRsaKeyPair(), simulator: generateRsaKeyPair() }
  return sharedKeys
}

export async function startSimulator(
  options: {
    apps?: HarnessApp[]
    simulatorKeys?: KeyPair
  } & Partial<Omit<AlipaySimulatorOptions, 'apps' | 'simulatorPrivateKey'>> = {},
): Promise<SimulatorHarness> {
  const apps = options.apps ?? [{ appId: TEST_APP_ID, keys: testKeys().app }]
  const simulatorKeys = options.simulatorKeys ?? testKeys().simulator
  const app = await buildSimulatorApp({
    ...options,
    apps: apps.map((a) => ({
      appId: a.appId,
      appPublicKey: a.keys.publicKey,
      idMode: a.idMode ?? 'user_id',
    })),
    simulatorPrivateKey: simulatorKeys.privateKey,
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `${address}${SIMULATOR_PREFIX}`
  const gateway = `${base}/gateway.do`
  return {
    app,
    base,
    gateway,
    simulatorKeys,
    client(appId = apps[0].appId, overrides = {}) {
      const registered = apps.find((a) => a.appId === appId)
      return createAlipayClient({
        appId,
        privateKey: overrides.privateKey ?? registered?.keys.privateKey ?? apps[0].keys.privateKey,
        alipayPublicKey: overrides.alipayPublicKey ?? simulatorKeys.publicKey,
        gateway: overrides.gateway ?? gateway,
        timeoutMs: 3000,
      })
    },
    async issueAuthCode(buyer = DEFAULT_BUYER_KEY, appId = apps[0].appId) {
      const response = await fetch(`${base}/auth-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ buyer, appId }),
      })
      if (response.status !== 201)
        throw new Error(`auth-codes answered ${response.status}: ${await response.text()}`)
      return (await response.json()) as AuthCodeResponse
    },
    close: () => app.close(),
  }
}

/** ALIPAY_* for tests of production configuration (real-looking credentials, test keys). */
export function productionAlipayEnv(): Record<string, string> {
  return {
    ALIPAY_APP_ID: '2021004100000001',
    ALIPAY_PRIVATE_KEY: testKeys().app.privateKey,
    ALIPAY_PUBLIC_KEY: testKeys().simulator.publicKey,
  }
}
