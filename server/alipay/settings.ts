/**
 * Alipay settings from the environment (read by server/config.ts). Two shapes:
 * - development default: no ALIPAY_* at all → the in-process simulator with generated dev keys;
 *   ALIPAY_GATEWAY alone → another simulator (e.g. `npm run simulator`) with the same dev keys;
 * - real credentials: ALIPAY_GATEWAY + ALIPAY_APP_ID + ALIPAY_PRIVATE_KEY and either
 *   ALIPAY_PUBLIC_KEY (public-key mode) or the three certificates (certificate mode,
 *   cert-settings.ts); always the case in production (NODE_ENV=production, any case), where the
 *   simulator is refused.
 * ALIPAY_SIMULATOR says whether the simulator may stand in when no credentials are set: default
 * yes in development, and never in production (it lets anyone mint auth codes and pay any order).
 */
import { DEFAULT_AUTH_CODE_TTL_SECONDS } from '../alipay-simulator/methods/types'
import { read, readSwitch, type Env } from '../config'
import { isProduction } from '../mode'
import { readPaymentSettings, type PaymentSettings } from '../payments/settings'
import { ALIPAY_ID_KINDS, isAlipayIdKind, type AlipayIdKind } from './wire-format'
import {
  CERTIFICATE_VARIABLES,
  certificateModeRequested,
  readCertificateFiles,
  type CertificateFiles,
} from './cert-settings'
import { normalizePrivateKey, normalizePublicKey, publicKeyOf, type PrivateKeyType } from './keys'

export const ALIPAY_PRODUCTION_GATEWAY = 'https://openapi.alipay.com/gateway.do'
export const DEFAULT_ALIPAY_TIMEOUT_MS = 5000
const SANDBOX_GATEWAY = 'https://openapi-sandbox.dl.alipaydev.com/gateway.do'

/** The two ways an app signs on open.alipay.com (开发设置 → 接口加签方式). */
export type AlipayKeyMode = 'public-key' | 'cert'
export const ALIPAY_KEY_MODES: readonly AlipayKeyMode[] = ['public-key', 'cert']

interface AppKey {
  appId: string
  /** PKCS8 PEM. */
  privateKey: string
}

export type AlipayCredentials =
  | (AppKey & {
      mode: 'public-key'
      /** SPKI PEM of Alipay's public key. */
      alipayPublicKey: string
    })
  | (AppKey & { mode: 'cert' } & CertificateFiles)

export interface AlipaySettings {
  /** undefined: the in-process simulator (development only). */
  gateway?: string
  /** undefined: the development keys and the simulated app (development only). */
  credentials?: AlipayCredentials
  timeoutMs: number
  /** How the in-process simulator behaves. */
  simulator: {
    idMode: AlipayIdKind
    authCodeTtlSeconds: number
    /** ALIPAY_SIM_KEY_MODE: the simulated app's mode, shared with `npm run simulator` and tests. */
    keyMode: AlipayKeyMode
  }
  /** ALIPAY_SELLER_ID, ALIPAY_CASHIER_MODE, ALIPAY_CASHIER_URL (see server/payments/settings.ts). */
  payments: PaymentSettings
}

export function readPositiveInteger(env: Env, name: string, fallback: number): number {
  const raw = read(env, name)
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`${name} must be a positive whole number (got "${raw}"). Example: ${name}=${fallback}`)
  }
  return Number(raw)
}

function readGateway(env: Env, production: boolean): string | undefined {
  const raw = read(env, 'ALIPAY_GATEWAY')
  if (raw === undefined) return production ? ALIPAY_PRODUCTION_GATEWAY : undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(
      `ALIPAY_GATEWAY must be an absolute URL (got "${raw}"). Example: ALIPAY_GATEWAY=${ALIPAY_PRODUCTION_GATEWAY}`,
    )
  }
  if (production && (url.protocol !== 'https:' || url.pathname.includes('/alipay-sim'))) {
    throw new Error(
      `ALIPAY_GATEWAY must be Alipay's https gateway in production, not a simulator (got "${raw}"). Unset it for ${ALIPAY_PRODUCTION_GATEWAY}.`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`ALIPAY_GATEWAY must use http: or https: (got "${url.protocol}").`)
  }
  return raw
}

function readKeyType(env: Env): PrivateKeyType | undefined {
  const raw = read(env, 'ALIPAY_KEY_TYPE')?.toUpperCase()
  if (raw === undefined || raw === 'PKCS1' || raw === 'PKCS8') return raw
  throw new Error(
    `ALIPAY_KEY_TYPE must be PKCS1 or PKCS8 (got "${raw}"), or unset to detect it from the key.`,
  )
}

const CREDENTIAL_VARIABLES = ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY'] as const
const CERT_MODE_REQUIRED = ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY'] as const

/** ALIPAY_SIMULATOR: whether the simulator may stand in for Alipay. Refused in production. */
function readSimulatorAllowed(env: Env, production: boolean): boolean {
  const allowed = readSwitch(env, 'ALIPAY_SIMULATOR', !production)
  if (allowed && production) {
    throw new Error(
      'ALIPAY_SIMULATOR=1 is refused with NODE_ENV=production: the simulator lets anyone pay any order. ' +
        'Unset ALIPAY_SIMULATOR and set real ALIPAY_* keys, or run a demo with NODE_ENV=development.',
    )
  }
  return allowed
}

function readCredentials(env: Env, production: boolean): AlipayCredentials | undefined {
  const certMode = certificateModeRequested(env)
  if (certMode && read(env, 'ALIPAY_PUBLIC_KEY') !== undefined) {
    throw new Error(
      'ALIPAY_PUBLIC_KEY and certificate variables are both set: configure one mode, as chosen on ' +
        'open.alipay.com (开发设置 → 接口加签方式): ALIPAY_PUBLIC_KEY for 公钥 (public-key mode), or ' +
        `${CERTIFICATE_VARIABLES.filter((name) => name.endsWith('_PATH')).join(', ')} (or their _CONTENT variants) for 公钥证书 (certificate mode).`,
    )
  }
  const required = certMode ? CERT_MODE_REQUIRED : CREDENTIAL_VARIABLES
  const missing = required.filter((name) => read(env, name) === undefined)
  const simulatorAllowed = readSimulatorAllowed(env, production)
  if (!certMode && missing.length === CREDENTIAL_VARIABLES.length && simulatorAllowed) return undefined
  if (missing.length > 0) {
    const where = production
      ? ' in production'
      : simulatorAllowed
        ? ' (or unset all ALIPAY_* to use the simulator)'
        : ' (ALIPAY_SIMULATOR=0 turns the simulator off)'
    throw new Error(
      `${missing.join(', ')} must be set${where}: ` +
        'ALIPAY_APP_ID is the app id from open.alipay.com, ALIPAY_PRIVATE_KEY the app private key' +
        (certMode
          ? ' (certificate mode).'
          : ", ALIPAY_PUBLIC_KEY Alipay's public key (支付宝公钥, not the app public key); " +
            'or, for an app in certificate mode, ALIPAY_APP_CERT_PATH, ALIPAY_PUBLIC_CERT_PATH and ALIPAY_ROOT_CERT_PATH instead of ALIPAY_PUBLIC_KEY.'),
    )
  }
  const appId = read(env, 'ALIPAY_APP_ID') ?? ''
  const privateKey = normalizePrivateKey(env.ALIPAY_PRIVATE_KEY ?? '', 'ALIPAY_PRIVATE_KEY', readKeyType(env))
  if (certMode) return { mode: 'cert', appId, privateKey, ...readCertificateFiles(env, privateKey) }
  const alipayPublicKey = normalizePublicKey(env.ALIPAY_PUBLIC_KEY ?? '', 'ALIPAY_PUBLIC_KEY')
  if (alipayPublicKey === publicKeyOf(privateKey)) {
    // The most common mix-up: every response would then fail verification.
    throw new Error(
      "ALIPAY_PUBLIC_KEY is the app's own public key; set Alipay's public key (支付宝公钥) shown next to it on open.alipay.com.",
    )
  }
  return { mode: 'public-key', appId, privateKey, alipayPublicKey }
}

/** ALIPAY_SIM_KEY_MODE: public-key (default) or cert, for the simulated app only. */
export function readSimulatorKeyMode(env: Env): AlipayKeyMode {
  const raw = read(env, 'ALIPAY_SIM_KEY_MODE') ?? 'public-key'
  if ((ALIPAY_KEY_MODES as readonly string[]).includes(raw)) return raw as AlipayKeyMode
  throw new Error(`ALIPAY_SIM_KEY_MODE must be ${ALIPAY_KEY_MODES.join(' or ')} (got "${raw}").`)
}

function readIdMode(env: Env): AlipayIdKind {
  const raw = read(env, 'ALIPAY_SIM_ID_MODE') ?? 'user_id'
  if (isAlipayIdKind(raw)) return raw
  throw new Error(`ALIPAY_SIM_ID_MODE must be ${ALIPAY_ID_KINDS.join(' or ')} (got "${raw}").`)
}

export function readAlipaySettings(env: Env): AlipaySettings {
  const production = isProduction(env)
  const gateway = readGateway(env, production)
  const credentials = readCredentials(env, production)
  if (credentials && gateway === undefined) {
    // The in-process simulator cannot sign as Alipay for real credentials.
    throw new Error(`ALIPAY_GATEWAY must be set with real credentials, e.g. the sandbox ${SANDBOX_GATEWAY}.`)
  }
  return {
    gateway,
    credentials,
    timeoutMs: readPositiveInteger(env, 'ALIPAY_TIMEOUT_MS', DEFAULT_ALIPAY_TIMEOUT_MS),
    simulator: {
      idMode: readIdMode(env),
      authCodeTtlSeconds: readPositiveInteger(
        env,
        'ALIPAY_SIM_AUTH_CODE_TTL_SECONDS',
        DEFAULT_AUTH_CODE_TTL_SECONDS,
      ),
      keyMode: readSimulatorKeyMode(env),
    },
    payments: readPaymentSettings(env, Boolean(credentials)),
  }
}
