/**
 * Certificate mode (公钥证书模式) end to end, whatever ALIPAY_SIM_KEY_MODE says: the simulator's
 * SNs are the SDK's, requests without the right app_cert_sn / alipay_root_cert_sn are answered as
 * Alipay answers them, answers carry alipay_cert_sn and verify with Alipay's certificate, and
 * notifies verify in certificate mode.
 */
import { AlipaySdk } from 'alipay-sdk'
import { AlipayBusinessError, AlipayUnavailableError, createAlipayClient } from '../alipay/client'
import { certificateSn, parseCertificates, rootCertificateSn } from '../alipay/certificates'
import { simulatedUserId } from '../alipay-simulator/buyers'
import { createDevCertificateAuthority, serialNumberHex } from '../alipay-simulator/dev-certs'
import { startNotifyReceiver } from '../alipay-simulator/notify-receiver'
import {
  sdkVerificationOptions,
  testCertificateAuthority,
  testCertificates,
  testKeys,
  TEST_APP_ID,
} from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

const QUERY = 'alipay.trade.query'
const RESPONSE_KEY = 'alipay_trade_query_response'
let sequence = 0
const tradeBiz = () => ({
  out_trade_no: `C${Date.now()}_${++sequence}`,
  total_amount: '1.00',
  subject: 'certificate mode',
  product_code: 'JSAPI_PAY',
  buyer_id: simulatedUserId('buyer-1'),
  op_app_id: TEST_APP_ID,
})

/** The SNs alipay-sdk itself computes (its getSN is not exported; the constructor applies it). */
function sdkSns(certificates: { appCert: string; alipayCert: string; rootCert: string }) {
  const { config } = new AlipaySdk({
    appId: TEST_APP_ID,
    privateKey: testKeys().app.privateKey,
    keyType: 'PKCS8',
    appCertContent: certificates.appCert,
    alipayPublicCertContent: certificates.alipayCert,
    alipayRootCertContent: certificates.rootCert,
  })
  return { app: config.appCertSn, alipay: config.alipayCertSn, root: config.alipayRootCertSn }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

describe('certificate serial numbers', () => {
  it('computes app_cert_sn, alipay_cert_sn and alipay_root_cert_sn exactly as alipay-sdk does', () => {
    const certificates = testCertificates()
    const sdk = sdkSns(certificates)
    expect(certificateSn(certificates.appCert)).toBe(sdk.app)
    expect(certificateSn(certificates.alipayCert)).toBe(sdk.alipay)
    expect(rootCertificateSn(certificates.rootCert)).toBe(sdk.root)
    expect(sdk.root).toMatch(/^[0-9a-f]{32}_[0-9a-f]{32}$/)
  })

  it('builds a root bundle like alipayRootCert.crt: only its RSA-signed roots count, joined with _', () => {
    const { rootCert } = testCertificates()
    const roots = parseCertificates(rootCert) ?? []
    expect(roots.map((root) => root.publicKey.asymmetricKeyType)).toEqual(['rsa', 'ec', 'rsa'])
    // Each root is self-signed and verifies with its own key, the ECDSA one included.
    expect(roots.every((root) => root.verify(root.publicKey))).toBe(true)
    const sns = rootCertificateSn(rootCert).split('_')
    expect(sns).toHaveLength(2)
    const pems = rootCert.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
    expect(sns).toEqual([certificateSn(pems[0] ?? ''), certificateSn(pems[2] ?? '')])
  })

  it('issues the app and Alipay certificates from the root, and another issue gets another SN', () => {
    const certificates = testCertificates()
    const [root] = parseCertificates(certificates.rootCert) ?? []
    for (const pem of [certificates.appCert, certificates.alipayCert])
      expect((parseCertificates(pem) ?? [])[0].verify(root.publicKey)).toBe(true)
    const again = testCertificateAuthority().issue(TEST_APP_ID, testKeys().app.publicKey)
    expect(certificateSn(again)).not.toBe(certificateSn(certificates.appCert))
  })

  it('draws serials whose first byte is 0x01–0x7f: positive, and no leading zero byte that parsers refuse', () => {
    // About one random serial in 200 began 0x00 0x00–0x7f, and node and forge refused the certificate.
    const firstByte = (first: number) => serialNumberHex(Buffer.from([first, 0x12, 0x34])).slice(0, 2)
    expect([0x00, 0x12, 0x7f, 0x80, 0xff].map(firstByte)).toEqual(['01', '12', '7f', '01', '7f'])
    expect(serialNumberHex(Buffer.from([0x00, 0x12, 0x34]))).toBe('011234')
  })
})

describe('the simulator and the client in certificate mode', () => {
  const sim = simulatorForSuite({ keyMode: 'cert' })
  const certificates = testCertificates()
  const sdk = () =>
    new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
      ...sdkVerificationOptions(TEST_APP_ID, 'cert'),
      gateway: sim.gateway,
    })
  /** POSTs what the SDK would send (its signed parameters, with `change` applied); the raw body. */
  const rawCall = async (change: (params: URLSearchParams) => void = () => undefined) => {
    const params = new URLSearchParams(sdk().sdkExecute(QUERY, { bizContent: { out_trade_no: 'nope' } }))
    change(params)
    const response = await fetch(sim.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
    })
    return response.text()
  }

  it('answers a certificate-mode client, and the answer carries alipay_cert_sn before the sign', async () => {
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>('alipay.trade.create', tradeBiz())
    await expect(sim.client().exec(QUERY, { trade_no: tradeNo })).resolves.toMatchObject({
      tradeNo,
      tradeStatus: 'WAIT_BUYER_PAY',
    })
    const raw = await rawCall()
    const envelope = JSON.parse(raw) as Record<string, unknown>
    expect(Object.keys(envelope)).toEqual([RESPONSE_KEY, 'alipay_cert_sn', 'sign'])
    expect(envelope.alipay_cert_sn).toBe(sdkSns(certificates).alipay)
  })

  it("verifies with Alipay's certificate through the SDK's own cut, and refuses a tampered answer", async () => {
    const raw = await rawCall()
    const { sign } = JSON.parse(raw) as { sign: string }
    const check = (body: string) =>
      (
        sdk() as unknown as {
          checkResponseSign(raw: string, key: string, sign: string, traceId: string): void
        }
      ).checkResponseSign(body, RESPONSE_KEY, sign, 'test')
    expect(() => check(raw)).not.toThrow()
    expect(() => check(raw.replace('ACQ.TRADE_NOT_EXIST', 'ACQ.TRADE_NOT_EXISX'))).toThrow(/验签失败/)
  })

  it.each([
    [
      'missing app_cert_sn',
      (p: URLSearchParams) => p.delete('app_cert_sn'),
      '40001',
      'isv.missing-app-cert-sn',
    ],
    [
      'another app_cert_sn',
      (p: URLSearchParams) => p.set('app_cert_sn', '0'.repeat(32)),
      '40002',
      'isv.app-cert-not-exist',
    ],
    [
      'missing alipay_root_cert_sn',
      (p: URLSearchParams) => p.delete('alipay_root_cert_sn'),
      '40001',
      'isv.missing-alipay-root-cert-sn',
    ],
    [
      'another alipay_root_cert_sn',
      (p: URLSearchParams) => p.set('alipay_root_cert_sn', '0'.repeat(32)),
      '40002',
      'isv.invalid-alipay-root-cert-sn',
    ],
  ])('answers %s as Alipay does, signed and with alipay_cert_sn', async (_case, change, code, subCode) => {
    const envelope = JSON.parse(await rawCall(change)) as Record<string, Record<string, string>>
    expect(envelope[RESPONSE_KEY]).toMatchObject({ code, sub_code: subCode })
    expect(envelope.alipay_cert_sn).toBe(sdkSns(certificates).alipay)
  })

  it('surfaces a wrong app certificate or root certificate as an AlipayBusinessError', async () => {
    const otherAppCert = testCertificateAuthority().issue(TEST_APP_ID, testKeys().app.publicKey)
    await expect(
      sim.client(undefined, { appCert: otherAppCert }).exec(QUERY, { trade_no: '1' }),
    ).rejects.toMatchObject({ name: 'AlipayBusinessError', code: '40002', subCode: 'isv.app-cert-not-exist' })
    const otherRoot = createDevCertificateAuthority().rootCert
    const error = await rejection(
      sim.client(undefined, { alipayRootCert: otherRoot }).exec(QUERY, { trade_no: '1' }),
    )
    expect(error).toBeInstanceOf(AlipayBusinessError)
    expect(error).toMatchObject({ code: '40002', subCode: 'isv.invalid-alipay-root-cert-sn' })
  })

  it("checks the SNs in a freeze's orderStr too (sdkExecute signs them)", async () => {
    const freeze = (appCert: string) =>
      new AlipaySdk({
        appId: TEST_APP_ID,
        privateKey: testKeys().app.privateKey,
        keyType: 'PKCS8',
        ...sdkVerificationOptions(TEST_APP_ID, 'cert'),
        appCertContent: appCert,
      }).sdkExecute('alipay.fund.auth.order.app.freeze', {
        bizContent: {
          out_order_no: `F${Date.now()}_${++sequence}`,
          out_request_no: `R${Date.now()}_${sequence}`,
          order_title: 'deposit',
          amount: '9.00',
          product_code: 'PRE_AUTH_ONLINE',
        },
      })
    const otherAppCert = testCertificateAuthority().issue(TEST_APP_ID, testKeys().app.publicKey)
    await expect(sim.cashier({ orderStr: freeze(otherAppCert), outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
      memo: expect.stringContaining('isv.app-cert-not-exist'),
    })
    await expect(
      sim.cashier({ orderStr: freeze(certificates.appCert), outcome: 'pay' }),
    ).resolves.toMatchObject({
      resultCode: '9000',
    })
  })

  it('refuses a public-key client for an app in certificate mode (the SNs are missing)', async () => {
    const publicKeyClient = createAlipayClient({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      alipayPublicKey: testKeys().simulator.publicKey,
      gateway: sim.gateway,
    })
    await expect(publicKeyClient.exec(QUERY, { trade_no: '1' })).rejects.toMatchObject({
      subCode: 'isv.missing-app-cert-sn',
    })
  })

  it("refuses answers when Alipay's certificate holds another key, naming the certificate variable", async () => {
    const error = await rejection(
      sim.client(undefined, { alipayPublicKey: testKeys().app.publicKey }).exec(QUERY, { trade_no: '1' }),
    )
    expect(error).toBeInstanceOf(AlipayUnavailableError)
    expect(error).toMatchObject({ reason: 'signature' })
    expect((error as Error).message).toContain('ALIPAY_PUBLIC_CERT_PATH')
  })

  it('sends notifies that verify in certificate mode; a tampered one does not', async () => {
    const merchant = await startNotifyReceiver()
    try {
      const { tradeNo } = await sim
        .client()
        .exec<{ tradeNo: string }>('alipay.trade.create', tradeBiz(), { notify_url: merchant.url })
      await expect(sim.pay(tradeNo)).resolves.toMatchObject({ resultCode: '9000' })
      await sim.notifier.idle()
      const [{ fields }] = merchant.received
      expect(sim.client().verifyNotify(fields)).toBe(true)
      expect(sim.client().verifyNotify({ ...fields, total_amount: '0.01' })).toBe(false)
      // A client holding an Alipay certificate for another key refuses it too.
      expect(sim.client(undefined, { alipayPublicKey: testKeys().app.publicKey }).verifyNotify(fields)).toBe(
        false,
      )
    } finally {
      await merchant.close()
    }
  })
})
