/**
 * Alipay configuration: production refuses to start without real keys (naming the variable) or
 * with a simulator gateway; keys are accepted in the forms people paste; development keys are
 * generated once and reused; the simulator is only ever mounted in the development default.
 */
import { spawnSync } from 'node:child_process'
import { createPrivateKey } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../config'
import { ALIPAY_PRODUCTION_GATEWAY, readAlipaySettings } from '../alipay/settings'
import { setUpAlipay } from '../alipay/setup'
import { loadOrCreateDevKeys } from '../alipay-simulator/dev-keys'
import { productionAlipayEnv, testKeys } from '../alipay-simulator/test-harness'

const app = testKeys().app
const alipay = testKeys().simulator
// Public-key mode here, whatever ALIPAY_SIM_KEY_MODE says; alipay-cert-config.test.ts covers certificates.
const realEnv = productionAlipayEnv('public-key')
const production = { NODE_ENV: 'production' as const, PUBLIC_URL: 'https://api.example.com' }
const base64Body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '')

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shop-alipay-'))
}

describe('production Alipay configuration', () => {
  it('refuses to start without real keys, naming each missing variable', () => {
    expect(() => loadConfig(production)).toThrow(
      /^ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY must be set in production/,
    )
    for (const name of Object.keys(realEnv)) {
      const env = { ...production, ...realEnv, [name]: '  ' }
      // Each is named when the config is read, before anything starts (the seller id included).
      expect(() => loadConfig(env)).toThrow(new RegExp(`^${name} must be set`))
    }
  })

  it('resolves the payment settings once, with the config (server/main.ts and buildApp take them as they are)', () => {
    expect(loadConfig({ ...production, ...realEnv }).alipay.payments).toEqual({
      sellerId: realEnv.ALIPAY_SELLER_ID,
      cashierMode: 'trade_no',
      cashierUrl: undefined,
      simulated: false,
      queries: { intervalMs: 2000, maxBackoffMs: 60_000 },
    })
    expect(() => loadConfig({ ...production, ...realEnv, ALIPAY_SELLER_ID: '' })).toThrow(
      /^ALIPAY_SELLER_ID must be set with real Alipay credentials/,
    )
  })

  it('uses Alipay’s gateway by default and refuses one pointing at the simulator', () => {
    const settings = readAlipaySettings({ ...production, ...realEnv })
    expect(settings.gateway).toBe(ALIPAY_PRODUCTION_GATEWAY)
    expect(settings.credentials?.appId).toBe(realEnv.ALIPAY_APP_ID)
    for (const gateway of [
      'http://127.0.0.1:3000/alipay-sim/gateway.do',
      'https://shop.example.com/alipay-sim/gateway.do',
    ]) {
      expect(() => readAlipaySettings({ ...production, ...realEnv, ALIPAY_GATEWAY: gateway })).toThrow(
        /^ALIPAY_GATEWAY/,
      )
    }
  })

  it('never mounts the simulator', () => {
    const setup = setUpAlipay(readAlipaySettings({ ...production, ...realEnv }), {
      dataDir: '/nonexistent',
      host: '0.0.0.0',
      port: 3000,
    })
    expect(setup.simulator).toBeUndefined()
    expect(setup.client.gateway).toBe(ALIPAY_PRODUCTION_GATEWAY)
  })

  it('the server process exits with the missing variable named', () => {
    const dataDir = tempDir()
    try {
      const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'server/main.ts'], {
        cwd: path.join(__dirname, '../..'),
        // Blank values count as unset, so nothing from the outer environment can satisfy the check.
        env: {
          ...process.env,
          ...production,
          PORT: '39871',
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          ALIPAY_GATEWAY: '',
          ALIPAY_APP_ID: '2021004100000001',
          ALIPAY_PRIVATE_KEY: '',
          ALIPAY_PUBLIC_KEY: '',
        },
        encoding: 'utf8',
        timeout: 20_000,
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY must be set in production')
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('Alipay keys from the environment', () => {
  const withKey = (overrides: Record<string, string>) =>
    readAlipaySettings({
      ALIPAY_GATEWAY: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
      ...realEnv,
      ...overrides,
    })

  it('accepts PEM (PKCS1 or PKCS8, with literal \\n) and one-line base64 bodies', () => {
    const pkcs1 = createPrivateKey(app.privateKey).export({ type: 'pkcs1', format: 'pem' }) as string
    const expected = withKey({}).credentials
    for (const privateKey of [
      pkcs1,
      pkcs1.replace(/\n/g, '\\n'),
      base64Body(app.privateKey),
      base64Body(pkcs1),
    ]) {
      expect(withKey({ ALIPAY_PRIVATE_KEY: privateKey }).credentials).toEqual(expected)
    }
    expect(withKey({ ALIPAY_PUBLIC_KEY: base64Body(alipay.publicKey) }).credentials).toEqual(expected)
    expect(withKey({ ALIPAY_PRIVATE_KEY: base64Body(pkcs1), ALIPAY_KEY_TYPE: 'pkcs1' }).credentials).toEqual(
      expected,
    )
  })

  it('names the variable when a key is wrong', () => {
    expect(() => withKey({ ALIPAY_PRIVATE_KEY: 'not-a-key' })).toThrow(
      /^ALIPAY_PRIVATE_KEY is not an RSA private key/,
    )
    expect(() => withKey({ ALIPAY_PUBLIC_KEY: 'bm90IGEga2V5' })).toThrow(
      /^ALIPAY_PUBLIC_KEY is not an RSA public key/,
    )
    expect(() => withKey({ ALIPAY_PUBLIC_KEY: alipay.privateKey })).toThrow(
      /^ALIPAY_PUBLIC_KEY holds a private key/,
    )
    expect(() => withKey({ ALIPAY_KEY_TYPE: 'PKCS1' })).toThrow(
      /^ALIPAY_KEY_TYPE is PKCS1 but ALIPAY_PRIVATE_KEY is a PKCS8/,
    )
    expect(() => withKey({ ALIPAY_KEY_TYPE: 'PEM' })).toThrow(/^ALIPAY_KEY_TYPE must be PKCS1 or PKCS8/)
  })

  it("refuses the app's own public key as Alipay's (the classic mix-up)", () => {
    expect(() => withKey({ ALIPAY_PUBLIC_KEY: app.publicKey })).toThrow(/app's own public key/)
  })

  it('in development, wants all three or none, and a gateway with real credentials', () => {
    expect(() => readAlipaySettings({ ALIPAY_APP_ID: '2021004100000001' })).toThrow(
      /^ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY must be set/,
    )
    expect(() => readAlipaySettings(realEnv)).toThrow(/^ALIPAY_GATEWAY must be set with real credentials/)
  })

  it('validates the simulator and session settings', () => {
    expect(readAlipaySettings({}).simulator).toEqual({
      idMode: 'user_id',
      authCodeTtlSeconds: 300,
      keyMode: 'public-key',
    })
    expect(
      readAlipaySettings({
        ALIPAY_SIM_ID_MODE: 'open_id',
        ALIPAY_SIM_AUTH_CODE_TTL_SECONDS: '30',
        ALIPAY_SIM_KEY_MODE: 'cert',
      }).simulator,
    ).toEqual({
      idMode: 'open_id',
      authCodeTtlSeconds: 30,
      keyMode: 'cert',
    })
    expect(() => readAlipaySettings({ ALIPAY_SIM_ID_MODE: 'union_id' })).toThrow(/^ALIPAY_SIM_ID_MODE/)
    expect(() => readAlipaySettings({ ALIPAY_TIMEOUT_MS: '0' })).toThrow(/^ALIPAY_TIMEOUT_MS/)
    expect(loadConfig({}).sessionTtlSeconds).toBe(7 * 24 * 3600)
    expect(loadConfig({ SESSION_TTL_SECONDS: '60' }).sessionTtlSeconds).toBe(60)
    expect(() => loadConfig({ SESSION_TTL_SECONDS: 'week' })).toThrow(/^SESSION_TTL_SECONDS/)
  })
})

describe('development keys', () => {
  it('are generated once into DATA_DIR/keys (0600) and reused afterwards', () => {
    const dataDir = tempDir()
    try {
      const first = loadOrCreateDevKeys(dataDir)
      const files = fs.readdirSync(path.join(dataDir, 'keys')).sort()
      expect(files).toEqual([
        'alipay-simulator-private.pem',
        'alipay-simulator-public.pem',
        'app-private.pem',
        'app-public.pem',
      ])
      for (const file of files) expect(fs.statSync(path.join(dataDir, 'keys', file)).mode & 0o777).toBe(0o600)
      expect(first.app.privateKey).not.toBe(first.simulator.privateKey)
      expect(loadOrCreateDevKeys(dataDir)).toEqual(first)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('serve a separate simulator when ALIPAY_GATEWAY is set, without mounting one', () => {
    const dataDir = tempDir()
    try {
      const gateway = 'http://127.0.0.1:3100/alipay-sim/gateway.do'
      const setup = setUpAlipay(readAlipaySettings({ ALIPAY_GATEWAY: gateway }), {
        dataDir,
        host: '0.0.0.0',
        port: 3000,
      })
      expect(setup.simulator).toBeUndefined()
      expect(setup.client.gateway).toBe(gateway)
      expect(fs.existsSync(path.join(dataDir, 'keys', 'app-private.pem'))).toBe(true)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
