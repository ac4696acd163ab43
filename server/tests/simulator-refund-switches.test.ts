/**
 * What refunds send and how they misbehave on request: the trade_status_sync notify after a
 * partial and a full refund (verified with the official SDK's checkNotifySignV2), and the
 * POST /control switch `refunds: 'slow' | 'fail'`, as docs/dev/simulator-payments.md specifies.
 */
import { AlipaySdk } from 'alipay-sdk'
import { simulatedUserId } from '../alipay-simulator/buyers'
import { startNotifyReceiver, type NotifyReceiver } from '../alipay-simulator/notify-receiver'
import { testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

type Answer = Record<string, unknown>
let sequence = 0

describe('simulator refund notifies and switches', () => {
  const sim = simulatorForSuite({ notifyScheduleMs: [0, 30, 30] })
  const receivers: NotifyReceiver[] = []
  afterEach(async () => {
    await sim.control({ refunds: 'normal', notifies: 'deliver' })
    await sim.notifier.idle()
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()))
  })

  const exec = (method: string, biz: Record<string, unknown>) => sim.client().exec<Answer>(method, biz)

  /** A paid trade of 10.00 whose notifies go to a fresh receiver; the payment notify is consumed. */
  async function paidTrade() {
    const merchant = await startNotifyReceiver()
    receivers.push(merchant)
    const outTradeNo = `S${Date.now()}_${++sequence}`
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>(
      'alipay.trade.create',
      {
        out_trade_no: outTradeNo,
        total_amount: '10.00',
        subject: '退款通知 Refund notify',
        product_code: 'JSAPI_PAY',
        buyer_id: simulatedUserId('buyer-1'),
        op_app_id: TEST_APP_ID,
      },
      { notify_url: merchant.url },
    )
    await sim.pay(tradeNo)
    await sim.notifier.idle()
    merchant.received.splice(0)
    const refund = (amount: string, outRequestNo: string) =>
      exec('alipay.trade.refund', { trade_no: tradeNo, refund_amount: amount, out_request_no: outRequestNo })
    const refundQuery = (outRequestNo: string) =>
      exec('alipay.trade.fastpay.refund.query', { trade_no: tradeNo, out_request_no: outRequestNo })
    return { tradeNo, outTradeNo, merchant, refund, refundQuery }
  }

  it('notifies each refund: TRADE_SUCCESS after a partial one, TRADE_CLOSED after the last, signed', async () => {
    const { tradeNo, outTradeNo, merchant, refund } = await paidTrade()
    await refund('3.30', 'R1')
    await refund('3.30', 'R1') // a resend moves no money and sends nothing
    await refund('6.70', 'R2')
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(2)
    const [partial, full] = merchant.received.map(({ fields }) => fields)
    const common = {
      notify_type: 'trade_status_sync',
      app_id: TEST_APP_ID,
      sign_type: 'RSA2',
      trade_no: tradeNo,
      out_trade_no: outTradeNo,
      buyer_id: simulatedUserId('buyer-1'),
      seller_id: '2088000000000001',
      total_amount: '10.00',
    }
    expect(partial).toMatchObject({
      ...common,
      trade_status: 'TRADE_SUCCESS',
      out_biz_no: 'R1',
      refund_fee: '3.30',
    })
    expect(full).toMatchObject({
      ...common,
      trade_status: 'TRADE_CLOSED',
      out_biz_no: 'R2',
      refund_fee: '10.00',
    })
    expect(partial.gmt_refund).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/)
    expect(partial).not.toHaveProperty('gmt_close')
    expect(full.gmt_close).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(partial.notify_id).not.toBe(full.notify_id)

    const sdk = new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
      alipayPublicKey: sim.simulatorKeys.publicKey,
    })
    for (const fields of [partial, full]) {
      expect(sdk.checkNotifySignV2(fields)).toBe(true)
      expect(sim.client().verifyNotify(fields)).toBe(true)
      expect(sdk.checkNotifySignV2({ ...fields, refund_fee: '0.01' })).toBe(false)
    }
  })

  it('control answers the refund settings and refuses an unknown mode', async () => {
    await expect(sim.control({ refunds: 'slow', refundDelayMs: 80 })).resolves.toMatchObject({
      refunds: 'slow',
      refundDelayMs: 80,
    })
    await expect(sim.control({ refundDelayMs: 100 })).resolves.toMatchObject({ refunds: 'slow' })
    await expect(sim.control({ refunds: 'later' as never })).rejects.toThrow(/400/)
  })

  it('slow: answers 20000 (in doubt), goes through later; query and resend tell the truth', async () => {
    const { merchant, refund, refundQuery } = await paidTrade()
    await sim.control({ refunds: 'slow' })
    await expect(refund('4.00', 'R1')).rejects.toMatchObject({
      name: 'AlipayUnavailableError',
      reason: 'service',
    })
    expect(await refundQuery('R1')).not.toHaveProperty('refundStatus') // not through yet
    await expect(refund('4.00', 'R1')).rejects.toMatchObject({ reason: 'service' }) // still in doubt
    await expect(refund('4.50', 'R1')).rejects.toMatchObject({ subCode: 'ACQ.DISCORDANT_REPEAT_REQUEST' })
    // The refund on its way counts against the total.
    await expect(refund('6.01', 'R2')).rejects.toMatchObject({ subCode: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL' })

    await sim.notifier.idle()
    await expect(refundQuery('R1')).resolves.toMatchObject({
      refundStatus: 'REFUND_SUCCESS',
      refundAmount: '4.00',
    })
    await sim.control({ refunds: 'normal' })
    await expect(refund('4.00', 'R1')).resolves.toMatchObject({ fundChange: 'N', refundFee: '4.00' })
    expect(merchant.received.map(({ fields }) => fields.out_biz_no)).toEqual(['R1'])
  })

  it('fail: ACQ.SELLER_BALANCE_NOT_ENOUGH and no money moved; a done refund is still answered', async () => {
    const { tradeNo, merchant, refund, refundQuery } = await paidTrade()
    await refund('1.00', 'R1')
    await sim.control({ refunds: 'fail' })
    await expect(refund('2.00', 'R2')).rejects.toMatchObject({
      name: 'AlipayBusinessError',
      code: '40004',
      subCode: 'ACQ.SELLER_BALANCE_NOT_ENOUGH',
    })
    await expect(refund('1.00', 'R1')).resolves.toMatchObject({ fundChange: 'N', refundFee: '1.00' })
    expect(await refundQuery('R2')).not.toHaveProperty('refundStatus')
    await expect(exec('alipay.trade.query', { trade_no: tradeNo })).resolves.toMatchObject({
      refundFee: '1.00',
    })

    await sim.control({ refunds: 'normal' })
    await expect(refund('2.00', 'R2')).resolves.toMatchObject({ fundChange: 'Y', refundFee: '3.00' })
    await sim.notifier.idle()
    expect(merchant.received.map(({ fields }) => fields.out_biz_no)).toEqual(['R1', 'R2'])
  })
})
