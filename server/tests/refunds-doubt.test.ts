/**
 * Refunds Alipay has not confirmed (server/payments/refunds.ts, reconcile.ts), against the
 * simulator's refund switch: a refund in doubt stays pending until Alipay confirms it, the
 * reconciler asks before it resends (always the same out_request_no), a refusal marks it failed,
 * and a crash between Alipay's refund and our commit still ends with exactly one refund.
 */
import { AlipayUnavailableError } from '../alipay/client'
import { fenToYuan } from '../alipay/wire-format'
import type { Db } from '../db/types'
import { reconcilePayments } from '../payments/reconcile'
import { retryFailedRefund, sendRefund } from '../payments/refunds'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { closeOrder } from '../orders/state'
import { syncTradeFromAlipay } from '../payments/settle'
import {
  asBuyer,
  payingBuyer,
  paymentState,
  payWithNotifyLost,
  shopForSuite,
  tradeNoOf,
} from './payments-helpers'
import {
  afterSales,
  atAlipay,
  bentClient,
  paidOrder,
  paymentDeps,
  recordRefund,
  refundRow,
} from './refunds-helpers'

const sim = simulatorForSuite()

describeEachDatabase('refunds in doubt', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  const paid = () => paidOrder(shop, getDb(), sim)
  const reconcileWith = (deps: ReturnType<typeof paymentDeps>) =>
    reconcilePayments(deps, { refundGraceMs: 0 })
  afterEach(async () => {
    await sim.control({ refunds: 'normal', notifies: 'deliver' })
  })
  /** An order cancelled while its buyer paid at the cashier, the payment's notify lost: a refund is owed. */
  async function closedOrderPaidAtAlipay() {
    const buyer = asBuyer(shop, await payingBuyer(getDb()))
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    await getDb().transaction((tx) => closeOrder(tx, order.id, 'cancelled'))
    await payWithNotifyLost(sim, { tradeNO })
    return order
  }

  it('keeps a slow refund pending, then the reconciler confirms it by query without resending', async () => {
    const order = await paid()
    const part = await afterSales(getDb(), order.id, order.total - 1)
    const client = bentClient(sim)
    const deps = paymentDeps(getDb(), client)
    // Lost notifies: only the reconciler can learn that the refund went through.
    await sim.control({ refunds: 'slow', notifies: 'drop' })
    const refund = await recordRefund(getDb(), part)
    expect(await sendRefund(deps, refund)).toBe('pending')
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({
      status: 'pending',
      last_error: expect.stringMatching(/temporarily unavailable/),
    })
    await sim.notifier.idle() // the slow refund went through at Alipay
    await reconcileWith(deps)
    expect(client.callsFor(refund.outRequestNo)).toEqual([
      `alipay.trade.refund ${refund.outRequestNo}`,
      `alipay.trade.fastpay.refund.query ${refund.outRequestNo}`,
    ])
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({ status: 'refunded', attempts: 1 })
    expect(await atAlipay(sim, order.id, refund.outRequestNo)).toEqual({
      tradeStatus: 'TRADE_SUCCESS',
      refundFee: fenToYuan(part.amountFen),
      refundStatus: 'REFUND_SUCCESS',
    })
  })

  it('resends the same out_request_no while Alipay does not know the refund yet', async () => {
    const order = await paid()
    const client = bentClient(sim)
    const deps = paymentDeps(getDb(), client)
    await sim.control({ refunds: 'slow', notifies: 'drop', refundDelayMs: 1000 })
    const refund = await recordRefund(getDb(), await afterSales(getDb(), order.id, order.total))
    expect(await sendRefund(deps, refund)).toBe('pending')
    await reconcileWith(deps) // asks, Alipay does not know it yet: sent again, still in doubt
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({ status: 'pending', attempts: 2 })
    await sim.notifier.idle()
    await reconcileWith(deps)
    const requestNo = refund.outRequestNo
    expect(client.callsFor(requestNo)).toEqual([
      `alipay.trade.refund ${requestNo}`,
      `alipay.trade.fastpay.refund.query ${requestNo}`,
      `alipay.trade.refund ${requestNo}`,
      `alipay.trade.fastpay.refund.query ${requestNo}`,
    ])
    expect(await refundRow(getDb(), requestNo)).toMatchObject({ status: 'refunded' })
    expect(await atAlipay(sim, order.id, requestNo)).toMatchObject({
      tradeStatus: 'TRADE_CLOSED',
      refundFee: fenToYuan(order.total),
    })
    expect((await paymentState(getDb(), order.id)).payments[0]).toMatchObject({
      trade_status: 'TRADE_CLOSED',
    })
  })

  it('marks a refused refund failed with Alipay’s error, nothing refunded; a retry sends the same out_request_no', async () => {
    const order = await paid()
    const deps = paymentDeps(getDb(), sim.client())
    await sim.control({ refunds: 'fail' })
    const refund = await recordRefund(getDb(), await afterSales(getDb(), order.id, order.total))
    expect(await sendRefund(deps, refund)).toBe('failed')
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('ACQ.SELLER_BALANCE_NOT_ENOUGH'),
    })
    expect(await atAlipay(sim, order.id, refund.outRequestNo)).toEqual({
      tradeStatus: 'TRADE_SUCCESS',
      refundFee: undefined,
      refundStatus: undefined,
    })
    await reconcileWith(deps) // a failed refund is not the reconciler's
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({ status: 'failed', attempts: 1 })

    // The merchant topped up: the same refund goes again.
    await sim.control({ refunds: 'normal' })
    const retried = await getDb().transaction((tx) => retryFailedRefund(tx, refund.id))
    if (!('refund' in retried)) throw new Error(JSON.stringify(retried))
    expect(await sendRefund(deps, retried.refund)).toBe('refunded')
    expect(await atAlipay(sim, order.id, refund.outRequestNo)).toMatchObject({
      refundFee: fenToYuan(order.total),
      refundStatus: 'REFUND_SUCCESS',
    })
  })

  it('sends a refused refund of a closed order again, same out_request_no, when the payment is reported again', async () => {
    const order = await closedOrderPaidAtAlipay()
    const deps = paymentDeps(getDb(), sim.client())
    await sim.control({ refunds: 'fail' })
    await expect(syncTradeFromAlipay(deps, order.id)).rejects.toThrow(/is failed, not confirmed/)
    const requestNo = `refund_${order.id}`
    expect(await refundRow(getDb(), requestNo)).toMatchObject({ status: 'failed', attempts: 1 })
    await sim.control({ refunds: 'normal' })
    expect(await syncTradeFromAlipay(deps, order.id)).toBe('TRADE_SUCCESS')
    expect(await refundRow(getDb(), requestNo)).toMatchObject({ status: 'refunded', attempts: 2 })
    expect(await atAlipay(sim, order.id, requestNo)).toEqual({
      tradeStatus: 'TRADE_CLOSED',
      refundFee: fenToYuan(order.total),
      refundStatus: 'REFUND_SUCCESS',
    })
  })

  it('sends a refused refund of a closed order again from the reconciler, after its back-off', async () => {
    const order = await closedOrderPaidAtAlipay()
    const deps = paymentDeps(getDb(), sim.client())
    await sim.control({ refunds: 'fail' })
    await expect(syncTradeFromAlipay(deps, order.id)).rejects.toThrow(/is failed, not confirmed/)
    await sim.control({ refunds: 'normal' })
    const requestNo = `refund_${order.id}`

    await reconcilePayments(deps, { refundGraceMs: 0 }) // within the back-off: left failed
    expect(await refundRow(getDb(), requestNo)).toMatchObject({ status: 'failed' })
    await reconcilePayments(deps, { refundGraceMs: 0, closedOrderRefundRetryMs: 0 })
    expect(await refundRow(getDb(), requestNo)).toMatchObject({ status: 'refunded', attempts: 2 })
    expect((await atAlipay(sim, order.id, requestNo)).refundStatus).toBe('REFUND_SUCCESS')
  })

  it('does not take 10000 without fund_change Y for a refund when the query does not show it', async () => {
    const order = await paid()
    const client = bentClient(sim, (method, real) =>
      method === 'alipay.trade.refund'
        ? Promise.resolve({ code: '10000', msg: 'Success', fundChange: 'N' })
        : real(),
    )
    const deps = paymentDeps(getDb(), client)
    const refund = await recordRefund(getDb(), await afterSales(getDb(), order.id, order.total))
    expect(await sendRefund(deps, refund)).toBe('pending')
    await reconcileWith(deps)
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({
      status: 'pending',
      attempts: 2,
      last_error: expect.stringMatching(/without fund_change Y/),
    })
    expect(await atAlipay(sim, order.id, refund.outRequestNo)).toMatchObject({ refundStatus: undefined })
  })

  it('refunds exactly once across a crash between Alipay’s refund and our commit', async () => {
    const order = await paid()
    const refund = await recordRefund(getDb(), await afterSales(getDb(), order.id, order.total))
    await sim.control({ notifies: 'drop' }) // so only the restarted shop can confirm it
    // The process dies once Alipay has refunded: nothing after the pending row is committed.
    const dying: Db = {
      kind: getDb().kind,
      description: getDb().description,
      query: (sql, params) => getDb().query(sql, params),
      exec: (sql) => getDb().exec(sql),
      transaction: () => Promise.reject(new Error('killed before the commit')),
      close: () => Promise.resolve(),
    }
    await expect(sendRefund(paymentDeps(dying, sim.client()), refund)).rejects.toThrow(/killed/)
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({ status: 'pending' })
    expect((await atAlipay(sim, order.id)).refundFee).toBe(fenToYuan(order.total))

    // Restarted: the reconciler finds it in doubt and asks Alipay.
    const client = bentClient(sim)
    await reconcileWith(paymentDeps(getDb(), client))
    expect(client.callsFor(refund.outRequestNo)).toEqual([
      `alipay.trade.fastpay.refund.query ${refund.outRequestNo}`,
    ])
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({ status: 'refunded' })
    expect(await atAlipay(sim, order.id, refund.outRequestNo)).toEqual({
      tradeStatus: 'TRADE_CLOSED',
      refundFee: fenToYuan(order.total),
      refundStatus: 'REFUND_SUCCESS',
    })
  })

  it('records a closed order’s refund in the commit that learns it was paid, so a crash after it loses nothing', async () => {
    const order = await closedOrderPaidAtAlipay()
    // The process dies right after its first commit: whatever settling needs later never happens.
    let commits = 0
    const dyingAfterOneCommit: Db = {
      ...getDb(),
      query: (sql, params) => getDb().query(sql, params),
      exec: (sql) => getDb().exec(sql),
      transaction: (work) =>
        commits++ === 0 ? getDb().transaction(work) : Promise.reject(new Error('killed after the commit')),
    }
    const noRefundSent = bentClient(sim, (method, real) =>
      method === 'alipay.trade.refund' ? Promise.reject(new Error('killed before the refund')) : real(),
    )
    await expect(
      syncTradeFromAlipay(paymentDeps(dyingAfterOneCommit, noRefundSent), order.id),
    ).rejects.toThrow()
    expect(await refundRow(getDb(), `refund_${order.id}`)).toMatchObject({ status: 'pending' })

    // Restarted: the reconciler finds the refund owed and makes it, once.
    await reconcileWith(paymentDeps(getDb(), sim.client()))
    expect(await refundRow(getDb(), `refund_${order.id}`)).toMatchObject({ status: 'refunded' })
    expect(await atAlipay(sim, order.id, `refund_${order.id}`)).toEqual({
      tradeStatus: 'TRADE_CLOSED',
      refundFee: fenToYuan(order.total),
      refundStatus: 'REFUND_SUCCESS',
    })
  })

  it('leaves a refund pending while Alipay cannot be reached', async () => {
    const order = await paid()
    const unreachable = bentClient(sim, (method) =>
      Promise.reject(new AlipayUnavailableError(method, 'network', 'simulated outage')),
    )
    const refund = await recordRefund(getDb(), await afterSales(getDb(), order.id, order.total))
    expect(await sendRefund(paymentDeps(getDb(), unreachable), refund)).toBe('pending')
    await reconcileWith(paymentDeps(getDb(), unreachable))
    expect(await refundRow(getDb(), refund.outRequestNo)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringMatching(/refund query failed: simulated outage/),
    })
    expect((await atAlipay(sim, order.id)).refundFee).toBeUndefined()
  })
})
