/**
 * RSA keys as people paste them into environment variables: a PEM (PKCS1 or PKCS8; literal "\n"
 * escapes from .env files are accepted) or the one-line base64 body that Alipay's key tool exports.
 * Keys are parsed once at start-up, so a wrong or truncated key fails there, naming the variable,
 * instead of at the first payment. Output is always PEM: PKCS8 for private, SPKI for public keys.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'

export type PrivateKeyType = 'PKCS1' | 'PKCS8'

const unescape = (raw: string) => raw.replace(/\\n/g, '\n').trim()
const isPem = (text: string) => text.includes('-----BEGIN ')

function base64Der(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64')
}

function tryEach<T>(attempts: Array<() => T>): T | undefined {
  for (const attempt of attempts) {
    try {
      return attempt()
    } catch {
      // try the next encoding
    }
  }
  return undefined
}

function requireRsa(key: KeyObject | undefined, variable: string, what: string): KeyObject {
  if (!key || key.asymmetricKeyType !== 'rsa') {
    throw new Error(
      `${variable} is not ${what} (expected a PEM, or the one-line base64 body that Alipay's key tool exports).`,
    )
  }
  return key
}

function parsePrivate(raw: string, variable: string, declaredType?: PrivateKeyType): KeyObject {
  const text = unescape(raw)
  if (isPem(text)) {
    const pemType: PrivateKeyType | undefined = text.includes('BEGIN RSA PRIVATE KEY')
      ? 'PKCS1'
      : text.includes('BEGIN PRIVATE KEY')
        ? 'PKCS8'
        : undefined
    if (declaredType && pemType && declaredType !== pemType) {
      throw new Error(
        `ALIPAY_KEY_TYPE is ${declaredType} but ${variable} is a ${pemType} PEM; remove ALIPAY_KEY_TYPE.`,
      )
    }
    return requireRsa(tryEach([() => createPrivateKey(text)]), variable, 'an RSA private key')
  }
  const der = base64Der(text)
  const pkcs8 = () => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  const pkcs1 = () => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })
  const attempts = declaredType === 'PKCS1' ? [pkcs1] : declaredType === 'PKCS8' ? [pkcs8] : [pkcs8, pkcs1]
  return requireRsa(
    tryEach(attempts),
    variable,
    `an RSA private key${declaredType ? ` in ${declaredType}` : ''}`,
  )
}

/** PKCS8 PEM of the private key in `raw`. */
export function normalizePrivateKey(raw: string, variable: string, declaredType?: PrivateKeyType): string {
  return parsePrivate(raw, variable, declaredType).export({ type: 'pkcs8', format: 'pem' }) as string
}

/** SPKI PEM of the public key in `raw`. */
export function normalizePublicKey(raw: string, variable: string): string {
  const text = unescape(raw)
  // createPublicKey would happily derive a public key from a private one: refuse that mix-up.
  if (text.includes('PRIVATE KEY'))
    throw new Error(`${variable} holds a private key; it must be a public key.`)
  const key = isPem(text)
    ? tryEach([() => createPublicKey(text)])
    : tryEach([
        () => createPublicKey({ key: base64Der(text), format: 'der', type: 'spki' }),
        () => createPublicKey({ key: base64Der(text), format: 'der', type: 'pkcs1' }),
      ])
  return requireRsa(key, variable, 'an RSA public key').export({ type: 'spki', format: 'pem' }) as string
}

/** The SPKI PEM of the public half of a private key (to spot "app public key used as Alipay's"). */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }) as string
}
