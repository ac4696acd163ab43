/**
 * `npm run simulator`: the Alipay Open API simulator alone, for pointing a server (or anything
 * using alipay-sdk) at it. Uses the development keys in ${DATA_DIR}/keys, like the server does, so
 * `ALIPAY_GATEWAY=<printed URL> npm run server` works with no other setting.
 *
 * Env: SIMULATOR_PORT (3100), SIMULATOR_HOST (127.0.0.1), DATA_DIR (.data),
 * ALIPAY_SIM_ID_MODE (user_id | open_id), ALIPAY_SIM_AUTH_CODE_TTL_SECONDS (300),
 * ALIPAY_SIM_KEY_MODE (public-key | cert: certificates generated next to the keys; the server
 * must be started with the same value),
 * ALIPAY_SIM_NOTIFY_SCHEDULE_MS (0,2000,5000,15000,30000,60000), ALIPAY_SIM_PROCESSING_DELAY_MS (3000).
 */
import path from 'node:path'
import { readAlipaySettings, readPositiveInteger } from '../alipay/settings'
import { readMode } from '../mode'
import { loadOrCreateDevCertificates } from './dev-cert-files'
import { registeredCertificates } from './dev-certs'
import { SIMULATED_APP_ID, devKeysDir, loadOrCreateDevKeys } from './dev-keys'
import { readSimulatorPaymentEnv, SIMULATOR_PREFIX } from './plugin'
import { buildSimulatorApp } from './standalone'

function fail(message: string): never {
  console.error(`\nAlipay simulator failed to start: ${message}\n`)
  process.exit(1)
}

async function main(): Promise<void> {
  let port: number
  let simulator
  let payments
  try {
    if (readMode(process.env) === 'production') fail('it is a development tool; unset NODE_ENV=production.')
    payments = readSimulatorPaymentEnv(process.env)
    port = readPositiveInteger(process.env, 'SIMULATOR_PORT', 3100)
    // Only the simulator part: ALIPAY_GATEWAY etc. describe the server's side, not ours.
    simulator = readAlipaySettings({
      ALIPAY_SIM_ID_MODE: process.env.ALIPAY_SIM_ID_MODE,
      ALIPAY_SIM_AUTH_CODE_TTL_SECONDS: process.env.ALIPAY_SIM_AUTH_CODE_TTL_SECONDS,
      ALIPAY_SIM_KEY_MODE: process.env.ALIPAY_SIM_KEY_MODE,
    }).simulator
  } catch (error) {
    fail((error as Error).message)
  }
  const host = process.env.SIMULATOR_HOST?.trim() || '127.0.0.1'
  const dataDir = path.resolve(process.env.DATA_DIR?.trim() || '.data')
  let keys
  let certificates
  try {
    keys = loadOrCreateDevKeys(dataDir)
    if (simulator.keyMode === 'cert')
      certificates = loadOrCreateDevCertificates(dataDir, SIMULATED_APP_ID, keys)
  } catch (error) {
    fail(
      `cannot use ${devKeysDir(dataDir)} (${(error as Error).message}). Set DATA_DIR to a writable directory.`,
    )
  }

  const app = await buildSimulatorApp({
    apps: [
      {
        appId: SIMULATED_APP_ID,
        appPublicKey: keys.app.publicKey,
        idMode: simulator.idMode,
        certificates: certificates && registeredCertificates(certificates),
      },
    ],
    simulatorPrivateKey: keys.simulator.privateKey,
    authCodeTtlSeconds: simulator.authCodeTtlSeconds,
    ...payments,
  })
  try {
    await app.listen({ port, host })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      fail(`port ${port} is already in use. Set SIMULATOR_PORT, e.g. SIMULATOR_PORT=3101.`)
    throw error
  }
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}${SIMULATOR_PREFIX}`
  console.log(
    `Alipay simulator (app ${SIMULATED_APP_ID}, ${simulator.idMode}, ${simulator.keyMode}, keys${certificates ? ' and certificates' : ''} in ${devKeysDir(dataDir)})`,
  )
  console.log(`  gateway:    ${base}/gateway.do`)
  console.log(`  auth codes: POST ${base}/auth-codes  {"buyer":"buyer-1"}`)
  console.log(
    `  cashier:    ${base}/cashier?tradeNO=<trade_no>&return=<url>  (JSON: POST ${base}/cashier/pay)`,
  )
  console.log(`  control:    POST ${base}/control  {"notifies":"drop"|"deliver"}`)
  const keyMode = certificates ? 'ALIPAY_SIM_KEY_MODE=cert ' : ''
  console.log(`  server:     ${keyMode}ALIPAY_GATEWAY=${base}/gateway.do npm run server`)
  const stop = () => void app.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
