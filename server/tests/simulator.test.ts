/**
 * The Alipay Open API simulator on its own: request signatures, the response envelope the SDK
 * needs, the error codes Alipay uses, and auth codes (single-use, expiring, bound to an app,
 * user_id or open_id).
 */
import { createVerify } from 'node:crypto'
import { AlipaySdk } from 'alipay-sdk'
import { signText } from '../alipay-simulator/signing'
import { simulatedOpenId } from '../alipay-simulator/buyers'
import { generateRsaKeyPair } from '../alipay-simulator/dev-keys'
import {
  startSimulator,
  testKeys,
  TEST_APP_ID,
  type SimulatorHarness,
} from '../alipay-simulator/test-harness'
import { createMethodRegistry, gatewayError, type MethodRegistry } from '../alipay-simulator/plugin'
import { simulatorForSuite } from '../testing/suites'

const OAUTH = 'alipay.system.oauth.token'
const RESPONSE_KEY = 'alipay_system_oauth_token_response'

const exchange = (sim: SimulatorHarness, code: string, appId?: string) =>
  sim
    .client(appId)
    .exec<{ userId?: string; openId?: string }>(OAUTH, undefined, { grant_type: 'authorization_code', code })

/** A request as alipay-sdk sends it, signed by hand: common params in the query, the rest in a form. */
async function rawCall(
  sim: SimulatorHarness,
  query: Record<string, string>,
  form: Record<string, string>,
  privateKey: string,
) {
  const all: Record<string, string> = { ...query, ...form }
  // Signed the way Alipay documents it (written out here, not via the simulator's own helper):
  // non-empty parameters except sign, sorted, k=v joined with &.
  const content = Object.keys(all)
    .filter((key) => all[key] !== '')
    .sort()
    .map((key) => `${key}=${all[key]}`)
    .join('&')
  const sign = signText(content, privateKey)
  const url = `${sim.gateway}?${new URLSearchParams({ ...query, sign })}`
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(form).toString(),
  })
  return { status: response.status, text: await response.text() }
}

const commonParams = (method: string, appId = TEST_APP_ID) => ({
  app_id: appId,
  method,
  charset: 'utf-8',
  version: '1.0',
  sign_type: 'RSA2',
  timestamp: '2024-05-01 12:00:00',
})

describe('simulator gateway', () => {
  // The raw public-key protocol, signed by hand; alipay-cert-mode.test.ts covers certificate mode.
  const sim = simulatorForSuite({ keyMode: 'public-key' })

  it('answers {"<method>_response":…,"sign":…} with the sign last, over the exact inner text', async () => {
    const { authCode } = await sim.issueAuthCode()
    const { status, text } = await rawCall(
      sim,
      commonParams(OAUTH),
      { grant_type: 'authorization_code', code: authCode },
      testKeys().app.privateKey,
    )
    expect(status).toBe(200)
    const match = new RegExp(`^\\{"${RESPONSE_KEY}":(\\{.*\\}),"sign":"([^"]+)"\\}$`).exec(text)
    expect(match).not.toBeNull()
    const [, inner, sign] = match as RegExpExecArray
    expect(
      createVerify('RSA-SHA256').update(inner, 'utf8').verify(sim.simulatorKeys.publicKey, sign, 'base64'),
    ).toBe(true)
    expect(JSON.parse(inner)).toHaveProperty('user_id')
  })

  it('drops empty parameters before checking the signature, like the real gateway', async () => {
    const { authCode } = await sim.issueAuthCode()
    const { text } = await rawCall(
      sim,
      { ...commonParams(OAUTH), app_auth_token: '' },
      { grant_type: 'authorization_code', code: authCode },
      testKeys().app.privateKey,
    )
    expect(JSON.parse(text)[RESPONSE_KEY]).toHaveProperty('user_id')
  })

  it('rejects what the real gateway rejects: alipay-sdk signing an empty-string parameter', async () => {
    const sdk = new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
      alipayPublicKey: sim.simulatorKeys.publicKey,
      gateway: sim.gateway,
    })
    const { authCode } = await sim.issueAuthCode()
    const params = { grant_type: 'authorization_code', code: authCode }
    await expect(
      sdk.exec(OAUTH, { ...params, app_auth_token: '' }, { validateSign: true }),
    ).resolves.toMatchObject({
      subCode: 'isv.invalid-signature',
    })
  })

  it('answers isv.invalid-signature to a request signed with the wrong app key', async () => {
    const stranger = generateRsaKeyPair()
    await expect(exchange(sim, (await sim.issueAuthCode()).authCode)).resolves.toHaveProperty('userId')
    const client = sim.client(undefined, { privateKey: stranger.privateKey })
    await expect(
      client.exec(OAUTH, undefined, {
        grant_type: 'authorization_code',
        code: (await sim.issueAuthCode()).authCode,
      }),
    ).rejects.toMatchObject({ name: 'AlipayBusinessError', code: '40002', subCode: 'isv.invalid-signature' })

    const { text } = await rawCall(
      sim,
      commonParams(OAUTH),
      { grant_type: 'authorization_code', code: 'x' },
      stranger.privateKey,
    )
    const body = JSON.parse(text)
    expect(body[RESPONSE_KEY]).toMatchObject({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-signature',
    })
    expect(body[RESPONSE_KEY].sub_msg).toMatch(/^验签出错/)
    expect(body).toHaveProperty('sign')
    expect(body).not.toHaveProperty('error_response')
  })

  it('answers isv.invalid-app-id for an unknown app and isv.invalid-method for an unknown method', async () => {
    const unknownApp = sim.client('2021999999999999', { privateKey: testKeys().app.privateKey })
    await expect(
      unknownApp.exec(OAUTH, undefined, { grant_type: 'authorization_code', code: 'x' }),
    ).rejects.toMatchObject({
      code: '40002',
      subCode: 'isv.invalid-app-id',
    })
    await expect(sim.client().exec('alipay.no.such.method', { outTradeNo: '1' })).rejects.toMatchObject({
      code: '40002',
      subCode: 'isv.invalid-method',
    })
  })

  it('has a method registry that later issues extend without touching the gateway', async () => {
    const methods: MethodRegistry = createMethodRegistry()
    methods.set('alipay.trade.query', ({ bizContent }) =>
      bizContent?.out_trade_no === 'known'
        ? { code: '10000', msg: 'Success', out_trade_no: 'known', trade_status: 'WAIT_BUYER_PAY' }
        : gatewayError.businessFailed('ACQ.TRADE_NOT_EXIST', '交易不存在'),
    )
    const extended = await startSimulator({ methods })
    try {
      // bizContent keys are snake_cased by the SDK on the way in, camelCased on the way out.
      await expect(
        extended.client().exec('alipay.trade.query', { outTradeNo: 'known' }),
      ).resolves.toMatchObject({
        tradeStatus: 'WAIT_BUYER_PAY',
      })
      await expect(
        extended.client().exec('alipay.trade.query', { outTradeNo: 'other' }),
      ).rejects.toMatchObject({
        name: 'AlipayBusinessError',
        code: '40004',
        subCode: 'ACQ.TRADE_NOT_EXIST',
      })
    } finally {
      await extended.close()
    }
  })
})

describe('simulator auth codes', () => {
  const otherApp = { appId: '2021000000000043', keys: generateRsaKeyPair(), idMode: 'open_id' as const }
  let now = Date.parse('2024-05-01T04:00:00Z')
  const sim = simulatorForSuite({
    apps: [{ appId: TEST_APP_ID, keys: testKeys().app }, otherApp],
    authCodeTtlSeconds: 60,
    now: () => now,
  })

  it('are single-use', async () => {
    const { authCode } = await sim.issueAuthCode()
    await expect(exchange(sim, authCode)).resolves.toHaveProperty('userId')
    await expect(exchange(sim, authCode)).rejects.toMatchObject({
      code: '40002',
      subCode: 'isv.code-invalid',
    })
  })

  it('expire after the configured time', async () => {
    const issuedAt = now
    const early = await sim.issueAuthCode()
    const late = await sim.issueAuthCode()
    expect(Date.parse(late.expiresAt)).toBe(issuedAt + 60_000)
    now += 59_000
    await expect(exchange(sim, early.authCode)).resolves.toHaveProperty('userId')
    now += 1_000
    await expect(exchange(sim, late.authCode)).rejects.toMatchObject({ subCode: 'isv.code-invalid' })
  })

  it('are refused when unknown', async () => {
    await expect(exchange(sim, 'deadbeef')).rejects.toMatchObject({ subCode: 'isv.code-invalid' })
  })

  it('are bound to the app they were issued for', async () => {
    const forOther = await sim.issueAuthCode('buyer-1', otherApp.appId)
    await expect(exchange(sim, forOther.authCode, TEST_APP_ID)).rejects.toMatchObject({
      subCode: 'isv.code-invalid',
    })
    const forOtherAgain = await sim.issueAuthCode('buyer-1', otherApp.appId)
    await expect(exchange(sim, forOtherAgain.authCode, otherApp.appId)).resolves.toHaveProperty('openId')
  })

  it('give user_id in user_id mode and a per-app open_id in open_id mode', async () => {
    const legacy = await sim.issueAuthCode('buyer-3', TEST_APP_ID)
    const legacyResult = await exchange(sim, legacy.authCode, TEST_APP_ID)
    expect(legacyResult.userId).toBe(legacy.buyer.userId)
    expect(legacyResult.userId).toMatch(/^2088\d{12}$/)
    expect(legacyResult).not.toHaveProperty('openId')

    const openIdApp = await sim.issueAuthCode('buyer-3', otherApp.appId)
    const openIdResult = await exchange(sim, openIdApp.authCode, otherApp.appId)
    expect(openIdResult).not.toHaveProperty('userId')
    expect(openIdResult.openId).toBe(openIdApp.buyer.openId)
    expect(openIdResult.openId).toBe(simulatedOpenId(otherApp.appId, 'buyer-3'))
    // Per app: the same buyer has another open_id in another app.
    expect(simulatedOpenId(TEST_APP_ID, 'buyer-3')).not.toBe(openIdResult.openId)
  })

  it('are issued only for registered apps and well-formed buyer keys', async () => {
    const post = (body: unknown) =>
      fetch(`${sim.base}/auth-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const unknownApp = await post({ appId: 'nope' })
    expect(unknownApp.status).toBe(400)
    expect(await unknownApp.json()).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('nope'),
    })
    expect((await post({ buyer: 'has space' })).status).toBe(400)
    const byDefault = await post({})
    expect(byDefault.status).toBe(201)
    expect(await byDefault.json()).toMatchObject({ appId: TEST_APP_ID, buyer: { key: 'buyer-1' } })
  })
})
