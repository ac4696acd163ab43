/**
 * Certificate-mode configuration: the three files as paths or as text; refusals that name the
 * variables for both modes at once, half a mode, PATH and CONTENT together, unreadable or non-PEM
 * files and the usual mix-ups; the simulator's development certificates on disk (0600, reused).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readAlipaySettings } from '../alipay/settings'
import { setUpAlipay } from '../alipay/setup'
import { certificateSn, rootCertificateSn } from '../alipay/certificates'
import { devCertificatePaths, loadOrCreateDevCertificates } from '../alipay-simulator/dev-cert-files'
import {
  SIMULATED_APP_ID,
  devKeysDir,
  generateRsaKeyPair,
  loadOrCreateDevKeys,
} from '../alipay-simulator/dev-keys'
import { productionAlipayEnv, testCertificateAuthority, testKeys } from '../alipay-simulator/test-harness'

const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com' }
const certEnv = productionAlipayEnv('cert')
const APP_CERT = certEnv.ALIPAY_APP_CERT_CONTENT
const ALIPAY_CERT = certEnv.ALIPAY_PUBLIC_CERT_CONTENT
const ROOT_CERT = certEnv.ALIPAY_ROOT_CERT_CONTENT
const read = (env: Record<string, string | undefined>) => () => readAlipaySettings({ ...production, ...env })

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shop-cert-'))
}

describe('certificate-mode configuration', () => {
  it('accepts the three files as text, with literal \\n escapes, and builds a certificate-mode client', () => {
    const settings = read({ ...certEnv, ALIPAY_APP_CERT_CONTENT: APP_CERT.replace(/\n/g, '\\n') })()
    expect(settings.credentials).toMatchObject({ mode: 'cert', appId: certEnv.ALIPAY_APP_ID })
    expect(settings.credentials).not.toHaveProperty('alipayPublicKey')
    const setup = setUpAlipay(settings, { dataDir: '/nonexistent', host: '127.0.0.1', port: 3000 })
    expect(setup.simulator).toBeUndefined()
    expect(setup.client.appId).toBe(certEnv.ALIPAY_APP_ID)
    expect(setup.description).toContain('(certificate mode)')
  })

  it('accepts the three files as paths', () => {
    const dir = tempDir()
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text)
      return path.join(dir, name)
    }
    const settings = read({
      ...certEnv,
      ALIPAY_APP_CERT_CONTENT: undefined,
      ALIPAY_PUBLIC_CERT_CONTENT: undefined,
      ALIPAY_ROOT_CERT_CONTENT: undefined,
      ALIPAY_APP_CERT_PATH: write('appCertPublicKey_2021004100000001.crt', APP_CERT),
      ALIPAY_PUBLIC_CERT_PATH: write('alipayCertPublicKey_RSA2.crt', ALIPAY_CERT),
      ALIPAY_ROOT_CERT_PATH: write('alipayRootCert.crt', ROOT_CERT),
    })()
    expect(settings.credentials).toMatchObject({
      mode: 'cert',
      appCert: APP_CERT.trim(),
      alipayRootCert: ROOT_CERT.trim(),
    })
  })

  it('refuses both modes at once', () => {
    expect(read({ ...certEnv, ALIPAY_PUBLIC_KEY: testKeys().simulator.publicKey })).toThrow(
      /^ALIPAY_PUBLIC_KEY and certificate variables are both set: configure one mode.*ALIPAY_APP_CERT_PATH, ALIPAY_PUBLIC_CERT_PATH, ALIPAY_ROOT_CERT_PATH/,
    )
  })

  it('refuses half of certificate mode, naming what is missing', () => {
    expect(read({ ...certEnv, ALIPAY_PUBLIC_CERT_CONTENT: '', ALIPAY_ROOT_CERT_CONTENT: ' ' })).toThrow(
      /missing: ALIPAY_PUBLIC_CERT_PATH \(or ALIPAY_PUBLIC_CERT_CONTENT\) \(alipayCertPublicKey_RSA2\.crt\), ALIPAY_ROOT_CERT_PATH \(or ALIPAY_ROOT_CERT_CONTENT\) \(alipayRootCert\.crt\)/,
    )
    expect(read({ ALIPAY_APP_ID: certEnv.ALIPAY_APP_ID, ALIPAY_APP_CERT_CONTENT: APP_CERT })).toThrow(
      /^ALIPAY_PRIVATE_KEY must be set in production.*certificate mode/,
    )
  })

  it('refuses a PATH and a CONTENT for the same file', () => {
    expect(read({ ...certEnv, ALIPAY_ROOT_CERT_PATH: '/etc/alipayRootCert.crt' })).toThrow(
      /^ALIPAY_ROOT_CERT_PATH and ALIPAY_ROOT_CERT_CONTENT are both set/,
    )
  })

  it('refuses an unreadable file and text that is not a certificate', () => {
    expect(
      read({
        ...certEnv,
        ALIPAY_ROOT_CERT_CONTENT: undefined,
        ALIPAY_ROOT_CERT_PATH: '/nonexistent/alipayRootCert.crt',
      }),
    ).toThrow(/^ALIPAY_ROOT_CERT_PATH cannot be read \(ENOENT.*alipayRootCert\.crt/)
    expect(read({ ...certEnv, ALIPAY_PUBLIC_CERT_CONTENT: testKeys().simulator.publicKey })).toThrow(
      /^ALIPAY_PUBLIC_CERT_CONTENT is not a PEM certificate.*alipayCertPublicKey_RSA2\.crt. It holds a key/,
    )
    expect(
      read({
        ...certEnv,
        ALIPAY_APP_CERT_CONTENT: APP_CERT.split('\n')
          .filter((_line, index) => index !== 3)
          .join('\n'),
      }),
    ).toThrow(/^ALIPAY_APP_CERT_CONTENT is not a PEM certificate/)
  })

  it.each([
    [
      'the app and Alipay certificates swapped',
      { ALIPAY_APP_CERT_CONTENT: ALIPAY_CERT, ALIPAY_PUBLIC_CERT_CONTENT: APP_CERT },
      /^ALIPAY_APP_CERT_CONTENT and ALIPAY_PUBLIC_CERT_CONTENT are swapped/,
    ],
    [
      "the app's certificate where Alipay's belongs",
      { ALIPAY_PUBLIC_CERT_CONTENT: APP_CERT },
      /^ALIPAY_PUBLIC_CERT_CONTENT holds the app's own certificate \(appCertPublicKey_<appid>\.crt\)/,
    ],
    [
      "Alipay's certificate where the app's belongs",
      { ALIPAY_APP_CERT_CONTENT: ALIPAY_CERT },
      /^ALIPAY_APP_CERT_CONTENT holds Alipay's certificate \(alipayCertPublicKey_RSA2\.crt\)/,
    ],
    [
      'the root where the app certificate belongs',
      { ALIPAY_APP_CERT_CONTENT: ROOT_CERT },
      /^ALIPAY_APP_CERT_CONTENT holds a root certificate \(alipayRootCert\.crt\?\)/,
    ],
    [
      'the root where Alipay certificate belongs',
      { ALIPAY_PUBLIC_CERT_CONTENT: ROOT_CERT },
      /^ALIPAY_PUBLIC_CERT_CONTENT holds a root certificate/,
    ],
    [
      'the app certificate where the root belongs',
      { ALIPAY_ROOT_CERT_CONTENT: APP_CERT },
      /^ALIPAY_ROOT_CERT_CONTENT holds appCertPublicKey_<appid>\.crt, not the root certificate/,
    ],
    [
      "Alipay's certificate where the root belongs",
      { ALIPAY_ROOT_CERT_CONTENT: ALIPAY_CERT },
      /^ALIPAY_ROOT_CERT_CONTENT holds alipayCertPublicKey_RSA2\.crt, not the root certificate/,
    ],
  ])('refuses %s, saying which file goes where', (_case, swap, message) => {
    expect(read({ ...certEnv, ...swap })).toThrow(message)
    expect(read({ ...certEnv, ...swap })).toThrow(
      /ALIPAY_APP_CERT_PATH \(or ALIPAY_APP_CERT_CONTENT\) takes appCertPublicKey_<appid>\.crt/,
    )
  })

  it('refuses an app certificate for another key than ALIPAY_PRIVATE_KEY', () => {
    const stranger = testCertificateAuthority().issue(certEnv.ALIPAY_APP_ID, generateRsaKeyPair().publicKey)
    expect(read({ ...certEnv, ALIPAY_APP_CERT_CONTENT: stranger })).toThrow(
      /^ALIPAY_APP_CERT_CONTENT does not match ALIPAY_PRIVATE_KEY: download appCertPublicKey_<appid>\.crt/,
    )
  })
})

describe('development certificates on disk (ALIPAY_SIM_KEY_MODE=cert)', () => {
  it('are generated once into DATA_DIR/keys with 0600 files, reused, and re-issued for new keys', () => {
    const dataDir = tempDir()
    const keys = loadOrCreateDevKeys(dataDir)
    const first = loadOrCreateDevCertificates(dataDir, SIMULATED_APP_ID, keys)
    const paths = devCertificatePaths(dataDir, SIMULATED_APP_ID)
    expect(
      Object.values(paths)
        .map((file) => path.basename(file))
        .sort(),
    ).toEqual(
      [
        'alipayCertPublicKey_RSA2.crt',
        'alipayRootCert.crt',
        `appCertPublicKey_${SIMULATED_APP_ID}.crt`,
      ].sort(),
    )
    for (const file of Object.values(paths)) expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(loadOrCreateDevCertificates(dataDir, SIMULATED_APP_ID, keys)).toEqual(first)
    // New development keys (the old ones deleted): the certificates no longer fit and are re-issued.
    for (const file of fs.readdirSync(devKeysDir(dataDir)))
      if (file.endsWith('.pem')) fs.rmSync(path.join(devKeysDir(dataDir), file))
    const newKeys = loadOrCreateDevKeys(dataDir)
    const again = loadOrCreateDevCertificates(dataDir, SIMULATED_APP_ID, newKeys)
    expect(certificateSn(again.appCert)).not.toBe(certificateSn(first.appCert))
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('put the in-process simulator and the client in certificate mode with the same SNs', () => {
    const dataDir = tempDir()
    const settings = readAlipaySettings({ ALIPAY_SIM_KEY_MODE: 'cert' })
    expect(settings.simulator.keyMode).toBe('cert')
    const setup = setUpAlipay(settings, { dataDir, host: '127.0.0.1', port: 3000 })
    const files = loadOrCreateDevCertificates(dataDir, SIMULATED_APP_ID, loadOrCreateDevKeys(dataDir))
    expect(setup.simulator?.apps[0].certificates).toEqual({
      appCertSn: certificateSn(files.appCert),
      alipayCertSn: certificateSn(files.alipayCert),
      alipayRootCertSn: rootCertificateSn(files.rootCert),
    })
    expect(setup.description).toContain('cert')
    expect(() => readAlipaySettings({ ALIPAY_SIM_KEY_MODE: 'certificate' })).toThrow(
      /^ALIPAY_SIM_KEY_MODE must be public-key or cert \(got "certificate"\)/,
    )
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
