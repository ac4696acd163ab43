/**
 * alipay.trade.refund and alipay.trade.fastpay.refund.query through the simulator's gateway,
 * driven by the official alipay-sdk (via AlipayClient, which verifies every response signature),
 * as docs/dev/simulator-payments.md specifies them.
 */
import { simulatedUserId } from '../alipay-simulator/buyers'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

type Answer = Record<string, unknown>
let sequence = 0

describe('simulator refunds', () => {
  const sim = simulatorForSuite()

  const exec = (method: string, biz: Record<string, unknown>) => sim.client().exec<Answer>(method, biz)
  const rejection = (promise: Promise<unknown>, subCode: string) =>
    expect(promise).rejects.toMatchObject({ name: 'AlipayBusinessError', code: '40004', subCode })

  /** A trade of `total` yuan, paid unless `paid` is false. */
  async function trade(total = '10.00', paid = true) {
    const outTradeNo = `R${Date.now()}_${++sequence}`
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>('alipay.trade.create', {
      out_trade_no: outTradeNo,
      total_amount: total,
      subject: '退款测试 Refund test',
      product_code: 'JSAPI_PAY',
      buyer_id: simulatedUserId('buyer-1'),
      op_app_id: TEST_APP_ID,
    })
    if (paid) await sim.pay(tradeNo)
    const refund = (amount: string, outRequestNo?: string, extra: Record<string, unknown> = {}) =>
      exec('alipay.trade.refund', {
        trade_no: tradeNo,
        refund_amount: amount,
        ...(outRequestNo === undefined ? {} : { out_request_no: outRequestNo }),
        ...extra,
      })
    const refundQuery = (outRequestNo: string, extra: Record<string, unknown> = {}) =>
      exec('alipay.trade.fastpay.refund.query', {
        out_trade_no: outTradeNo,
        out_request_no: outRequestNo,
        ...extra,
      })
    const query = () => exec('alipay.trade.query', { trade_no: tradeNo })
    return { tradeNo, outTradeNo, refund, refundQuery, query }
  }

  it('adds partial refunds up to the total, which closes the trade', async () => {
    const { tradeNo, refund, query } = await trade('10.00')
    await expect(refund('3.30', 'R1')).resolves.toMatchObject({
      code: '10000',
      tradeNo,
      fundChange: 'Y',
      refundFee: '3.30',
      buyerUserId: simulatedUserId('buyer-1'),
      gmtRefundPay: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    })
    await expect(query()).resolves.toMatchObject({ tradeStatus: 'TRADE_SUCCESS', refundFee: '3.30' })
    await expect(refund('6.70', 'R2')).resolves.toMatchObject({ fundChange: 'Y', refundFee: '10.00' })
    await expect(query()).resolves.toMatchObject({ tradeStatus: 'TRADE_CLOSED', refundFee: '10.00' })
    await rejection(refund('0.01', 'R3'), 'ACQ.TRADE_STATUS_ERROR')
  })

  it('never refunds more than the total: ACQ.REFUND_AMT_NOT_EQUAL_TOTAL, nothing moved', async () => {
    const { refund, refundQuery, query } = await trade('10.00')
    await rejection(refund('10.01', 'R0'), 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL')
    await expect(refund('6.00', 'R1')).resolves.toMatchObject({ refundFee: '6.00' })
    await rejection(refund('4.01', 'R2'), 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL')
    expect(await refundQuery('R2')).not.toHaveProperty('refundStatus')
    await expect(query()).resolves.toMatchObject({ tradeStatus: 'TRADE_SUCCESS', refundFee: '6.00' })
    await expect(refund('4.00', 'R2')).resolves.toMatchObject({ refundFee: '10.00' })
  })

  it('refunds once per out_request_no: a resend answers fund_change N and the current refund_fee', async () => {
    const { refund, refundQuery, query } = await trade('10.00')
    await expect(refund('3.30', 'R1')).resolves.toMatchObject({ fundChange: 'Y', refundFee: '3.30' })
    await expect(refund('3.30', 'R1')).resolves.toMatchObject({ fundChange: 'N', refundFee: '3.30' })
    await expect(refund('1.00', 'R2')).resolves.toMatchObject({ fundChange: 'Y', refundFee: '4.30' })
    await expect(refund('3.30', 'R1')).resolves.toMatchObject({ fundChange: 'N', refundFee: '4.30' })
    await expect(query()).resolves.toMatchObject({ refundFee: '4.30' })
    await expect(refundQuery('R1')).resolves.toMatchObject({ refundAmount: '3.30' })
    // Even once the trade is closed, a resend is answered, not refused.
    await refund('5.70', 'R3')
    await expect(refund('1.00', 'R2')).resolves.toMatchObject({ fundChange: 'N', refundFee: '10.00' })
  })

  it('refuses the same out_request_no with another amount: ACQ.DISCORDANT_REPEAT_REQUEST', async () => {
    const { refund, query } = await trade('10.00')
    await refund('3.30', 'R1')
    await rejection(refund('3.31', 'R1'), 'ACQ.DISCORDANT_REPEAT_REQUEST')
    await rejection(refund('1.00', 'R1'), 'ACQ.DISCORDANT_REPEAT_REQUEST')
    await expect(query()).resolves.toMatchObject({ refundFee: '3.30' })
  })

  it('answers ACQ.* errors for bad input, an unpaid trade and a missing trade', async () => {
    const unpaid = await trade('10.00', false)
    await rejection(unpaid.refund('1.00', 'R1'), 'ACQ.TRADE_STATUS_ERROR')
    const { refund } = await trade('10.00')
    await rejection(refund('0.001', 'R1'), 'ACQ.INVALID_PARAMETER')
    await rejection(refund('0.00', 'R1'), 'ACQ.INVALID_PARAMETER')
    await rejection(refund('1.00', 'R1'.repeat(40)), 'ACQ.INVALID_PARAMETER')
    await rejection(
      exec('alipay.trade.refund', { out_trade_no: 'nope', refund_amount: '1.00', out_request_no: 'R1' }),
      'ACQ.TRADE_NOT_EXIST',
    )
  })

  it('takes the out_trade_no as out_request_no when none is sent (Alipay’s default)', async () => {
    const { outTradeNo, refund, refundQuery } = await trade('10.00')
    await expect(refund('10.00')).resolves.toMatchObject({ fundChange: 'Y', refundFee: '10.00' })
    await expect(refundQuery(outTradeNo)).resolves.toMatchObject({
      outRequestNo: outTradeNo,
      refundStatus: 'REFUND_SUCCESS',
    })
    await expect(refund('10.00', outTradeNo)).resolves.toMatchObject({ fundChange: 'N' })
  })

  it('refund query: REFUND_SUCCESS with the documented fields; extra fields only on query_options', async () => {
    const { tradeNo, outTradeNo, refund, refundQuery } = await trade('10.00')
    await refund('2.50', 'R1')
    const found = await refundQuery('R1')
    expect(found).toMatchObject({
      code: '10000',
      tradeNo,
      outTradeNo,
      outRequestNo: 'R1',
      totalAmount: '10.00',
      refundAmount: '2.50',
      refundStatus: 'REFUND_SUCCESS',
    })
    expect(found).not.toHaveProperty('gmtRefundPay')
    expect(found).not.toHaveProperty('sendBackFee')
    await expect(
      refundQuery('R1', { query_options: ['gmt_refund_pay', 'refund_detail_item_list'] }),
    ).resolves.toMatchObject({
      gmtRefundPay: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      sendBackFee: '2.50',
      refundDetailItemList: [{ fundChannel: 'ALIPAYACCOUNT', amount: '2.50' }],
    })
    await expect(
      exec('alipay.trade.fastpay.refund.query', { trade_no: tradeNo, out_request_no: 'R1' }),
    ).resolves.toMatchObject({ refundStatus: 'REFUND_SUCCESS' })
    await expect(refund('1.00', 'R2', { query_options: ['refund_detail_item_list'] })).resolves.toMatchObject(
      {
        sendBackFee: '1.00',
        refundFee: '3.50',
      },
    )
  })

  it('refund query: an unknown refund is 10000 with no refund fields; a missing trade is an error', async () => {
    const { refundQuery } = await trade('10.00')
    const unknown = await refundQuery('NEVER_SENT')
    expect(unknown).toMatchObject({ code: '10000', msg: 'Success' })
    for (const field of ['refundStatus', 'refundAmount', 'outRequestNo', 'totalAmount'])
      expect(unknown).not.toHaveProperty(field)
    await rejection(
      exec('alipay.trade.fastpay.refund.query', { out_trade_no: 'nope', out_request_no: 'R1' }),
      'ACQ.TRADE_NOT_EXIST',
    )
    await rejection(refundQuery(''), 'ACQ.INVALID_PARAMETER')
  })
})
