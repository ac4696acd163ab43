#!/usr/bin/env node
/**
 * The Alipay flow suites that `npm test` runs a second time in certificate mode
 * (ALIPAY_SIM_KEY_MODE=cert: the test harness, testConfig and the shop server of the integration
 * and compiled-bundle suites all sign and verify with development certificates).
 *
 * Adding a suite: append its path to CERT_MODE_SUITES. Any suite that reaches Alipay through
 * server/alipay-simulator/test-harness.ts (startSimulator / simulatorForSuite / sim.client()),
 * testConfig() or tests/support/shop-server.ts runs in certificate mode unchanged.
 *
 * The server suites run on PGlite only here (TEST_DATABASES=pglite): what this pass checks is
 * signing and verifying, which no database changes, and the first pass ran them on PostgreSQL too.
 *
 * Alone: `node scripts/cert-mode-suites.mjs [extra jest args]` (needs TEST_DATABASE_URL like
 * `npm test`; the tests/build/ entry needs the production builds in dist/).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const CERT_MODE_SUITES = [
  'server/tests/alipay-client.test.ts', // the client against the simulator
  'server/tests/session.test.ts', // login: alipay.system.oauth.token
  'server/tests/payments-trade.test.ts', // trade create, query, close
  'server/tests/payments-notify.test.ts', // payment notifies
  'server/tests/payments-deposit-webview.test.ts', // the deposit freeze, the web-view checkout
  'server/tests/refunds.test.ts', // refunds and their queries
  'server/tests/after-sales-refund-only.test.ts', // after-sales refunds
  'server/tests/after-sales-return.test.ts',
  'server/tests/simulator-trades.test.ts',
  'server/tests/simulator-notify.test.ts',
  'server/tests/simulator-preauth.test.ts', // the freeze's orderStr (sdkExecute)
  'server/tests/simulator-refunds.test.ts',
  'server/tests/simulator-cashier.test.ts',
  'server/tests/deposit-end.test.ts', // the deposit's end: unfreeze, trade.pay from the freeze, their notifies
  'server/tests/order-center-sync.test.ts', // alipay.merchant.order.sync through the outbox
  'server/tests/messages-outbox.test.ts', // the shipped message (alipay.open.app.mini.templatemessage.send)
  'tests/integration/payment-flow.test.tsx', // the client's payment module against the shop server
  'tests/build/alipay-runtime-purchase.test.ts', // the compiled bundle: browse, check out, pay
]

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const require = createRequire(import.meta.url)
  const jest = path.join(path.dirname(require.resolve('jest/package.json')), 'bin/jest.js')
  const result = spawnSync(
    process.execPath,
    [jest, '--ci', '--runTestsByPath', ...CERT_MODE_SUITES, ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CHECK_BUILDS: '1', ALIPAY_SIM_KEY_MODE: 'cert', TEST_DATABASES: 'pglite' },
    },
  )
  process.exit(result.status ?? 1)
}
