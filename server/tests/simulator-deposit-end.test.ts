/**
 * The end of a pre-authorization in the simulator: alipay.fund.auth.order.unfreeze and
 * alipay.trade.pay with auth_no (NOT_COMPLETE and COMPLETE), their signed notifies, the detail
 * query's totals after each step, and the documented refusals.
 */
import { AlipaySdk } from 'alipay-sdk'
import { simulatedUserId } from '../alipay-simulator/buyers'
import { startNotifyReceiver, type NotifyReceiver } from '../alipay-simulator/notify-receiver'
import { sdkVerificationOptions, testKeys, TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

let sequence = 0

describe('simulator: ending a pre-authorization', () => {
  const sim = simulatorForSuite()
  let merchant: NotifyReceiver
  beforeAll(async () => {
    merchant = await startNotifyReceiver()
  })
  afterAll(async () => {
    await merchant.close()
  })

  /** A 99.00 freeze by buyer-1; its auth_no from the freeze notify. */
  async function frozen() {
    const id = `E${Date.now()}_${++sequence}`
    const orderStr = new AlipaySdk({
      appId: TEST_APP_ID,
      privateKey: testKeys().app.privateKey,
      keyType: 'PKCS8',
      ...sdkVerificationOptions(TEST_APP_ID),
    }).sdkExecute('alipay.fund.auth.order.app.freeze', {
      notifyUrl: merchant.url,
      bizContent: {
        out_order_no: id,
        out_request_no: id,
        order_title: '押金',
        amount: '99.00',
        product_code: 'PRE_AUTH_ONLINE',
      },
    })
    const before = merchant.received.length
    expect((await sim.cashier({ orderStr, outcome: 'pay' })).resultCode).toBe('9000')
    await sim.notifier.idle()
    return { id, authNo: merchant.received[before].fields.auth_no }
  }
  const exec = (method: string, biz: Record<string, unknown>) =>
    sim.client().exec<Record<string, string>>(method, biz, { notify_url: merchant.url })
  const unfreeze = (authNo: string, outRequestNo: string, amount: string) =>
    exec('alipay.fund.auth.order.unfreeze', {
      auth_no: authNo,
      out_request_no: outRequestNo,
      amount,
      remark: '归还',
    })
  const pay = (authNo: string, outTradeNo: string, amount: string, mode = 'NOT_COMPLETE') =>
    exec('alipay.trade.pay', {
      out_trade_no: outTradeNo,
      total_amount: amount,
      subject: '损坏赔偿',
      product_code: 'PREAUTH_PAY',
      auth_no: authNo,
      auth_confirm_mode: mode,
      buyer_id: simulatedUserId('buyer-1'),
    })
  const detail = (id: string, outRequestNo: string) =>
    sim.client().exec<Record<string, string>>('alipay.fund.auth.operation.detail.query', {
      out_order_no: id,
      out_request_no: outRequestNo,
    })

  it('unfreezes the whole deposit once, notifies, and the query shows it closed', async () => {
    const { id, authNo } = await frozen()
    const before = merchant.received.length
    await expect(unfreeze(authNo, `${id}_U`, '99.00')).resolves.toMatchObject({
      code: '10000',
      status: 'SUCCESS',
      amount: '99.00',
      outRequestNo: `${id}_U`,
    })
    await sim.notifier.idle()
    const notifies = merchant.received.slice(before)
    expect(notifies).toHaveLength(1)
    expect(notifies[0].fields).toMatchObject({
      notify_type: 'fund_auth_unfreeze',
      operation_type: 'UNFREEZE',
      out_order_no: id,
      out_request_no: `${id}_U`,
      amount: '99.00',
      rest_amount: '0.00',
      total_unfreeze_amount: '99.00',
      status: 'SUCCESS',
    })
    expect(sim.client().verifyNotify(notifies[0].fields)).toBe(true)
    // The same request again: answered as before, nothing unfrozen twice, no second notify.
    await expect(unfreeze(authNo, `${id}_U`, '99.00')).resolves.toMatchObject({ code: '10000' })
    await sim.notifier.idle()
    expect(merchant.received).toHaveLength(before + 1)
    await expect(detail(id, `${id}_U`)).resolves.toMatchObject({
      operationType: 'UNFREEZE',
      orderStatus: 'CLOSED',
      restAmount: '0.00',
      totalUnfreezeAmount: '99.00',
      totalPayAmount: '0.00',
    })
    await expect(unfreeze(authNo, `${id}_U2`, '0.01')).rejects.toMatchObject({
      subCode: 'ORDER_ALREADY_CLOSED',
    })
    await expect(unfreeze(authNo, `${id}_U`, '1.00')).rejects.toMatchObject({ subCode: 'UNIQUE_VIOLATION' })
  })

  it('takes part as a payment (NOT_COMPLETE), keeps the rest frozen, then unfreezes it', async () => {
    const { id, authNo } = await frozen()
    const before = merchant.received.length
    const paid = await pay(authNo, `${id}_P`, '30.00')
    expect(paid).toMatchObject({ code: '10000', outTradeNo: `${id}_P`, totalAmount: '30.00' })
    await sim.notifier.idle()
    expect(merchant.received[before].fields).toMatchObject({
      notify_type: 'trade_status_sync',
      out_trade_no: `${id}_P`,
      trade_status: 'TRADE_SUCCESS',
      total_amount: '30.00',
    })
    await expect(sim.client().exec('alipay.trade.query', { out_trade_no: `${id}_P` })).resolves.toMatchObject(
      { tradeStatus: 'TRADE_SUCCESS', tradeNo: paid.tradeNo },
    )
    await expect(detail(id, id)).resolves.toMatchObject({
      orderStatus: 'AUTHORIZED',
      restAmount: '69.00',
      totalPayAmount: '30.00',
    })
    // Paying again with the same out_trade_no never pays twice.
    await expect(pay(authNo, `${id}_P`, '30.00')).rejects.toMatchObject({ subCode: 'ACQ.TRADE_HAS_SUCCESS' })
    await expect(pay(authNo, `${id}_P2`, '69.01')).rejects.toMatchObject({
      subCode: 'ACQ.AUTH_AMOUNT_NOT_ENOUGH',
    })
    await expect(unfreeze(authNo, `${id}_U`, '69.01')).rejects.toMatchObject({
      subCode: 'REQUEST_AMOUNT_EXCEED',
    })
    await expect(unfreeze(authNo, `${id}_U`, '69.00')).resolves.toMatchObject({ code: '10000' })
    await expect(detail(id, `${id}_U`)).resolves.toMatchObject({
      orderStatus: 'FINISH',
      restAmount: '0.00',
      totalUnfreezeAmount: '69.00',
      totalPayAmount: '30.00',
    })
    await expect(pay(authNo, `${id}_P3`, '1.00')).rejects.toMatchObject({
      subCode: 'ACQ.AUTH_ORDER_HAS_FINISHED',
    })
  })

  it('unfreezes the rest itself with COMPLETE', async () => {
    const { id, authNo } = await frozen()
    await expect(pay(authNo, `${id}_P`, '10.00', 'COMPLETE')).resolves.toMatchObject({ code: '10000' })
    await expect(detail(id, id)).resolves.toMatchObject({
      orderStatus: 'FINISH',
      restAmount: '0.00',
      totalPayAmount: '10.00',
      totalUnfreezeAmount: '89.00',
    })
    await expect(unfreeze(authNo, `${id}_U`, '1.00')).rejects.toMatchObject({
      subCode: 'ORDER_ALREADY_FINISH',
    })
  })

  it('refuses unknown auth numbers, other buyers and missing fields', async () => {
    const { id, authNo } = await frozen()
    await expect(unfreeze('2024010110002001000000000000', `${id}_U`, '1.00')).rejects.toMatchObject({
      code: '40004',
      subCode: 'AUTH_ORDER_NOT_EXIST',
    })
    await expect(pay('2024010110002001000000000000', `${id}_P`, '1.00')).rejects.toMatchObject({
      subCode: 'ACQ.AUTH_NO_ERROR',
    })
    await expect(
      exec('alipay.trade.pay', {
        out_trade_no: `${id}_P`,
        total_amount: '1.00',
        subject: 'x',
        product_code: 'PREAUTH_PAY',
        auth_no: authNo,
        buyer_id: simulatedUserId('someone-else'),
      }),
    ).rejects.toMatchObject({ subCode: 'ACQ.AUTH_NO_ERROR' })
    await expect(
      exec('alipay.fund.auth.order.unfreeze', { auth_no: authNo, out_request_no: `${id}_U`, amount: '1.00' }),
    ).rejects.toMatchObject({ subCode: 'ILLEGAL_ARGUMENT' })
    await expect(detail(id, id)).resolves.toMatchObject({ restAmount: '99.00', orderStatus: 'AUTHORIZED' })
  })
})
