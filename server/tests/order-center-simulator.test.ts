/**
 * The simulator's alipay.merchant.order.sync through its gateway, driven by the official
 * alipay-sdk: states accepted in the documented order and kept per order; ORDER_ERROR_STATUS for a
 * state twice, backwards or skipping payment; INVALID_PARAMETER for what its doc lists (amounts
 * that do not add up first); the synced state readable at GET /order-center/:outBizNo; the
 * POST /control outage switch.
 */
import { simulatedUserId } from '../alipay-simulator/buyers'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { simulatorForSuite } from '../testing/suites'

type Answer = Record<string, unknown>
let sequence = 0
const BUYER = simulatedUserId('buyer-1')

describe('simulator order center', () => {
  const sim = simulatorForSuite()

  const sync = (biz: Record<string, unknown>) => sim.client().exec<Answer>('alipay.merchant.order.sync', biz)
  const refusal = (promise: Promise<unknown>, subCode: string, subMsg?: string) =>
    expect(promise).rejects.toMatchObject({
      name: 'AlipayBusinessError',
      code: '40004',
      subCode,
      ...(subMsg ? { subMsg } : {}),
    })

  /** A valid sync of `status` for `outBizNo`, with `extra` fields on top. */
  const order = (outBizNo: string, status: string, extra: Record<string, unknown> = {}) => ({
    out_biz_no: outBizNo,
    buyer_id: BUYER,
    order_type: 'TRADE_ORDER',
    order_create_time: '2026-01-02 10:00:00',
    order_modified_time: '2026-01-02 10:05:00',
    amount: '30.00',
    pay_amount: '30.00',
    discount_amount: '0.00',
    item_order_list: [{ item_name: '牛皮纸信封', quantity: 2, unit_price: 15 }],
    ext_info: [{ ext_key: 'merchant_order_status', ext_value: status }],
    ...extra,
  })
  const newOrder = () => `OC${Date.now()}${++sequence}`

  it('keeps each state of an order in order and answers record_id and order_status', async () => {
    const id = newOrder()
    const first = await sync(order(id, 'CREATE'))
    expect(first).toMatchObject({ code: '10000', orderStatus: 'CREATE', recordId: expect.any(String) })
    for (const status of ['PAID', 'IN_DELIVERY', 'FINISHED', 'REFUNDED'])
      await expect(sync(order(id, status))).resolves.toMatchObject({
        orderStatus: status,
        recordId: first.recordId,
      })
    const entry = await sim.orderCenter(id)
    expect(entry).toMatchObject({ appId: TEST_APP_ID, outBizNo: id, buyerId: BUYER, status: 'REFUNDED' })
    expect(entry?.history.map((state) => state.status)).toEqual([
      'CREATE',
      'PAID',
      'IN_DELIVERY',
      'FINISHED',
      'REFUNDED',
    ])
    expect(await sim.orderCenter(newOrder())).toBeUndefined()
  })

  it('answers ORDER_ERROR_STATUS to a state twice, backwards, or skipping payment', async () => {
    const id = newOrder()
    await sync(order(id, 'CREATE'))
    await refusal(sync(order(id, 'IN_DELIVERY')), 'ORDER_ERROR_STATUS', '订单状态错误')
    await refusal(sync(order(id, 'FINISHED')), 'ORDER_ERROR_STATUS')
    await sync(order(id, 'PAID'))
    await refusal(sync(order(id, 'PAID')), 'ORDER_ERROR_STATUS')
    await refusal(sync(order(id, 'CREATE')), 'ORDER_ERROR_STATUS')
    // Delivery may be skipped on the way to FINISHED; nothing follows REFUNDED or CLOSED.
    await sync(order(id, 'FINISHED'))
    await sync(order(id, 'REFUNDED'))
    await refusal(sync(order(id, 'FINISHED')), 'ORDER_ERROR_STATUS')
    const closed = newOrder()
    await sync(order(closed, 'CREATE'))
    await sync(order(closed, 'CLOSED'))
    await refusal(sync(order(closed, 'PAID')), 'ORDER_ERROR_STATUS')
    const entry = await sim.orderCenter(id)
    expect(entry?.history.map((state) => state.status)).toEqual(['CREATE', 'PAID', 'FINISHED', 'REFUNDED'])
    expect(entry?.refusals.map((refused) => refused.status)).toEqual([
      'IN_DELIVERY',
      'FINISHED',
      'PAID',
      'CREATE',
      'FINISHED',
    ])
  })

  it('answers INVALID_PARAMETER when amount is not pay_amount + discount_amount', async () => {
    const id = newOrder()
    await refusal(
      sync(order(id, 'CREATE', { amount: '30.00', pay_amount: '25.00', discount_amount: '4.00' })),
      'INVALID_PARAMETER',
      '订单金额不等于支付金额加优惠金额',
    )
    await refusal(sync(order(id, 'CREATE', { amount: '30', pay_amount: '30.001' })), 'INVALID_PARAMETER')
    await expect(
      sync(order(id, 'CREATE', { amount: '30.00', pay_amount: '25.00', discount_amount: '5.00' })),
    ).resolves.toMatchObject({ orderStatus: 'CREATE' })
    expect((await sim.orderCenter(id))?.refusals).toEqual([
      { subCode: 'INVALID_PARAMETER' },
      { subCode: 'INVALID_PARAMETER' },
    ])
  })

  it('answers INVALID_PARAMETER to the other documented mistakes', async () => {
    const id = newOrder()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ out_biz_no: undefined }, '业务订单号不能为空'],
      [{ buyer_id: undefined }, '买家信息不能为空'],
      [{ ext_info: [] }, '订单状态不可空'],
      [{ ext_info: [{ ext_key: 'merchant_order_status', ext_value: 'SHIPPED' }] }, '订单状态不合法'],
      [{ order_modified_time: '2026-01-01 09:00:00' }, '业务修改时间不能早于业务创建时间'],
      [{ item_order_list: [{ quantity: 1, unit_price: 15 }] }, '缺少必填属性：item_order_list.item_name'],
      [{ item_order_list: [{ item_name: '信封', quantity: 1, unit_price: '15.00' }] }, '商品信息不完整'],
      [{ trade_no: '2026010222001000000000000000' }, '交易不存在'],
    ]
    for (const [extra, subMsg] of cases)
      await refusal(sync(order(id, 'PAID', extra)), 'INVALID_PARAMETER', subMsg)
  })

  it('checks trade_no against the trade: its amount, its buyer, one order per trade', async () => {
    const outTradeNo = newOrder()
    const { tradeNo } = await sim.client().exec<{ tradeNo: string }>('alipay.trade.create', {
      out_trade_no: outTradeNo,
      total_amount: '30.00',
      subject: '订单中心 Order center',
      product_code: 'JSAPI_PAY',
      buyer_id: BUYER,
      op_app_id: TEST_APP_ID,
    })
    await sim.pay(tradeNo)
    await refusal(
      sync(order(outTradeNo, 'PAID', { trade_no: tradeNo, amount: '20.00', pay_amount: '20.00' })),
      'INVALID_PARAMETER',
      '支付金额与实际交易金额不一致',
    )
    await refusal(
      sync(order(outTradeNo, 'PAID', { trade_no: tradeNo, buyer_id: simulatedUserId('buyer-2') })),
      'INVALID_PARAMETER',
      '订单买家与交易买家不一致',
    )
    await refusal(
      sync(
        order(outTradeNo, 'PAID', {
          trade_no: tradeNo,
          ext_info: [
            { ext_key: 'merchant_order_status', ext_value: 'PAID' },
            { ext_key: 'tiny_app_id', ext_value: '2021000000000999' },
          ],
        }),
      ),
      'TINY_APP_ID_NULL',
    )
    await sync(order(outTradeNo, 'PAID', { trade_no: tradeNo }))
    await refusal(
      sync(order(newOrder(), 'PAID', { trade_no: tradeNo })),
      'INVALID_PARAMETER',
      '交易号已存在于另外一笔订单中',
    )
    expect((await sim.orderCenter(outTradeNo))?.history[0]).toMatchObject({ status: 'PAID', tradeNo })
  })

  it('answers 20000 to every sync while POST /control says orderSync: fail', async () => {
    expect(await sim.control({ orderSync: 'fail' })).toMatchObject({ orderSync: 'fail' })
    try {
      await expect(sync(order(newOrder(), 'CREATE'))).rejects.toMatchObject({
        name: 'AlipayUnavailableError',
        reason: 'service',
      })
    } finally {
      await sim.control({ orderSync: 'normal' })
    }
    await expect(sync(order(newOrder(), 'CREATE'))).resolves.toMatchObject({ orderStatus: 'CREATE' })
  })

  it('refuses to look up what cannot be an out_biz_no', async () => {
    const response = await fetch(`${sim.base}/order-center/not%20a%20number`)
    expect(response.status).toBe(400)
  })
})
