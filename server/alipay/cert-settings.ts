/**
 * Certificate mode (公钥证书模式) from the environment: the three files the Alipay console hands
 * out, each as a path (ALIPAY_*_CERT_PATH) or as the PEM text itself (ALIPAY_*_CERT_CONTENT, for
 * platforms that inject secrets as text; literal "\n" escapes accepted as in keys.ts). Every file
 * is parsed at start-up and checked against the others and the private key, so the usual mix-ups
 * (files swapped, the root where a certificate belongs, a certificate for another key) fail here,
 * naming the variable and the console's file name, instead of at the first payment.
 */
import fs from 'node:fs'
import type { X509Certificate } from 'node:crypto'
import { read, type Env } from '../config'
import { certificatePublicKey, isSelfSigned, parseCertificates, rootCertificateSn } from './certificates'
import { publicKeyOf } from './keys'

export interface CertificateFiles {
  /** PEM of appCertPublicKey_<appid>.crt. */
  appCert: string
  /** PEM of alipayCertPublicKey_RSA2.crt. */
  alipayPublicCert: string
  /** PEM bundle of alipayRootCert.crt. */
  alipayRootCert: string
}

type FileKey = keyof CertificateFiles

const FILES: Record<FileKey, { prefix: string; fileName: string; what: string }> = {
  appCert: {
    prefix: 'ALIPAY_APP_CERT',
    fileName: 'appCertPublicKey_<appid>.crt',
    what: "the app's public-key certificate (应用公钥证书)",
  },
  alipayPublicCert: {
    prefix: 'ALIPAY_PUBLIC_CERT',
    fileName: 'alipayCertPublicKey_RSA2.crt',
    what: "Alipay's public-key certificate (支付宝公钥证书)",
  },
  alipayRootCert: {
    prefix: 'ALIPAY_ROOT_CERT',
    fileName: 'alipayRootCert.crt',
    what: "Alipay's root certificate (支付宝根证书)",
  },
}
const FILE_KEYS = Object.keys(FILES) as FileKey[]

/** ALIPAY_APP_CERT_PATH, ALIPAY_APP_CERT_CONTENT, … (all six). */
export const CERTIFICATE_VARIABLES = FILE_KEYS.flatMap((key) => [
  `${FILES[key].prefix}_PATH`,
  `${FILES[key].prefix}_CONTENT`,
])

/** Whether any certificate-mode variable is set. */
export function certificateModeRequested(env: Env): boolean {
  return CERTIFICATE_VARIABLES.some((name) => read(env, name) !== undefined)
}

const either = (key: FileKey) => `${FILES[key].prefix}_PATH (or ${FILES[key].prefix}_CONTENT)`

interface LoadedFile {
  /** The variable it came from, for messages. */
  variable: string
  pem: string
  certificates: X509Certificate[]
}

function load(env: Env, key: FileKey): LoadedFile {
  const { prefix, fileName, what } = FILES[key]
  const pathVariable = `${prefix}_PATH`
  const contentVariable = `${prefix}_CONTENT`
  const filePath = read(env, pathVariable)
  const content = read(env, contentVariable)
  if (filePath !== undefined && content !== undefined) {
    throw new Error(`${pathVariable} and ${contentVariable} are both set: set one of them (${fileName}).`)
  }
  const variable = filePath !== undefined ? pathVariable : contentVariable
  let text: string
  if (filePath !== undefined) {
    try {
      text = fs.readFileSync(filePath, 'utf8')
    } catch (error) {
      throw new Error(
        `${pathVariable} cannot be read (${(error as Error).message}): it must be the path of ${fileName}.`,
      )
    }
  } else {
    text = (content ?? '').replace(/\\n/g, '\n')
  }
  const certificates = parseCertificates(text)
  if (!certificates) {
    const holdsKey = /-----BEGIN [A-Z ]*KEY-----/.test(text)
    throw new Error(
      `${variable} is not a PEM certificate (-----BEGIN CERTIFICATE-----): it takes ${what}, the file ${fileName}` +
        (holdsKey
          ? '. It holds a key: certificate mode takes the .crt files; public-key mode takes ALIPAY_PUBLIC_KEY instead.'
          : '.'),
    )
  }
  return { variable, pem: text.trim(), certificates }
}

const leafKey = (file: LoadedFile) => certificatePublicKey(file.certificates[0])

/** The mix-ups people make with the three files, with advice naming the console's file names. */
function checkMixUps(files: Record<FileKey, LoadedFile>, appPublicKey: string): void {
  const { appCert, alipayPublicCert, alipayRootCert } = files
  const advice = `${either('appCert')} takes ${FILES.appCert.fileName}, ${either('alipayPublicCert')} takes ${FILES.alipayPublicCert.fileName}, ${either('alipayRootCert')} takes ${FILES.alipayRootCert.fileName}.`
  for (const key of ['appCert', 'alipayPublicCert'] as const) {
    if (isSelfSigned(files[key].certificates[0])) {
      throw new Error(
        `${files[key].variable} holds a root certificate (${FILES.alipayRootCert.fileName}?). ${advice}`,
      )
    }
  }
  const rootKey = leafKey(alipayRootCert)
  if (rootKey === appPublicKey || rootKey === leafKey(alipayPublicCert)) {
    const which = rootKey === appPublicKey ? FILES.appCert.fileName : FILES.alipayPublicCert.fileName
    throw new Error(`${alipayRootCert.variable} holds ${which}, not the root certificate. ${advice}`)
  }
  if (rootCertificateSn(alipayRootCert.pem) === '') {
    throw new Error(`${alipayRootCert.variable} holds no RSA-signed root certificate. ${advice}`)
  }
  if (leafKey(alipayPublicCert) === appPublicKey) {
    const swapped = leafKey(appCert) !== appPublicKey
    throw new Error(
      swapped
        ? `${appCert.variable} and ${alipayPublicCert.variable} are swapped. ${advice}`
        : `${alipayPublicCert.variable} holds the app's own certificate (${FILES.appCert.fileName}), not Alipay's. ${advice}`,
    )
  }
  if (leafKey(appCert) !== appPublicKey) {
    throw new Error(
      leafKey(appCert) === leafKey(alipayPublicCert)
        ? `${appCert.variable} holds Alipay's certificate (${FILES.alipayPublicCert.fileName}), not the app's. ${advice}`
        : `${appCert.variable} does not match ALIPAY_PRIVATE_KEY: download ${FILES.appCert.fileName} for the app whose CSR was made with this private key (应用私钥), or set the private key that goes with it.`,
    )
  }
}

/** The three files, checked; throws naming the variables when any is missing or wrong. */
export function readCertificateFiles(env: Env, privateKeyPem: string): CertificateFiles {
  const missing = FILE_KEYS.filter(
    (key) =>
      read(env, `${FILES[key].prefix}_PATH`) === undefined &&
      read(env, `${FILES[key].prefix}_CONTENT`) === undefined,
  )
  if (missing.length > 0) {
    throw new Error(
      `Certificate mode needs all three files from open.alipay.com; missing: ${missing
        .map((key) => `${either(key)} (${FILES[key].fileName})`)
        .join(', ')}.`,
    )
  }
  const files = {
    appCert: load(env, 'appCert'),
    alipayPublicCert: load(env, 'alipayPublicCert'),
    alipayRootCert: load(env, 'alipayRootCert'),
  }
  checkMixUps(files, publicKeyOf(privateKeyPem))
  return {
    appCert: files.appCert.pem,
    alipayPublicCert: files.alipayPublicCert.pem,
    alipayRootCert: files.alipayRootCert.pem,
  }
}
