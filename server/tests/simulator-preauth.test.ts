/**
 * Pre-authorization: an orderStr built by the real SDK's sdkExecute is verified with the app's
 * public key, frozen by the cashier (fund_auth_freeze notify, 9000) and readable with
 * alipay.fund.auth.operation.detail.query; anything tampered with is refused with 4000.
 */
import { AlipaySdk } from 'alipay-sdk'
import { simulatedOpenId, simulatedUserId } from '../alipay-simulator/buyers'
import { generateRsaKeyPair } from '../alipay-simulator/dev-keys'
import { startNotifyReceiver, type NotifyReceiver } from '../alipay-simulator/notify-receiver'
import { sdkVerificationOptions, testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

const OPEN_APP_ID = '2021000000000078'
let sequence = 0

describe('simulator pre-authorization (orderStr)', () => {
  const sim = simulatorForSuite({
    apps: [
      { appId: TEST_APP_ID, keys: testKeys().app },
      { appId: OPEN_APP_ID, keys: testKeys().app, idMode: 'open_id' },
    ],
  })
  let merchant: NotifyReceiver
  beforeAll(async () => {
    merchant = await startNotifyReceiver()
  })
  afterAll(async () => {
    await merchant.close()
  })

  const orderStr = (
    overrides: Record<string, unknown> = {},
    { appId = TEST_APP_ID, privateKey = testKeys().app.privateKey } = {},
  ) => {
    const sdk = new AlipaySdk({ appId, privateKey, keyType: 'PKCS8', ...sdkVerificationOptions(appId) })
    const biz = {
      out_order_no: `O${Date.now()}_${++sequence}`,
      out_request_no: `R${Date.now()}_${sequence}`,
      order_title: '租借押金 Deposit',
      amount: '99.00',
      product_code: 'PRE_AUTH_ONLINE',
      ...overrides,
    }
    return {
      biz,
      orderStr: sdk.sdkExecute('alipay.fund.auth.order.app.freeze', {
        notifyUrl: merchant.url,
        bizContent: biz,
      }),
    }
  }
  const detail = (biz: { out_order_no: string; out_request_no: string }, appId = TEST_APP_ID) =>
    sim.client(appId).exec<Record<string, string>>('alipay.fund.auth.operation.detail.query', {
      out_order_no: biz.out_order_no,
      out_request_no: biz.out_request_no,
    })

  it('freezes, answers 9000, sends a verifiable fund_auth_freeze notify, and the detail query finds it', async () => {
    const { biz, orderStr: str } = orderStr()
    const before = merchant.received.length
    await expect(sim.cashier({ orderStr: str, outcome: 'pay', buyer: 'buyer-2' })).resolves.toMatchObject({
      resultCode: '9000',
    })
    await sim.notifier.idle()
    const notifies = merchant.received.slice(before)
    expect(notifies).toHaveLength(1)
    const { fields } = notifies[0]
    expect(fields).toMatchObject({
      notify_type: 'fund_auth_freeze',
      app_id: TEST_APP_ID,
      out_order_no: biz.out_order_no,
      out_request_no: biz.out_request_no,
      amount: '99.00',
      total_freeze_amount: '99.00',
      status: 'SUCCESS',
      payer_user_id: simulatedUserId('buyer-2'),
    })
    expect(fields.auth_no).toMatch(/^\d+$/)
    expect(fields.operation_id).toMatch(/^\d+$/)
    expect(fields.gmt_trans).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(Object.values(fields)).not.toContain('')
    expect(sim.client().verifyNotify(fields)).toBe(true)

    await expect(detail(biz)).resolves.toMatchObject({
      code: '10000',
      authNo: fields.auth_no,
      operationId: fields.operation_id,
      status: 'SUCCESS',
      amount: '99.00',
    })
    await expect(
      sim.client().exec('alipay.fund.auth.operation.detail.query', {
        auth_no: fields.auth_no,
        operation_id: fields.operation_id,
      }),
    ).resolves.toMatchObject({ outOrderNo: biz.out_order_no })
    // The same orderStr again: already frozen.
    await expect(sim.cashier({ orderStr: str, outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
    })
  })

  it('uses payer_open_id for an OpenID app', async () => {
    const { orderStr: str } = orderStr({}, { appId: OPEN_APP_ID })
    const before = merchant.received.length
    await sim.cashier({ orderStr: str, outcome: 'pay' })
    await sim.notifier.idle()
    expect(merchant.received[before].fields).toMatchObject({
      payer_open_id: simulatedOpenId(OPEN_APP_ID, 'buyer-1'),
    })
    expect(merchant.received[before].fields).not.toHaveProperty('payer_user_id')
  })

  it('does not freeze on cancel, and the detail query answers not found', async () => {
    const { biz, orderStr: str } = orderStr()
    await expect(sim.cashier({ orderStr: str, outcome: 'cancel' })).resolves.toMatchObject({
      resultCode: '6001',
    })
    await expect(detail(biz)).rejects.toMatchObject({ code: '40004', subCode: 'AUTH_OPERATION_NOT_EXIST' })
  })

  it('refuses a tampered orderStr, another key, and a non-freeze method with 4000', async () => {
    const { biz, orderStr: str } = orderStr()
    const tampered = str.replace(encodeURIComponent('"99.00"'), encodeURIComponent('"0.01"'))
    expect(tampered).not.toBe(str)
    await expect(sim.cashier({ orderStr: tampered, outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
    })
    const stranger = orderStr({}, { privateKey: generateRsaKeyPair().privateKey })
    await expect(sim.cashier({ orderStr: stranger.orderStr, outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
    })
    const otherMethod = new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
    }).sdkExecute('alipay.trade.app.pay', {
      bizContent: { out_trade_no: 'x', total_amount: '1.00', subject: 'x' },
    })
    await expect(sim.cashier({ orderStr: otherMethod, outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
    })
    const badAmount = orderStr({ amount: '1.001' })
    await expect(sim.cashier({ orderStr: badAmount.orderStr, outcome: 'pay' })).resolves.toMatchObject({
      resultCode: '4000',
    })
    await expect(detail(biz)).rejects.toMatchObject({ subCode: 'AUTH_OPERATION_NOT_EXIST' })
  })

  it('shows the freeze on the HTML cashier page', async () => {
    const { orderStr: str } = orderStr()
    const page = await (await fetch(`${sim.base}/cashier?${new URLSearchParams({ orderStr: str })}`)).text()
    expect(page).toContain('租借押金 Deposit')
    expect(page).toContain('¥99.00')
    expect(page).toContain('<code>9000</code>')
  })
})
