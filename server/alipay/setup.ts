/**
 * Turns AlipaySettings into what the app needs at start-up: the client, and, in the development
 * default, the simulator to mount in-process with the generated development keys.
 */
import { SIMULATED_APP_ID, loadOrCreateDevKeys } from '../alipay-simulator/dev-keys'
import { SIMULATOR_PREFIX, type AlipaySimulatorOptions } from '../alipay-simulator/plugin'
import { ownOrigin } from '../http/public-urls'
import { createAlipayClient, type AlipayClient } from './client'
import type { AlipaySettings } from './settings'

export interface AppAlipay {
  client: AlipayClient
  /** Mounted in-process under SIMULATOR_PREFIX when present (development default only). */
  simulator?: AlipaySimulatorOptions
}

export interface AlipaySetup extends AppAlipay {
  /** One line for the start-up log. */
  description: string
}

export function inProcessGateway(host: string, port: number): string {
  return `${ownOrigin(host, port)}${SIMULATOR_PREFIX}/gateway.do`
}

export function setUpAlipay(
  settings: AlipaySettings,
  server: { dataDir: string; host: string; port: number },
): AlipaySetup {
  const { timeoutMs } = settings
  if (settings.credentials) {
    const gateway = settings.gateway ?? '' // readAlipaySettings guarantees a gateway with credentials
    return {
      client: createAlipayClient({ ...settings.credentials, gateway, timeoutMs }),
      description: `Alipay app ${settings.credentials.appId} via ${gateway}`,
    }
  }
  const keys = loadOrCreateDevKeys(server.dataDir)
  const gateway = settings.gateway ?? inProcessGateway(server.host, server.port)
  const client = createAlipayClient({
    appId: SIMULATED_APP_ID,
    privateKey: keys.app.privateKey,
    alipayPublicKey: keys.simulator.publicKey,
    gateway,
    timeoutMs,
  })
  if (settings.gateway) {
    return { client, description: `Alipay simulator at ${gateway} (development keys)` }
  }
  return {
    client,
    simulator: {
      apps: [
        { appId: SIMULATED_APP_ID, appPublicKey: keys.app.publicKey, idMode: settings.simulator.idMode },
      ],
      simulatorPrivateKey: keys.simulator.privateKey,
      authCodeTtlSeconds: settings.simulator.authCodeTtlSeconds,
    },
    description: `Alipay simulator in-process at ${gateway} (${settings.simulator.idMode}; auth codes: POST ${SIMULATOR_PREFIX}/auth-codes)`,
  }
}
