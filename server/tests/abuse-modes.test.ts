/**
 * Issue 14, finding 4: NODE_ENV is read once, case-insensitively, and an unknown value is refused;
 * the payment simulator never stands in for Alipay in production; development listens on loopback
 * unless HOST says otherwise.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { productionAlipayEnv } from '../alipay-simulator/test-harness'
import { readAlipaySettings } from '../alipay/settings'
import { loadConfig } from '../config'
import { readMode } from '../mode'
import { freePort } from '../testing/free-port'

const ROOT = path.resolve(__dirname, '../..')
const PUBLIC_URL = 'https://api.example.com'

/** Runs a server entry point as `npm run …` does; resolves with its exit code and output. */
function runEntryPoint(
  script: string,
  env: Record<string, string>,
): Promise<{ code: string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // A server that starts instead of refusing would run forever: stop it and report that.
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000)
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code: signal ?? `exit ${code}`, output })
    }),
  )
}

describe('NODE_ENV', () => {
  it('is read case-insensitively, and unset means development', () => {
    expect(readMode({})).toBe('development')
    expect(readMode({ NODE_ENV: ' ' })).toBe('development')
    expect(readMode({ NODE_ENV: 'Production' })).toBe('production')
    expect(readMode({ NODE_ENV: 'PRODUCTION' })).toBe('production')
    expect(readMode({ NODE_ENV: 'Development' })).toBe('development')
    expect(readMode({ NODE_ENV: 'test' })).toBe('test')
  })

  it('refuses unknown values, naming the variable, the allowed values and what to set', () => {
    for (const value of ['prod', 'staging', 'production ,', 'live']) {
      expect(() => readMode({ NODE_ENV: value })).toThrow(
        /^NODE_ENV must be one of development, production, test \(got ".+"\)\. Set NODE_ENV=production/,
      )
      expect(() => loadConfig({ NODE_ENV: value })).toThrow(/^NODE_ENV must be one of/)
    }
  })

  it('NODE_ENV=Production demands PUBLIC_URL and real Alipay keys: no simulator', () => {
    expect(() => loadConfig({ NODE_ENV: 'Production' })).toThrow(/^PUBLIC_URL must be set in production/)
    expect(() => loadConfig({ NODE_ENV: 'Production', PUBLIC_URL })).toThrow(
      /^ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY must be set in production/,
    )
    const config = loadConfig({ NODE_ENV: 'Production', PUBLIC_URL, ...productionAlipayEnv() })
    expect(config.mode).toBe('production')
    expect(config.alipay.credentials).toBeDefined()
  })
})

describe('ALIPAY_SIMULATOR', () => {
  it('stands in for Alipay by default in development, and ALIPAY_SIMULATOR=0 turns that off', () => {
    expect(readAlipaySettings({}).credentials).toBeUndefined()
    expect(readAlipaySettings({ ALIPAY_SIMULATOR: '1' }).credentials).toBeUndefined()
    expect(() => readAlipaySettings({ ALIPAY_SIMULATOR: '0' })).toThrow(
      /must be set \(ALIPAY_SIMULATOR=0 turns the simulator off\)/,
    )
  })

  it('is refused in production, whatever the case of NODE_ENV', () => {
    for (const NODE_ENV of ['production', 'Production']) {
      expect(() => readAlipaySettings({ NODE_ENV, ALIPAY_SIMULATOR: '1', ...productionAlipayEnv() })).toThrow(
        /^ALIPAY_SIMULATOR=1 is refused with NODE_ENV=production/,
      )
    }
  })
})

describe('HOST', () => {
  it('defaults to loopback in development and to every address in production', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1')
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1')
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
    expect(loadConfig({ NODE_ENV: 'Production', PUBLIC_URL, ...productionAlipayEnv() }).host).toBe('0.0.0.0')
  })
})

describe('the entry points with NODE_ENV=Production', () => {
  let dataDir: string
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-mode-'))
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('npm run server refuses to start without Alipay keys instead of serving the simulator', async () => {
    const port = await freePort()
    const [server, simulator] = await Promise.all([
      runEntryPoint('server/main.ts', {
        NODE_ENV: 'Production',
        PUBLIC_URL,
        PORT: String(port),
        DATA_DIR: dataDir,
      }),
      runEntryPoint('server/alipay-simulator/main.ts', {
        NODE_ENV: 'PRODUCTION',
        SIMULATOR_PORT: String(port),
        DATA_DIR: dataDir,
      }),
    ])
    expect(server.code).toBe('exit 1')
    expect(server.output).toMatch(
      /ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY must be set in production/,
    )
    expect(simulator.code).toBe('exit 1')
    expect(simulator.output).toMatch(/it is a development tool; unset NODE_ENV=production/)
    // Refused before anything was written: no keys, no database.
    expect(fs.readdirSync(dataDir)).toEqual([])
  }, 40_000)
})
