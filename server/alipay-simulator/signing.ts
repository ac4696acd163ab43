/**
 * The two signatures of Alipay's OpenAPI 2.0 gateway, as `alipay-sdk` v4 expects them:
 * - requests: every parameter except `sign`, empty values dropped (the real gateway drops them,
 *   which is why an empty-string parameter breaks a signature), sorted by key, `k=v` joined with
 *   `&`, RSA-SHA256 with the app's private key;
 * - responses: RSA-SHA256 over the exact JSON text of the `<method>_response` object, with the
 *   gateway's (here: the simulator's) private key.
 */
import { createSign, createVerify } from 'node:crypto'

export type GatewayParams = Record<string, string>

/** The string the app signed, rebuilt the way the real gateway does. */
export function requestSignContent(params: GatewayParams): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&')
}

export function verifyRequestSignature(params: GatewayParams, appPublicKey: string): boolean {
  if (!params.sign) return false
  try {
    return createVerify('RSA-SHA256')
      .update(requestSignContent(params), 'utf8')
      .verify(appPublicKey, params.sign, 'base64')
  } catch {
    return false // malformed base64 or key: a failed verification, not a crash
  }
}

export function signText(text: string, privateKey: string): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privateKey, 'base64')
}

/**
 * `{"<method>_response":<inner>,"sign":"…"}`, or in certificate mode
 * `{"<method>_response":<inner>,"alipay_cert_sn":"…","sign":"…"}` as Alipay answers such apps.
 * The inner text is serialised once and spliced in verbatim, so the signed bytes are exactly the
 * bytes sent; `sign` must come last (the SDK cuts the signed text at the last `"sign"` and then
 * at the last `}` before it, which is the inner object's).
 */
export function signedEnvelope(
  method: string,
  response: object,
  privateKey: string,
  alipayCertSn?: string,
): string {
  const inner = JSON.stringify(response)
  const key = JSON.stringify(`${method.replaceAll('.', '_')}_response`)
  const certSn = alipayCertSn ? `,"alipay_cert_sn":${JSON.stringify(alipayCertSn)}` : ''
  return `{${key}:${inner}${certSn},"sign":${JSON.stringify(signText(inner, privateKey))}}`
}

/**
 * An asynchronous notification, signed the way Alipay documents it and `checkNotifySignV2`
 * verifies it: every field except `sign` and `sign_type`, sorted, `k=v` joined with `&`, values
 * as sent (not URL-encoded), RSA2. Empty fields are left out altogether: the SDK would sign them
 * as `k=` and the merchant's check would fail.
 */
export function signNotify(fields: Record<string, string>, privateKey: string): Record<string, string> {
  const sent: Record<string, string> = {}
  for (const [key, value] of Object.entries(fields)) if (value !== '' && key !== 'sign') sent[key] = value
  const content = Object.keys(sent)
    .filter((key) => key !== 'sign_type')
    .sort()
    .map((key) => `${key}=${sent[key]}`)
    .join('&')
  return { ...sent, sign: signText(content, privateKey) }
}
