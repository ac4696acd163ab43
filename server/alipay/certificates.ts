/**
 * X.509 certificates of Alipay's certificate mode (公钥证书模式), read the way alipay-sdk reads
 * them, so the server can refuse a wrong file at start-up and the simulator can compute the same
 * serial numbers the SDK sends:
 * - a certificate's SN is md5(issuer attributes in reverse order as `CN=…,O=…,C=…` + the serial
 *   number in decimal), hex;
 * - the root bundle's SN joins the SNs of only its RSA-signed certificates (signature OID under
 *   1.2.840.113549.1.1) with `_`: Alipay's alipayRootCert.crt also holds ECDSA/SM2-signed roots.
 * (alipay-sdk src/antcertutil.ts getCertSN / getRootCertSN; AlipayDocs/open-docs
 * mini/ide/小程序CLI/密钥/签名.md names app_cert_sn and alipay_root_cert_sn.)
 */
import { createHash, X509Certificate } from 'node:crypto'
import forge from 'node-forge'

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g
const RSA_SIGNATURE_OID_PREFIX = '1.2.840.113549.1.1'

/** The short names @fidm/x509 (the SDK's parser) gives issuer attributes; others become ''. */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
}

/** Every `-----BEGIN CERTIFICATE-----` block in `text` (literal "\n" escapes accepted). */
export function pemCertificates(text: string): string[] {
  return text.replace(/\\n/g, '\n').match(PEM_CERTIFICATE) ?? []
}

interface CertificateFields {
  serialHex: string
  signatureOid: string
  /** [short name, value] in the order they appear in the certificate. */
  issuer: Array<[string, string]>
}

function fieldsOf(pem: string): CertificateFields {
  const der = forge.pem.decode(pem)[0].body
  const certificate = forge.asn1.fromDer(der)
  const [tbs, signatureAlgorithm] = certificate.value as forge.asn1.Asn1[]
  const tbsFields = tbs.value as forge.asn1.Asn1[]
  // version is an optional [0] field: the serial number follows it when present.
  const offset = tbsFields[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0
  const serial = tbsFields[offset].value as string
  const issuerName = tbsFields[offset + 2].value as forge.asn1.Asn1[]
  const issuer = issuerName.flatMap((rdn) =>
    (rdn.value as forge.asn1.Asn1[]).map((attribute): [string, string] => {
      const [oid, value] = attribute.value as forge.asn1.Asn1[]
      const name = SHORT_NAMES[forge.asn1.derToOid(oid.value as string)] ?? ''
      return [name, forge.util.decodeUtf8(value.value as string)]
    }),
  )
  const algorithmOid = (signatureAlgorithm.value as forge.asn1.Asn1[])[0].value as string
  return {
    serialHex: forge.util.bytesToHex(serial),
    signatureOid: forge.asn1.derToOid(algorithmOid),
    issuer,
  }
}

function snOf(fields: CertificateFields): string {
  const issuer = [...fields.issuer]
    .reverse()
    .map(([name, value]) => `${name}=${value}`)
    .join(',')
  const serial = BigInt(`0x${fields.serialHex || '0'}`).toString(10)
  return createHash('md5')
    .update(issuer + serial, 'utf8')
    .digest('hex')
}

/** app_cert_sn / alipay_cert_sn of a single certificate (the first in `pem`). */
export function certificateSn(pem: string): string {
  const [first] = pemCertificates(pem)
  if (!first) throw new Error('no PEM certificate found')
  return snOf(fieldsOf(first))
}

/** alipay_root_cert_sn of a root bundle: the RSA-signed certificates' SNs joined with `_`. */
export function rootCertificateSn(bundlePem: string): string {
  return pemCertificates(bundlePem)
    .map(fieldsOf)
    .filter((fields) => fields.signatureOid.startsWith(RSA_SIGNATURE_OID_PREFIX))
    .map(snOf)
    .join('_')
}

/**
 * The certificates in `text` that Node can parse, or undefined when none can. Some are skipped on
 * purpose: Alipay's root bundle holds an SM2 (国密) root that an OpenSSL build may not read, and
 * the SDK only ever uses its RSA-signed roots.
 */
export function parseCertificates(text: string): X509Certificate[] | undefined {
  const parsed = pemCertificates(text).flatMap((pem) => {
    try {
      return [new X509Certificate(pem)]
    } catch {
      return []
    }
  })
  return parsed.length > 0 ? parsed : undefined
}

/** SPKI PEM of a certificate's public key, comparable with keys.ts's publicKeyOf. */
export function certificatePublicKey(certificate: X509Certificate): string {
  return certificate.publicKey.export({ type: 'spki', format: 'pem' }) as string
}

/** A root CA signs itself: what sets alipayRootCert.crt apart from the other two files. */
export function isSelfSigned(certificate: X509Certificate): boolean {
  return certificate.issuer === certificate.subject && certificate.checkIssued(certificate)
}
