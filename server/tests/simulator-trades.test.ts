/**
 * alipay.trade.create / query / close through the simulator's gateway, driven by the real
 * alipay-sdk (via AlipayClient, which verifies every response signature), as docs/dev/
 * simulator-payments.md specifies them. Refunds: simulator-refunds.test.ts.
 */
import { AlipaySdk } from 'alipay-sdk'
import { simulatedOpenId, simulatedUserId } from '../alipay-simulator/buyers'
import { generateRsaKeyPair } from '../alipay-simulator/dev-keys'
import { sdkVerificationOptions, testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import type { AlipayClient } from '../alipay/client'
import { simulatorForSuite } from '../testing/suites'

const OPEN_APP_ID = '2021000000000077'
const BUYER_1 = simulatedUserId('buyer-1')
let sequence = 0
const outTradeNo = () => `T${Date.now()}_${++sequence}`

type Trade = { tradeNo: string; outTradeNo: string }
type Query = Record<string, string>

const createBiz = (overrides: Record<string, unknown> = {}) => ({
  out_trade_no: outTradeNo(),
  total_amount: '79.00',
  subject: '测试商品 Test item',
  product_code: 'JSAPI_PAY',
  buyer_id: BUYER_1,
  op_app_id: TEST_APP_ID,
  ...overrides,
})

describe('simulator trades', () => {
  let clock = Date.parse('2024-05-01T04:00:00Z') // 12:00 China time
  const sim = simulatorForSuite({
    apps: [
      { appId: TEST_APP_ID, keys: testKeys().app },
      { appId: OPEN_APP_ID, keys: testKeys().app, idMode: 'open_id' },
    ],
    now: () => clock,
  })
  let client: AlipayClient
  beforeAll(() => {
    client = sim.client()
  })

  const create = (biz = createBiz(), c = client) =>
    c.exec<Trade & { code: string }>('alipay.trade.create', biz)
  const query = (by: Record<string, string>, c = client) => c.exec<Query>('alipay.trade.query', by)
  const rejection = (promise: Promise<unknown>, subCode: string) =>
    expect(promise).rejects.toMatchObject({ name: 'AlipayBusinessError', code: '40004', subCode })

  it('creates a WAIT_BUYER_PAY trade bound to its buyer, readable by trade_no and out_trade_no', async () => {
    const biz = createBiz({ total_amount: '0.5' })
    const created = await create(biz)
    expect(created).toMatchObject({ code: '10000', msg: 'Success', outTradeNo: biz.out_trade_no })
    expect(created.tradeNo).toMatch(/^20240501\d{20}$/)
    const expected = {
      tradeNo: created.tradeNo,
      outTradeNo: biz.out_trade_no,
      tradeStatus: 'WAIT_BUYER_PAY',
      totalAmount: '0.50',
      buyerUserId: BUYER_1,
    }
    await expect(query({ trade_no: created.tradeNo })).resolves.toMatchObject(expected)
    await expect(query({ out_trade_no: biz.out_trade_no })).resolves.toMatchObject(expected)
    expect(await query({ trade_no: created.tradeNo })).not.toHaveProperty('sendPayDate')
  })

  it('answers through the method key with a signature the SDK verifies (and rejects a wrong key)', async () => {
    const sdk = new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
      ...sdkVerificationOptions(),
      gateway: sim.gateway,
    })
    const missing = await sdk.exec(
      'alipay.trade.query',
      { bizContent: { trade_no: 'nope' } },
      { validateSign: true },
    )
    expect(missing).toMatchObject({ code: '40004', msg: 'Business Failed', subCode: 'ACQ.TRADE_NOT_EXIST' })
    const wrongKey = sim.client(undefined, { alipayPublicKey: generateRsaKeyPair().publicKey })
    await expect(wrongKey.exec('alipay.trade.create', createBiz())).rejects.toMatchObject({
      reason: 'signature',
    })
  })

  it('is idempotent per out_trade_no and refuses different parameters', async () => {
    const biz = createBiz()
    const first = await create(biz)
    await expect(create(biz)).resolves.toMatchObject({ tradeNo: first.tradeNo })
    await rejection(create({ ...biz, total_amount: '79.01' }), 'ACQ.CONTEXT_INCONSISTENT')
    await rejection(create({ ...biz, buyer_id: simulatedUserId('buyer-2') }), 'ACQ.CONTEXT_INCONSISTENT')
    // out_trade_no belongs to one app: another app's trade of the same number does not exist for us.
    await rejection(query({ out_trade_no: biz.out_trade_no }, sim.client(OPEN_APP_ID)), 'ACQ.TRADE_NOT_EXIST')
  })

  it('refuses paid and closed trades on create, with their own sub codes', async () => {
    const paid = createBiz()
    const { tradeNo } = await create(paid)
    await expect(sim.pay(tradeNo)).resolves.toMatchObject({ resultCode: '9000' })
    await rejection(create(paid), 'ACQ.TRADE_HAS_SUCCESS')
    const closed = createBiz()
    await create(closed)
    await client.exec('alipay.trade.close', { out_trade_no: closed.out_trade_no })
    await rejection(create(closed), 'ACQ.TRADE_HAS_CLOSE')
  })

  it.each([
    ['a missing out_trade_no', { out_trade_no: undefined }],
    ['a bad out_trade_no', { out_trade_no: 'has space' }],
    ['a number amount', { total_amount: 79 }],
    ['three decimals', { total_amount: '79.001' }],
    ['a zero amount', { total_amount: '0.00' }],
    ['an exponent', { total_amount: '1e3' }],
    ['too much', { total_amount: '100000000.01' }],
    ['another product', { product_code: 'FACE_TO_FACE_PAYMENT' }],
    ['another op_app_id', { op_app_id: '2021000000000099' }],
    ['no buyer', { buyer_id: undefined }],
    ['both buyer ids', { buyer_open_id: 'x' }],
    ['a malformed buyer_id', { buyer_id: '1234' }],
    ['an empty subject', { subject: ' ' }],
    ['a subject with &', { subject: 'a&b' }],
    ['a malformed time_expire', { time_expire: '2024-05-01T13:00:00' }],
    ['an impossible time_expire', { time_expire: '2024-02-30 13:00:00' }],
    ['a past time_expire', { time_expire: '2024-05-01 11:59:59' }],
    ['a bad timeout_express', { timeout_express: '16d' }],
  ])('answers ACQ.INVALID_PARAMETER to %s', async (_name, overrides) => {
    await rejection(create(createBiz(overrides)), 'ACQ.INVALID_PARAMETER')
  })

  it('refuses a notify_url that is not http(s)', async () => {
    await rejection(
      client.exec('alipay.trade.create', createBiz(), { notify_url: 'javascript:alert(1)' }),
      'ACQ.INVALID_PARAMETER',
    )
  })

  it('answers ACQ.BUYER_NOT_EXIST to a buyer_id for an OpenID app, and binds buyer_open_id', async () => {
    const openClient = sim.client(OPEN_APP_ID)
    await rejection(create(createBiz({ op_app_id: OPEN_APP_ID }), openClient), 'ACQ.BUYER_NOT_EXIST')
    const openId = simulatedOpenId(OPEN_APP_ID, 'buyer-2')
    const biz = createBiz({ op_app_id: OPEN_APP_ID, buyer_id: undefined, buyer_open_id: openId })
    const { tradeNo } = await create(biz, openClient)
    const answer = await query({ trade_no: tradeNo }, openClient)
    expect(answer).toMatchObject({ buyerOpenId: openId })
    expect(answer).not.toHaveProperty('buyerUserId')
  })

  it('reads a trade past its time_expire (China time) as TRADE_CLOSED, to query, close and the cashier', async () => {
    const { tradeNo } = await create(createBiz({ time_expire: '2024-05-01 12:30:00' }))
    const start = clock
    try {
      clock = Date.parse('2024-05-01T04:29:59Z')
      await expect(query({ trade_no: tradeNo })).resolves.toMatchObject({ tradeStatus: 'WAIT_BUYER_PAY' })
      clock = Date.parse('2024-05-01T04:30:00Z')
      await expect(query({ trade_no: tradeNo })).resolves.toMatchObject({ tradeStatus: 'TRADE_CLOSED' })
      await rejection(client.exec('alipay.trade.close', { trade_no: tradeNo }), 'ACQ.TRADE_STATUS_ERROR')
      await expect(sim.pay(tradeNo)).resolves.toMatchObject({ resultCode: '4000' })
    } finally {
      clock = start
    }
    const { tradeNo: short } = await create(createBiz({ timeout_express: '15m' }))
    clock += 15 * 60_000
    try {
      await expect(query({ trade_no: short })).resolves.toMatchObject({ tradeStatus: 'TRADE_CLOSED' })
    } finally {
      clock = start
    }
  })

  it('closes only WAIT_BUYER_PAY trades', async () => {
    const { tradeNo, outTradeNo: out } = await create()
    await expect(client.exec('alipay.trade.close', { out_trade_no: out })).resolves.toMatchObject({
      code: '10000',
      tradeNo,
      outTradeNo: out,
    })
    await expect(query({ trade_no: tradeNo })).resolves.toMatchObject({ tradeStatus: 'TRADE_CLOSED' })
    await rejection(client.exec('alipay.trade.close', { trade_no: tradeNo }), 'ACQ.TRADE_STATUS_ERROR')
    await rejection(client.exec('alipay.trade.close', { trade_no: 'missing' }), 'ACQ.TRADE_NOT_EXIST')
    const paid = await create()
    await sim.pay(paid.tradeNo)
    await rejection(client.exec('alipay.trade.close', { trade_no: paid.tradeNo }), 'ACQ.TRADE_STATUS_ERROR')
    await rejection(client.exec('alipay.trade.close', {}), 'ACQ.INVALID_PARAMETER')
  })

  it('reports a payment: TRADE_SUCCESS with send_pay_date (China time) and the amounts', async () => {
    const { tradeNo } = await create()
    await sim.pay(tradeNo)
    await expect(query({ trade_no: tradeNo })).resolves.toMatchObject({
      tradeStatus: 'TRADE_SUCCESS',
      sendPayDate: '2024-05-01 12:00:00',
      buyerPayAmount: '79.00',
      receiptAmount: '79.00',
    })
  })
})
