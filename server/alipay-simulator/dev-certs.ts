/**
 * Development certificates for certificate mode (公钥证书模式), shaped like the three files the
 * Alipay console hands out, issued by a development CA that exists only here:
 * - alipayRootCert.crt: a bundle of roots. Like Alipay's, it mixes RSA-signed roots with an
 *   ECDSA-signed one, so alipay_root_cert_sn (RSA-signed SNs only, joined with `_`) is computed
 *   the way it is for the real file;
 * - alipayCertPublicKey_RSA2.crt: Alipay's public-key certificate (the simulator's signing key);
 * - appCertPublicKey_<appid>.crt: the app's certificate (the app key).
 * Keys come from node:crypto; certificates are built with node-forge (it signs RSA only, so the
 * ECDSA root is assembled from forge's ASN.1 and signed with node:crypto).
 */
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'
import { certificateSn, rootCertificateSn } from '../alipay/certificates'
import type { AlipayVerification } from '../alipay/client'
import type { AppCertificateSns } from './cert-check'
import type { KeyPair } from './dev-keys'

/** What the console calls them (下载 on open.alipay.com); the dev files use the same names. */
export const CERTIFICATE_FILE_NAMES = {
  root: 'alipayRootCert.crt',
  alipay: 'alipayCertPublicKey_RSA2.crt',
  app: (appId: string) => `appCertPublicKey_${appId}.crt`,
}

export interface AppCertificates {
  /** PEM bundle (alipayRootCert.crt). */
  rootCert: string
  /** PEM (alipayCertPublicKey_RSA2.crt). */
  alipayCert: string
  /** PEM (appCertPublicKey_<appid>.crt). */
  appCert: string
}

/** What the simulator checks and answers with for apps in certificate mode. */
export interface SimulatorCertificates {
  /** Sent back in every response as alipay_cert_sn. */
  alipayCertSn: string
  /** Every request must carry it as alipay_root_cert_sn. */
  alipayRootCertSn: string
}

export interface DevCertificateAuthority {
  rootCert: string
  /** Issues a certificate for `publicKey` (SPKI PEM), valid for two years from yesterday. */
  issue(commonName: string, publicKey: string): string
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2'
/** Alipay's uploaded public-key certificates last two years (AlipayDocs/open-docs support/支付宝小程序/案例分析/小程序开发前准备.md). */
const VALIDITY_YEARS = 2

const name = (commonName: string): forge.pki.CertificateField[] => [
  { shortName: 'C', value: 'CN' },
  { shortName: 'O', value: 'Shop Starter Development' },
  { shortName: 'OU', value: 'Alipay Simulator' },
  { shortName: 'CN', value: commonName },
]

/**
 * A random serial (so a re-issued certificate gets another SN) that DER encodes as given: the first
 * byte is 0x01–0x7f, so the number is positive and has no leading zero byte, which parsers reject.
 */
export function serialNumberHex(random: Buffer): string {
  const bytes = Buffer.from(random)
  bytes[0] = bytes[0] & 0x7f || 0x01
  return bytes.toString('hex')
}

function unsigned(subject: string, issuer: string, publicKey: forge.pki.PublicKey): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = publicKey
  certificate.serialNumber = serialNumberHex(randomBytes(16))
  const from = new Date(Date.now() - 24 * 3600 * 1000)
  const to = new Date(from)
  to.setFullYear(from.getFullYear() + VALIDITY_YEARS)
  certificate.validity.notBefore = from
  certificate.validity.notAfter = to
  certificate.setSubject(name(subject))
  certificate.setIssuer(name(issuer))
  return certificate
}

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  return {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey),
  }
}

function selfSignedRsaRoot(
  commonName: string,
  keys: ReturnType<typeof rsaKeys>,
  digest: forge.md.MessageDigest,
): string {
  const certificate = unsigned(commonName, commonName, keys.publicKey)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ])
  certificate.sign(keys.privateKey, digest)
  return forge.pki.certificateToPem(certificate)
}

/** A self-signed ECDSA P-256 root: forge builds the fields, node:crypto signs them. */
function selfSignedEcdsaRoot(commonName: string, placeholderKey: forge.pki.PublicKey): string {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const certificate = unsigned(commonName, commonName, placeholderKey)
  certificate.siginfo.algorithmOid = ECDSA_WITH_SHA256
  // getTBSCertificate exists in node-forge's x509.js but not in its type definitions.
  const { getTBSCertificate } = forge.pki as unknown as {
    getTBSCertificate(certificate: forge.pki.Certificate): forge.asn1.Asn1
  }
  const tbs = getTBSCertificate(certificate)
  const { asn1 } = forge
  // ecdsa-with-SHA256 has no parameters (RFC 5758), unlike the RSA algorithms forge writes.
  const algorithm = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(ECDSA_WITH_SHA256).getBytes()),
  ])
  const fields = tbs.value as forge.asn1.Asn1[]
  fields[2] = algorithm
  fields[6] = asn1.fromDer(
    forge.util.binary.raw.encode(new Uint8Array(ec.publicKey.export({ type: 'spki', format: 'der' }))),
  )
  const tbsDer = asn1.toDer(tbs).getBytes()
  const signature = createSign('SHA256').update(Buffer.from(tbsDer, 'binary')).sign(ec.privateKey)
  const signed = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithm,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\0${signature.toString('binary')}`),
  ])
  const der = asn1.toDer(signed).getBytes()
  return forge.pem.encode({ type: 'CERTIFICATE', body: der })
}

/** A development CA: its root bundle (RSA root, ECDSA root, older RSA root) and an issuer. */
export function createDevCertificateAuthority(): DevCertificateAuthority {
  const keys = rsaKeys()
  const issuerName = 'Development Alipay Root CA R1'
  const rootCert = [
    selfSignedRsaRoot(issuerName, keys, forge.md.sha256.create()),
    selfSignedEcdsaRoot('Development Alipay Root CA E1', keys.publicKey),
    selfSignedRsaRoot('Development Alipay Root CA', keys, forge.md.sha1.create()),
  ].join('')
  return {
    rootCert,
    issue(commonName, publicKey) {
      const certificate = unsigned(commonName, issuerName, forge.pki.publicKeyFromPem(publicKey))
      certificate.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
      ])
      certificate.sign(keys.privateKey, forge.md.sha256.create())
      return forge.pki.certificateToPem(certificate)
    },
  }
}

/** The three files for one app: its certificate and Alipay's (the simulator's), from `ca`. */
export function issueAppCertificates(
  ca: DevCertificateAuthority,
  appId: string,
  keys: { app: KeyPair; simulator: KeyPair },
): AppCertificates {
  return {
    rootCert: ca.rootCert,
    alipayCert: ca.issue('Alipay Simulator (development)', keys.simulator.publicKey),
    appCert: ca.issue(appId, keys.app.publicKey),
  }
}

export function simulatorCertificates(certificates: AppCertificates): SimulatorCertificates {
  return {
    alipayCertSn: certificateSn(certificates.alipayCert),
    alipayRootCertSn: rootCertificateSn(certificates.rootCert),
  }
}

/** What the simulator registers for an app in certificate mode. */
export function registeredCertificates(certificates: AppCertificates): AppCertificateSns {
  return { appCertSn: certificateSn(certificates.appCert), ...simulatorCertificates(certificates) }
}

/** The client's side: createAlipayClient({ ...certificateVerification(certificates), … }). */
export function certificateVerification(certificates: AppCertificates): AlipayVerification {
  return {
    mode: 'cert',
    appCert: certificates.appCert,
    alipayPublicCert: certificates.alipayCert,
    alipayRootCert: certificates.rootCert,
  }
}
