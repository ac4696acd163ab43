/**
 * Asynchronous notifies: form-encoded, signed so the official SDK's checkNotifySignV2 accepts them
 * with the simulator's public key (and nobody else's), no empty fields, retried until the answer
 * is exactly `success`, lost in drop mode.
 */
import { AlipaySdk } from 'alipay-sdk'
import { simulatedUserId } from '../alipay-simulator/buyers'
import { generateRsaKeyPair } from '../alipay-simulator/dev-keys'
import { startNotifyReceiver, type NotifyReceiver } from '../alipay-simulator/notify-receiver'
import { createNotifier, parseNotifySchedule } from '../alipay-simulator/notifier'
import { readSimulatorPaymentEnv } from '../alipay-simulator/plugin'
import { signNotify } from '../alipay-simulator/signing'
import { testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

let sequence = 0

describe('simulator notifies', () => {
  const sim = simulatorForSuite({ notifyScheduleMs: [0, 30, 30, 30] })
  const receivers: NotifyReceiver[] = []
  afterEach(async () => {
    await sim.control({ notifies: 'deliver' })
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
  })

  const receiver = async (answers: string[] = []) => {
    const started = await startNotifyReceiver(answers)
    receivers.push(started)
    return started
  }
  const paidTrade = async (notifyUrl: string, subject = '测试商品 A+B 100%') => {
    const outTradeNo = `N${Date.now()}_${++sequence}`
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>(
      'alipay.trade.create',
      {
        out_trade_no: outTradeNo,
        total_amount: '79.00',
        subject,
        product_code: 'JSAPI_PAY',
        buyer_id: simulatedUserId('buyer-1'),
        op_app_id: TEST_APP_ID,
      },
      { notify_url: notifyUrl },
    )
    await expect(sim.pay(tradeNo)).resolves.toMatchObject({ resultCode: '9000' })
    return { tradeNo, outTradeNo }
  }

  it('POSTs a form the official SDK verifies (checkNotifySignV2), with the spec fields and none empty', async () => {
    const merchant = await receiver()
    const { tradeNo, outTradeNo } = await paidTrade(merchant.url)
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(1)
    const [{ fields, contentType }] = merchant.received
    expect(contentType).toMatch(/^application\/x-www-form-urlencoded/)
    expect(fields).toMatchObject({
      notify_type: 'trade_status_sync',
      app_id: TEST_APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: tradeNo,
      out_trade_no: outTradeNo,
      buyer_id: simulatedUserId('buyer-1'),
      seller_id: '2088000000000001',
      trade_status: 'TRADE_SUCCESS',
      total_amount: '79.00',
      receipt_amount: '79.00',
      buyer_pay_amount: '79.00',
      subject: '测试商品 A+B 100%',
    })
    for (const name of ['notify_time', 'notify_id', 'gmt_create', 'gmt_payment', 'sign'])
      expect(fields[name]).toEqual(expect.any(String))
    expect(fields.gmt_payment).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(Object.values(fields)).not.toContain('')

    // Through the shop's own door (AlipayClient.verifyNotify = checkNotifySignV2) and the SDK directly.
    expect(sim.client().verifyNotify(fields)).toBe(true)
    const sdk = new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
      alipayPublicKey: sim.simulatorKeys.publicKey,
    })
    expect(sdk.checkNotifySignV2(fields)).toBe(true)
    expect(sdk.checkNotifySignV2({ ...fields, total_amount: '0.01' })).toBe(false)
    // Verified with the app's key instead of Alipay's: refused.
    expect(sim.client(undefined, { alipayPublicKey: testKeys().app.publicKey }).verifyNotify(fields)).toBe(
      false,
    )
  })

  it('a notify signed with another key fails checkNotifySignV2', () => {
    const fields = {
      notify_type: 'trade_status_sync',
      notify_id: 'x1',
      app_id: TEST_APP_ID,
      sign_type: 'RSA2',
      trade_status: 'TRADE_SUCCESS',
      total_amount: '79.00',
    }
    const forged = signNotify(fields, generateRsaKeyPair().privateKey)
    expect(sim.client().verifyNotify(forged)).toBe(false)
    expect(sim.client().verifyNotify(signNotify(fields, testKeys().simulator.privateKey))).toBe(true)
  })

  it('retries until the body is exactly "success" (the receiver answers "fail" twice first)', async () => {
    const merchant = await receiver(['fail', 'fail'])
    await paidTrade(merchant.url)
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(3)
    const ids = merchant.received.map(({ fields }) => fields.notify_id)
    expect(new Set(ids).size).toBe(1) // the same notify, redelivered
    expect(merchant.received.every(({ fields }) => sim.client().verifyNotify(fields))).toBe(true)
    const attempts = sim.notifier.attempts().filter((attempt) => attempt.notifyId === ids[0])
    expect(attempts.map((attempt) => attempt.result)).toEqual(['rejected', 'rejected', 'success'])
  })

  it('counts only the exact body "success", and gives up after the last scheduled attempt', async () => {
    const merchant = await receiver(['success\n', ' success', 'SUCCESS', '<p>success</p>', 'success'])
    await paidTrade(merchant.url)
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(4) // schedule [0, 30, 30, 30]
  })

  it('sends nothing in drop mode (POST /control), and again after deliver', async () => {
    await expect(sim.control({ notifies: 'drop' })).resolves.toMatchObject({ notifies: 'drop' })
    const merchant = await receiver()
    const { tradeNo } = await paidTrade(merchant.url)
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(0)
    // The trade is paid all the same: the shop finds out with alipay.trade.query.
    await expect(sim.client().exec('alipay.trade.query', { trade_no: tradeNo })).resolves.toMatchObject({
      tradeStatus: 'TRADE_SUCCESS',
    })
    await sim.control({ notifies: 'deliver' })
    await paidTrade(merchant.url)
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(1)
  })

  it('keeps retrying an unreachable notify_url without failing the payment', async () => {
    const gone = await startNotifyReceiver()
    await gone.close()
    await paidTrade(gone.url)
    await sim.notifier.idle()
    const attempts = sim.notifier.attempts().filter((attempt) => attempt.url === gone.url)
    expect(attempts.map((attempt) => attempt.result)).toEqual(['error', 'error', 'error', 'error'])
  })
})

describe('notifier lifecycle and settings', () => {
  it('close() cancels pending retries and settles idle()', async () => {
    const merchant = await startNotifyReceiver([], 'fail')
    const notifier = createNotifier({ scheduleMs: [0, 60_000] })
    try {
      notifier.send(merchant.url, { notify_id: 'n1', a: 'b' })
      const idle = notifier.idle()
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(merchant.received).toHaveLength(1)
      notifier.close()
      await idle
      notifier.send(merchant.url, { notify_id: 'n2' })
      await notifier.idle()
      expect(merchant.received).toHaveLength(1)
    } finally {
      notifier.close()
      await merchant.close()
    }
  })

  it('reads ALIPAY_SIM_NOTIFY_SCHEDULE_MS and ALIPAY_SIM_PROCESSING_DELAY_MS', () => {
    expect(parseNotifySchedule('0, 2000,5000')).toEqual([0, 2000, 5000])
    expect(() => parseNotifySchedule('0,-1')).toThrow(/ALIPAY_SIM_NOTIFY_SCHEDULE_MS/)
    expect(() => parseNotifySchedule('')).toThrow()
    expect(
      readSimulatorPaymentEnv({
        ALIPAY_SIM_NOTIFY_SCHEDULE_MS: '0,10',
        ALIPAY_SIM_PROCESSING_DELAY_MS: '50',
      }),
    ).toEqual({ notifyScheduleMs: [0, 10], processingDelayMs: 50 })
    expect(readSimulatorPaymentEnv({})).toEqual({ notifyScheduleMs: undefined, processingDelayMs: undefined })
    expect(() => readSimulatorPaymentEnv({ ALIPAY_SIM_PROCESSING_DELAY_MS: '2s' })).toThrow(
      /ALIPAY_SIM_PROCESSING_DELAY_MS/,
    )
  })
})
