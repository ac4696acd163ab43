/**
 * POST /api/alipay/notify: only a notify that verifies with Alipay's key AND names our app, one of
 * our orders, its exact amount and our seller marks an order paid. Everything else changes
 * nothing and is answered with something other than `success`; a replay changes nothing and is
 * answered `success`. Notifies are built here the way the simulator signs them (signNotify).
 */
import type { LightMyRequestResponse } from 'fastify'
import { generateRsaKeyPair } from '../alipay-simulator/dev-keys'
import type { AlipayClient } from '../alipay/client'
import { signNotify } from '../alipay-simulator/signing'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { closeOrder } from '../orders/state'
import { fenToYuan } from '../alipay/wire-format'
import { SIMULATED_SELLER_ID } from '../alipay-simulator/plugin'
import { describeEachDatabase } from '../testing/databases'
import { asBuyer, payingBuyer, paymentState, shopForSuite, startShop, tradeNoOf } from './payments-helpers'
import { simulatorForSuite } from '../testing/suites'

const sim = simulatorForSuite()

let notifySequence = 0

describeEachDatabase('Alipay notify verification', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)

  /** An unpaid order with its trade opened, and the fields of the notify that would pay it. */
  async function unpaidOrder() {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(shop, who)
    const order = await buyer.placeOrder('envelope-kraft-std', 3)
    const tradeNo = tradeNoOf(await buyer.openPayment(order.id))
    const amount = fenToYuan(order.total)
    const fields: Record<string, string> = {
      notify_time: '2024-06-11 10:00:05',
      notify_type: 'trade_status_sync',
      notify_id: `n${process.pid}x${Date.now()}x${++notifySequence}`,
      app_id: TEST_APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: tradeNo,
      out_trade_no: order.id,
      buyer_id: who.buyer.alipay.value,
      seller_id: SIMULATED_SELLER_ID,
      trade_status: 'TRADE_SUCCESS',
      total_amount: amount,
      receipt_amount: amount,
      buyer_pay_amount: amount,
      subject: 'Kraft envelopes & more',
      gmt_create: '2024-06-11 09:59:00',
      gmt_payment: '2024-06-11 10:00:04',
    }
    return { order, tradeNo, fields }
  }

  const signed = (fields: Record<string, string>, privateKey = sim.simulatorKeys.privateKey) =>
    signNotify(fields, privateKey)

  const post = (
    body: string,
    contentType = 'application/x-www-form-urlencoded',
  ): Promise<LightMyRequestResponse> =>
    shop.app.inject({
      method: 'POST',
      url: '/api/alipay/notify',
      headers: { 'content-type': contentType },
      payload: body,
    })
  const postFields = (fields: Record<string, string>) => post(new URLSearchParams(fields).toString())

  function expectSuccess(res: LightMyRequestResponse) {
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('success')
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
  }

  it('accepts a genuine notify: `success`, and the order is paid at gmt_payment', async () => {
    const { order, fields } = await unpaidOrder()
    expectSuccess(await postFields(signed(fields)))
    const state = await paymentState(getDb(), order.id)
    expect(state.order.status).toBe('paid')
    expect(new Date(state.order.paid_at as string).toISOString()).toBe('2024-06-11T02:00:04.000Z')
    expect(state.payments[0]).toMatchObject({ trade_status: 'TRADE_SUCCESS' })
    expect(state.notifies).toHaveLength(1)
  })

  it('verifies values exactly as sent (a % or + in a field does not break the signature)', async () => {
    const { order, fields } = await unpaidOrder()
    expectSuccess(
      await postFields(signed({ ...fields, subject: '100% wool + silk', passback_params: 'a%3Db' })),
    )
    expect((await paymentState(getDb(), order.id)).order.status).toBe('paid')
  })

  describe('refuses, changing nothing', () => {
    const cases: Array<[string, (fields: Record<string, string>) => string]> = [
      [
        'signed with another key',
        (f) => new URLSearchParams(signed(f, generateRsaKeyPair().privateKey)).toString(),
      ],
      ['without a signature', (f) => new URLSearchParams({ ...signed(f), sign: '' }).toString()],
      [
        'with a garbage signature',
        (f) => new URLSearchParams({ ...signed(f), sign: 'not base64!' }).toString(),
      ],
      [
        'altered amount after signing',
        (f) => new URLSearchParams({ ...signed(f), total_amount: '0.01' }).toString(),
      ],
      [
        'altered status after signing',
        (f) =>
          new URLSearchParams({
            ...signed({ ...f, trade_status: 'WAIT_BUYER_PAY' }),
            trade_status: 'TRADE_SUCCESS',
          }).toString(),
      ],
      ['an added field after signing', (f) => new URLSearchParams({ ...signed(f), extra: 'x' }).toString()],
      [
        'a signed wrong amount',
        (f) => new URLSearchParams(signed({ ...f, total_amount: '0.01' })).toString(),
      ],
      [
        'a signed foreign app_id',
        (f) => new URLSearchParams(signed({ ...f, app_id: '2021000000000099' })).toString(),
      ],
      [
        'a signed foreign seller',
        (f) => new URLSearchParams(signed({ ...f, seller_id: '2088999999999999' })).toString(),
      ],
      [
        'a signed foreign trade_no',
        (f) => new URLSearchParams(signed({ ...f, trade_no: `${f.trade_no}9` })).toString(),
      ],
      ['a malformed amount', (f) => new URLSearchParams(signed({ ...f, total_amount: '1e3' })).toString()],
      [
        'an unknown notify_type',
        (f) => new URLSearchParams(signed({ ...f, notify_type: 'trade_refund' })).toString(),
      ],
      ['a repeated field', (f) => `${new URLSearchParams(signed(f)).toString()}&trade_status=TRADE_SUCCESS`],
    ]
    it.each(cases)('%s', async (_name, build) => {
      const { order, fields } = await unpaidOrder()
      const before = await paymentState(getDb(), order.id)
      const res = await post(build(fields))
      expect(res.statusCode).toBe(400)
      expect(res.body).toBe('fail')
      expect(await paymentState(getDb(), order.id)).toEqual(before)
      // The same notify, genuine, still works afterwards: nothing was used up.
      expectSuccess(await postFields(signed(fields)))
      expect((await paymentState(getDb(), order.id)).order.status).toBe('paid')
    })

    it('for an order that is not ours', async () => {
      const { fields } = await unpaidOrder()
      const unknown = { ...fields, out_trade_no: '20240101999999999999' }
      const res = await postFields(signed(unknown))
      expect([res.statusCode, res.body]).toEqual([400, 'fail'])
      expect(await paymentState(getDb(), unknown.out_trade_no)).toEqual({
        order: undefined,
        payments: [],
        notifies: [],
        refunds: [],
      })
    })

    it('sent as JSON', async () => {
      const { order, fields } = await unpaidOrder()
      const res = await post(JSON.stringify(signed(fields)), 'application/json')
      expect(res.statusCode).not.toBe(200)
      expect(res.body).not.toBe('success')
      expect((await paymentState(getDb(), order.id)).order.status).toBe('awaiting_payment')
    })
  })

  it('never marks paid for WAIT_BUYER_PAY or TRADE_CLOSED, and still answers success', async () => {
    const { order, fields } = await unpaidOrder()
    for (const tradeStatus of ['WAIT_BUYER_PAY', 'TRADE_CLOSED']) {
      expectSuccess(
        await postFields(
          signed({ ...fields, notify_id: `${fields.notify_id}${tradeStatus}`, trade_status: tradeStatus }),
        ),
      )
    }
    const state = await paymentState(getDb(), order.id)
    expect(state.order.status).toBe('awaiting_payment')
    expect(state.payments[0].trade_status).toBe('TRADE_CLOSED')
  })

  it('never takes a refund’s notify for a payment, nor refunds again for it', async () => {
    const refundNotify = (fields: Record<string, string>, suffix: string) =>
      signed({
        ...fields,
        notify_id: `${fields.notify_id}${suffix}`,
        out_biz_no: `refund_${fields.out_trade_no}`,
        refund_fee: fields.total_amount,
        gmt_refund: '2024-06-11 10:05:00.123',
      })
    const unpaid = await unpaidOrder()
    expectSuccess(await postFields(refundNotify(unpaid.fields, 'a')))
    const unpaidState = await paymentState(getDb(), unpaid.order.id)
    expect(unpaidState.order.status).toBe('awaiting_payment')
    expect(unpaidState.notifies).toEqual([expect.objectContaining({ notify_type: 'trade_refund' })])

    const closed = await unpaidOrder()
    await getDb().transaction((tx) => closeOrder(tx, closed.order.id, 'cancelled'))
    expectSuccess(await postFields(refundNotify(closed.fields, 'b')))
    expect((await paymentState(getDb(), closed.order.id)).refunds).toEqual([])
  })

  it('answers a replay with success and changes nothing', async () => {
    const { order, fields } = await unpaidOrder()
    const genuine = signed(fields)
    expectSuccess(await postFields(genuine))
    const after = await paymentState(getDb(), order.id)
    expectSuccess(await postFields(genuine))
    expect(await paymentState(getDb(), order.id)).toEqual(after)
  })

  it('refunds once for a closed order, however often the notify is replayed', async () => {
    const { order, fields } = await unpaidOrder()
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    // The simulator's trade must really be paid for its refund to succeed.
    expect((await sim.control({ notifies: 'drop' })).notifies).toBe('drop')
    try {
      expect((await sim.pay(fields.trade_no, 'pay')).resultCode).toBe('9000')
      await sim.notifier.idle()
    } finally {
      await sim.control({ notifies: 'deliver' })
    }
    const genuine = signed(fields)
    expectSuccess(await postFields(genuine))
    await sim.notifier.idle() // the notify Alipay sends for the refund, recorded before the snapshot
    const refunded = await paymentState(getDb(), order.id)
    expect(refunded.order.status).toBe('closed')
    expect(refunded.refunds).toEqual([
      expect.objectContaining({
        out_request_no: `refund_${order.id}`,
        amount_fen: order.total,
        kind: 'closed_order',
        status: 'refunded',
      }),
    ])

    expectSuccess(await postFields(genuine))
    expect(await paymentState(getDb(), order.id)).toEqual(refunded)
  })

  it('does not take code 10000 without the full refund_fee as a refund: fail, redelivered, refund pending', async () => {
    const real = sim.client()
    const client: AlipayClient = {
      ...real,
      exec: <T>(method: string, biz?: Record<string, unknown>, extra?: Record<string, string | undefined>) =>
        method === 'alipay.trade.refund'
          ? Promise.resolve({ code: '10000', fundChange: 'N', refundFee: '0.01' } as T)
          : real.exec<T>(method, biz, extra),
    }
    const lying = await startShop(getDb(), sim, { client })
    try {
      const { order, fields } = await unpaidOrder()
      await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
      const res = await lying.app.inject({
        method: 'POST',
        url: '/api/alipay/notify',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(signed(fields)).toString(),
      })
      expect([res.statusCode, res.body]).toEqual([500, 'fail'])
      const state = await paymentState(getDb(), order.id)
      expect(state.notifies).toEqual([])
      expect(state.refunds).toEqual([
        expect.objectContaining({ amount_fen: order.total, status: 'pending', refunded_at: null }),
      ])
    } finally {
      await lying.close()
    }
  })

  it('answers fail (so Alipay redelivers) when Alipay refuses the refund: the refund is failed, the notify not recorded', async () => {
    const { order, fields } = await unpaidOrder()
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    // The trade was never paid at the simulator, so Alipay refuses the refund.
    const res = await postFields(signed(fields))
    expect([res.statusCode, res.body]).toEqual([500, 'fail'])
    const state = await paymentState(getDb(), order.id)
    expect(state.notifies).toEqual([])
    expect(state.order.status).toBe('closed')
    expect(state.refunds).toEqual([
      expect.objectContaining({
        amount_fen: order.total,
        status: 'failed',
        last_error: expect.stringContaining('ACQ.TRADE_STATUS_ERROR'),
      }),
    ])
  })
})
