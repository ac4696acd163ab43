/**
 * Development keys for the simulator setup: an app key pair (the shop signs requests) and a
 * simulator key pair (the simulated Alipay signs responses). Generated on first start into
 * `${DATA_DIR}/keys/` (git-ignored, files 0600) and reused afterwards, so the standalone simulator
 * and the server agree. Never committed, never part of the client bundle; production uses real keys.
 */
import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { openPrivateDir, PRIVATE_FILE_MODE } from '../db/data-dir'

/** The simulated shop app. Only the simulator knows it; real apps come from ALIPAY_APP_ID. */
export const SIMULATED_APP_ID = '9021000000000001'

export interface KeyPair {
  /** PEM, PKCS8. */
  privateKey: string
  /** PEM, SPKI. */
  publicKey: string
}

export interface DevKeys {
  app: KeyPair
  simulator: KeyPair
}

export function generateRsaKeyPair(): KeyPair {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
}

function loadOrCreatePair(dir: string, name: string): KeyPair {
  const privatePath = path.join(dir, `${name}-private.pem`)
  const publicPath = path.join(dir, `${name}-public.pem`)
  if (fs.existsSync(privatePath) && fs.existsSync(publicPath)) {
    return {
      privateKey: fs.readFileSync(privatePath, 'utf8'),
      publicKey: fs.readFileSync(publicPath, 'utf8'),
    }
  }
  const pair = generateRsaKeyPair()
  // Public key first: a crash in between leaves no private key without its partner.
  fs.writeFileSync(publicPath, pair.publicKey, { mode: PRIVATE_FILE_MODE })
  fs.writeFileSync(privatePath, pair.privateKey, { mode: PRIVATE_FILE_MODE })
  return pair
}

export function devKeysDir(dataDir: string): string {
  return path.join(dataDir, 'keys')
}

export function loadOrCreateDevKeys(dataDir: string): DevKeys {
  const dir = devKeysDir(dataDir)
  openPrivateDir(dir)
  return { app: loadOrCreatePair(dir, 'app'), simulator: loadOrCreatePair(dir, 'alipay-simulator') }
}
