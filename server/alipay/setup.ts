/**
 * Turns AlipaySettings into what the app needs at start-up: the client, and, in the development
 * default, the simulator to mount in-process with the generated development keys.
 */
import { loadOrCreateDevCertificates } from '../alipay-simulator/dev-cert-files'
import { certificateVerification, registeredCertificates } from '../alipay-simulator/dev-certs'
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
      description: `Alipay app ${settings.credentials.appId} via ${gateway} (${settings.credentials.mode === 'cert' ? 'certificate mode' : 'public-key mode'})`,
    }
  }
  const keys = loadOrCreateDevKeys(server.dataDir)
  const { keyMode } = settings.simulator
  // ALIPAY_SIM_KEY_MODE=cert: the simulated app signs in certificate mode (dev CA in DATA_DIR/keys).
  const certificates =
    keyMode === 'cert' ? loadOrCreateDevCertificates(server.dataDir, SIMULATED_APP_ID, keys) : undefined
  const gateway = settings.gateway ?? inProcessGateway(server.host, server.port)
  const client = createAlipayClient({
    appId: SIMULATED_APP_ID,
    privateKey: keys.app.privateKey,
    ...(certificates ? certificateVerification(certificates) : { alipayPublicKey: keys.simulator.publicKey }),
    gateway,
    timeoutMs,
  })
  const keysDescription = certificates ? 'development keys, certificate mode' : 'development keys'
  if (settings.gateway) {
    return { client, description: `Alipay simulator at ${gateway} (${keysDescription})` }
  }
  return {
    client,
    simulator: {
      apps: [
        {
          appId: SIMULATED_APP_ID,
          appPublicKey: keys.app.publicKey,
          idMode: settings.simulator.idMode,
          certificates: certificates && registeredCertificates(certificates),
        },
      ],
      simulatorPrivateKey: keys.simulator.privateKey,
      authCodeTtlSeconds: settings.simulator.authCodeTtlSeconds,
    },
    description: `Alipay simulator in-process at ${gateway} (${settings.simulator.idMode}, ${keyMode}; auth codes: POST ${SIMULATOR_PREFIX}/auth-codes)`,
  }
}
