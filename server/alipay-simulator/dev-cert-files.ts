/**
 * The development certificates on disk, for ALIPAY_SIM_KEY_MODE=cert: generated on first start
 * into `${DATA_DIR}/keys/` next to the development keys (files 0600, named as the Alipay console
 * names them) and reused afterwards, so the server and `npm run simulator` agree. Re-issued when
 * one is missing or no longer matches the development keys (e.g. after the keys were deleted).
 */
import fs from 'node:fs'
import path from 'node:path'
import { openPrivateDir, PRIVATE_FILE_MODE } from '../db/data-dir'
import { certificatePublicKey, parseCertificates } from '../alipay/certificates'
import {
  CERTIFICATE_FILE_NAMES,
  createDevCertificateAuthority,
  issueAppCertificates,
  type AppCertificates,
} from './dev-certs'
import { devKeysDir, type DevKeys } from './dev-keys'

export function devCertificatePaths(dataDir: string, appId: string): Record<keyof AppCertificates, string> {
  const dir = devKeysDir(dataDir)
  return {
    rootCert: path.join(dir, CERTIFICATE_FILE_NAMES.root),
    alipayCert: path.join(dir, CERTIFICATE_FILE_NAMES.alipay),
    appCert: path.join(dir, CERTIFICATE_FILE_NAMES.app(appId)),
  }
}

function certifies(pem: string, publicKey: string): boolean {
  const [leaf] = parseCertificates(pem) ?? []
  return leaf !== undefined && certificatePublicKey(leaf) === publicKey
}

function readExisting(
  paths: Record<keyof AppCertificates, string>,
  keys: DevKeys,
): AppCertificates | undefined {
  try {
    const existing = {
      rootCert: fs.readFileSync(paths.rootCert, 'utf8'),
      alipayCert: fs.readFileSync(paths.alipayCert, 'utf8'),
      appCert: fs.readFileSync(paths.appCert, 'utf8'),
    }
    const matches =
      parseCertificates(existing.rootCert) !== undefined &&
      certifies(existing.alipayCert, keys.simulator.publicKey) &&
      certifies(existing.appCert, keys.app.publicKey)
    return matches ? existing : undefined
  } catch {
    return undefined // missing or unreadable: issue a new set
  }
}

/** The certificates for `appId` with the development `keys`, from disk or newly issued. */
export function loadOrCreateDevCertificates(dataDir: string, appId: string, keys: DevKeys): AppCertificates {
  openPrivateDir(devKeysDir(dataDir))
  const paths = devCertificatePaths(dataDir, appId)
  const existing = readExisting(paths, keys)
  if (existing) return existing
  const issued = issueAppCertificates(createDevCertificateAuthority(), appId, keys)
  for (const key of ['rootCert', 'alipayCert', 'appCert'] as const) {
    fs.rmSync(paths[key], { force: true }) // writeFileSync's mode applies only to new files
    fs.writeFileSync(paths[key], issued[key], { mode: PRIVATE_FILE_MODE })
  }
  return issued
}
