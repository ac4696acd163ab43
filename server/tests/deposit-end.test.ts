/**
 * The end of a rental deposit, against the real simulator: the merchant returns it (unfreeze) or
 * charges damage (payment from the freeze, then the rest unfrozen); each step is confirmed only by
 * Alipay's notify or query, repeats never move money twice, and after each step our deposit and
 * the simulator's freeze agree.
 */
import type { ApiErrorBody, Deposit, DepositPayment } from '../../contract'
import { simulatedUserId } from '../alipay-simulator/buyers'
import { signNotify } from '../alipay-simulator/signing'
import { SIMULATED_SELLER_ID } from '../alipay-simulator/trades'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { depositEndHelpers, depositEndSuite } from './deposit-end-helpers'
import { asBuyer, payingBuyer } from './payments-helpers'

const sim = simulatorForSuite()

describeEachDatabase('deposit end (return, damage)', (getDb) => {
  const suite = depositEndSuite(getDb, sim)
  const shop = suite.shop
  const { statusOf, frozenDeposit, act, simFreeze, withNotifiesLost } = depositEndHelpers(getDb, sim, suite)
  let owner: typeof suite.owner
  let clerk: typeof suite.clerk
  beforeAll(() => {
    ;({ owner, clerk } = suite)
  })

  it('returns the whole deposit: returning, then returned once the unfreeze notify arrives', async () => {
    const { id, read } = await frozenDeposit('power-bank')
    const res = await act(clerk, id, 'return')
    expect(res.statusCode).toBe(200)
    expect(res.json<Deposit>()).toMatchObject({ status: 'returning', returnAmount: 9900 })
    expect(res.json<Deposit>()).not.toHaveProperty('chargeAmount')
    await sim.notifier.idle()
    expect(await read()).toMatchObject({
      status: 'returned',
      returnAmount: 9900,
      endedAt: expect.any(String),
    })
    await expect(simFreeze(id)).resolves.toMatchObject({
      orderStatus: 'CLOSED',
      restAmount: '0.00',
      totalUnfreezeAmount: '99.00',
      totalPayAmount: '0.00',
    })
    const audit = await getDb().query<{ action: string }>(
      `select action from audit_log where target_type = 'deposit' and target_id = $1`,
      [id],
    )
    expect(audit.map((row) => row.action)).toEqual(['deposit.return'])
  })

  it('charges damage, then gives the rest back; each step confirmed by its notify', async () => {
    const { id, read } = await frozenDeposit('power-bank')
    const res = await act(owner, id, 'charge', { amount: 3000 })
    expect(res.statusCode).toBe(200)
    expect(res.json<Deposit>()).toMatchObject({ status: 'charging', chargeAmount: 3000, returnAmount: 6900 })
    await sim.notifier.idle()
    expect(await read()).toMatchObject({ status: 'charged', chargeAmount: 3000, returnAmount: 6900 })
    await expect(simFreeze(id)).resolves.toMatchObject({
      orderStatus: 'FINISH',
      restAmount: '0.00',
      totalPayAmount: '30.00',
      totalUnfreezeAmount: '69.00',
    })
    const [row] = await getDb().query<{ charge_trade_no: string }>(
      'select charge_trade_no from deposits where id = $1',
      [id],
    )
    await expect(
      sim.client().exec('alipay.trade.query', { out_trade_no: `${id}_P1` }),
    ).resolves.toMatchObject({
      tradeStatus: 'TRADE_SUCCESS',
      tradeNo: row.charge_trade_no,
      totalAmount: '30.00',
    })
  })

  it('names the account that froze the deposit, as Alipay reported it, as the payment’s buyer', async () => {
    // The simulator's browser cashier freezes as any account it is told to (default buyer-1).
    const { id, read } = await frozenDeposit('power-bank', 'buyer-7')
    const [row] = await getDb().query<{ payer_id: string }>('select payer_id from deposits where id = $1', [
      id,
    ])
    expect(row.payer_id).toBe(simulatedUserId('buyer-7'))
    expect((await act(owner, id, 'charge', { amount: 100 })).statusCode).toBe(200)
    await sim.notifier.idle()
    expect(await read()).toMatchObject({ status: 'charged', chargeAmount: 100, returnAmount: 9800 })
  })

  it('takes the whole deposit without an unfreeze when the damage is all of it', async () => {
    const { id, read } = await frozenDeposit('umbrella')
    expect((await act(owner, id, 'charge', { amount: 3000 })).statusCode).toBe(200)
    await sim.notifier.idle()
    const deposit = await read()
    expect(deposit).toMatchObject({ status: 'charged', chargeAmount: 3000 })
    expect(deposit).not.toHaveProperty('returnAmount')
    await expect(simFreeze(id)).resolves.toMatchObject({ orderStatus: 'FINISH', totalPayAmount: '30.00' })
  })

  it('without notifies, a 10000 confirms nothing and the queries on read move each step on', async () => {
    const returned = await frozenDeposit('power-bank')
    await withNotifiesLost(() => act(clerk, returned.id, 'return'))
    // Alipay answered 10000 and unfroze, but only its word on a query counts.
    expect(await statusOf(returned.id)).toBe('returning')
    expect((await returned.read()).status).toBe('returned')

    const charged = await frozenDeposit('power-bank')
    await withNotifiesLost(() => act(owner, charged.id, 'charge', { amount: 1234 }))
    expect(await statusOf(charged.id)).toBe('charging')
    // First read: the payment is confirmed and the rest sent (its notify is lost too).
    await withNotifiesLost(() => charged.read())
    expect(await statusOf(charged.id)).toBe('returning')
    expect(await charged.read()).toMatchObject({ status: 'charged', chargeAmount: 1234, returnAmount: 8666 })
    await expect(simFreeze(charged.id)).resolves.toMatchObject({
      totalPayAmount: '12.34',
      totalUnfreezeAmount: '86.66',
      restAmount: '0.00',
    })
  })

  it('never charges or unfreezes twice: double clicks, retries, and other amounts', async () => {
    const first = await frozenDeposit('power-bank')
    const [a, b] = await withNotifiesLost(() =>
      Promise.all([
        act(owner, first.id, 'charge', { amount: 500 }),
        act(owner, first.id, 'charge', { amount: 500 }),
      ]),
    )
    expect([a.statusCode, b.statusCode]).toEqual([200, 200])
    // A retry while unconfirmed asks Alipay first: the payment is there, so it is confirmed (not
    // sent again) and the rest is unfrozen (its notify lost too). How far it gets depends on how
    // far the racing double click got: the second click asks too.
    const payments = sim.calls.count('alipay.trade.pay')
    const retry = await withNotifiesLost(() => act(owner, first.id, 'charge', { amount: 500 }))
    expect(['returning', 'charged']).toContain(retry.json<Deposit>().status)
    expect(sim.calls.count('alipay.trade.pay')).toBe(payments)
    await expect(simFreeze(first.id)).resolves.toMatchObject({ totalPayAmount: '5.00', restAmount: '0.00' })
    const other = await act(owner, first.id, 'charge', { amount: 700 })
    expect(other.statusCode).toBe(409)
    expect(other.json<ApiErrorBody>().code).toBe('deposit_not_endable')
    expect((await act(clerk, first.id, 'return')).statusCode).toBe(409)
    expect(
      (
        await getDb().query<{ charge_fen: number }>('select charge_fen from deposits where id = $1', [
          first.id,
        ])
      )[0].charge_fen,
    ).toBe(500)
    expect((await first.read()).status).toBe('charged')
    expect((await act(owner, first.id, 'charge', { amount: 500 })).json<Deposit>().status).toBe('charged')
    await expect(simFreeze(first.id)).resolves.toMatchObject({
      totalPayAmount: '5.00',
      totalUnfreezeAmount: '94.00',
    })

    const second = await frozenDeposit('umbrella')
    await withNotifiesLost(() =>
      Promise.all([act(clerk, second.id, 'return'), act(clerk, second.id, 'return')]),
    )
    await withNotifiesLost(() => act(clerk, second.id, 'return'))
    expect((await second.read()).status).toBe('returned')
    expect((await act(clerk, second.id, 'return')).json<Deposit>().status).toBe('returned')
    await expect(simFreeze(second.id)).resolves.toMatchObject({
      totalUnfreezeAmount: '30.00',
      orderStatus: 'CLOSED',
    })
  })

  it('refuses a charge above the deposit with {code, message}, and a deposit not frozen', async () => {
    const { id } = await frozenDeposit('umbrella')
    const over = await act(owner, id, 'charge', { amount: 3001 })
    expect(over.statusCode).toBe(400)
    expect(over.json<ApiErrorBody>()).toMatchObject({
      code: 'charge_exceeds_deposit',
      message: expect.any(String),
    })
    expect((await act(owner, id, 'charge', { amount: 0 })).statusCode).toBe(400)
    expect((await act(owner, id, 'charge', { amount: 12.5 })).statusCode).toBe(400)
    expect(await statusOf(id)).toBe('frozen')
    await expect(simFreeze(id)).resolves.toMatchObject({ restAmount: '30.00', totalPayAmount: '0.00' })

    const who = await payingBuyer(getDb())
    const created = (
      await asBuyer(shop, who).post('/api/deposits', { itemId: 'umbrella' })
    ).json<DepositPayment>()
    const notFrozen = await act(clerk, created.deposit.id, 'return')
    expect([notFrozen.statusCode, notFrozen.json<ApiErrorBody>().code]).toEqual([409, 'deposit_not_endable'])
  })

  it('lets only staff end a rental, and only owners charge', async () => {
    const { id, buyer } = await frozenDeposit('umbrella')
    const who = await payingBuyer(getDb())
    expect((await act(who, id, 'return')).statusCode).toBe(401)
    expect((await act({ headers: {} }, id, 'charge', { amount: 100 })).statusCode).toBe(401)
    expect((await buyer.post(`/api/merchant/deposits/${id}/return`)).statusCode).toBe(401)
    const clerkCharge = await act(clerk, id, 'charge', { amount: 100 })
    expect([clerkCharge.statusCode, clerkCharge.json<ApiErrorBody>().code]).toEqual([403, 'forbidden'])
    expect(await statusOf(id)).toBe('frozen')
  })

  it('checks charge notifies: another amount, seller or trade status changes nothing', async () => {
    const { id } = await frozenDeposit('power-bank')
    await withNotifiesLost(() => act(owner, id, 'charge', { amount: 2000 }))
    const fields = {
      notify_time: '2024-06-11 10:00:05',
      notify_type: 'trade_status_sync',
      notify_id: `c${Date.now()}${process.pid}`,
      app_id: TEST_APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: '2024061122001000000000000009',
      out_trade_no: `${id}_P1`,
      buyer_id: '2088000000000002',
      seller_id: SIMULATED_SELLER_ID,
      trade_status: 'TRADE_SUCCESS',
      total_amount: '20.00',
      gmt_payment: '2024-06-11 10:00:04',
    }
    const post = (f: Record<string, string>) =>
      shop.app.inject({
        method: 'POST',
        url: '/api/alipay/notify',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(signNotify(f, sim.simulatorKeys.privateKey)).toString(),
      })
    for (const wrong of [{ total_amount: '99.00' }, { seller_id: '2088999999999999' }]) {
      const res = await post({ ...fields, ...wrong })
      expect([res.statusCode, res.body]).toEqual([400, 'fail'])
      expect(await statusOf(id)).toBe('charging')
    }
    expect(
      (await post({ ...fields, trade_status: 'WAIT_BUYER_PAY', notify_id: `${fields.notify_id}w` })).body,
    ).toBe('success')
    expect(await statusOf(id)).toBe('charging')
  })

  it('checks unfreeze notifies: a wrong amount or request is refused, replays are harmless', async () => {
    const { id } = await frozenDeposit('power-bank')
    await withNotifiesLost(() => act(clerk, id, 'return'))
    const [row] = await getDb().query<{ auth_no: string }>('select auth_no from deposits where id = $1', [id])
    const fields = {
      notify_time: '2024-06-11 10:00:05',
      notify_type: 'fund_auth_unfreeze',
      notify_id: `u${Date.now()}${process.pid}`,
      app_id: TEST_APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      auth_no: row.auth_no,
      out_order_no: id,
      operation_id: '2024061120002001000000000009',
      out_request_no: `${id}_U1`,
      operation_type: 'UNFREEZE',
      amount: '99.00',
      status: 'SUCCESS',
      gmt_trans: '2024-06-11 10:00:04',
    }
    const post = (f: Record<string, string>) =>
      shop.app.inject({
        method: 'POST',
        url: '/api/alipay/notify',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(signNotify(f, sim.simulatorKeys.privateKey)).toString(),
      })
    for (const wrong of [
      { amount: '9.90' },
      { out_request_no: `${id}_X` },
      { auth_no: '2024061110002001000000000001' },
    ]) {
      const res = await post({ ...fields, ...wrong })
      expect([res.statusCode, res.body]).toEqual([400, 'fail'])
      expect(await statusOf(id)).toBe('returning')
    }
    expect((await post(fields)).body).toBe('success')
    expect(await statusOf(id)).toBe('returned')
    expect((await post(fields)).body).toBe('success')
    expect(await statusOf(id)).toBe('returned')
  })
})
