/**
 * The deposit's end when Alipay says no, against the real simulator: a refused step goes back to
 * `frozen` (409 alipay_refused) and the next attempt gets new numbers; a repeated click asks Alipay
 * before sending anything again; a charge whose trade Alipay closed is cancelled.
 */
import type { ApiErrorBody, Deposit } from '../../contract'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { startCharge } from '../payments/deposit-transitions'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { depositEndHelpers, depositEndSuite } from './deposit-end-helpers'

const sim = simulatorForSuite()

describeEachDatabase('deposit end (refusals, repeats, closed trades)', (getDb) => {
  const suite = depositEndSuite(getDb, sim)
  const { statusOf, frozenDeposit, act, simFreeze, withNotifiesLost } = depositEndHelpers(getDb, sim, suite)
  const endColumns = async (id: string) =>
    (
      await getDb().query<{
        end_attempt: number
        charge_out_trade_no: string | null
        unfreeze_request_no: string | null
      }>('select end_attempt, charge_out_trade_no, unfreeze_request_no from deposits where id = $1', [id])
    )[0]
  const authNoOf = async (id: string) =>
    (await getDb().query<{ auth_no: string }>('select auth_no from deposits where id = $1', [id]))[0].auth_no
  /** The freeze's payer as the buyer field of a trade (buyer_id or buyer_open_id). */
  const payerOf = async (id: string): Promise<Record<string, string>> => {
    const [row] = await getDb().query<{ payer_kind: string; payer_id: string }>(
      'select payer_kind, payer_id from deposits where id = $1',
      [id],
    )
    return row.payer_kind === 'open_id' ? { buyer_open_id: row.payer_id } : { buyer_id: row.payer_id }
  }
  /** A trade under `outTradeNo` that Alipay closed (made by trade.create, closed by trade.close). */
  async function closedTrade(outTradeNo: string, buyer: Record<string, string>) {
    await sim.client().exec('alipay.trade.create', {
      out_trade_no: outTradeNo,
      total_amount: '5.00',
      subject: 'closed before the charge',
      product_code: 'JSAPI_PAY',
      op_app_id: TEST_APP_ID,
      ...buyer,
    })
    await sim.client().exec('alipay.trade.close', { out_trade_no: outTradeNo })
  }

  it('cancels a charge Alipay refuses (the freeze was closed first), and counts a new attempt', async () => {
    const { id } = await frozenDeposit('power-bank')
    // The freeze ends on Alipay's side: the whole of it is unfrozen with a number of the test's own.
    await sim.client().exec('alipay.fund.auth.order.unfreeze', {
      auth_no: await authNoOf(id),
      out_request_no: `${id}_T`,
      amount: '99.00',
      remark: 'closed elsewhere',
    })
    const res = await act(suite.owner, id, 'charge', { amount: 1000 })
    expect([res.statusCode, res.json<ApiErrorBody>().code]).toEqual([409, 'alipay_refused'])
    expect(res.json<ApiErrorBody>().message).toContain('ACQ.AUTH_ORDER_HAS_CLOSED')
    expect(await statusOf(id)).toBe('frozen')
    expect(await endColumns(id)).toEqual({
      end_attempt: 1,
      charge_out_trade_no: null,
      unfreeze_request_no: null,
    })
    const again = await act(suite.clerk, id, 'return')
    expect([again.statusCode, again.json<ApiErrorBody>().code]).toEqual([409, 'alipay_refused'])
    expect(await endColumns(id)).toEqual({
      end_attempt: 2,
      charge_out_trade_no: null,
      unfreeze_request_no: null,
    })
    expect(sim.calls.count('alipay.trade.pay')).toBeGreaterThan(0)
    await expect(simFreeze(id)).resolves.toMatchObject({ totalPayAmount: '0.00', orderStatus: 'CLOSED' })
  })

  it('a second click confirms by query and sends nothing again (return and charge)', async () => {
    const returned = await frozenDeposit('power-bank')
    const returning = await withNotifiesLost(() => act(suite.clerk, returned.id, 'return'))
    expect(returning.json<Deposit>().status).toBe('returning')
    const unfreezes = sim.calls.count('alipay.fund.auth.order.unfreeze')
    const second = await withNotifiesLost(() => act(suite.clerk, returned.id, 'return'))
    expect([second.statusCode, second.json<Deposit>().status]).toEqual([200, 'returned'])
    expect(sim.calls.count('alipay.fund.auth.order.unfreeze')).toBe(unfreezes)

    const charged = await frozenDeposit('umbrella')
    const charging = await withNotifiesLost(() => act(suite.owner, charged.id, 'charge', { amount: 3000 }))
    expect(charging.json<Deposit>().status).toBe('charging')
    const payments = sim.calls.count('alipay.trade.pay')
    const repeat = await withNotifiesLost(() => act(suite.owner, charged.id, 'charge', { amount: 3000 }))
    expect([repeat.statusCode, repeat.json<Deposit>().status]).toEqual([200, 'charged'])
    expect(sim.calls.count('alipay.trade.pay')).toBe(payments)
    await expect(simFreeze(charged.id)).resolves.toMatchObject({
      totalPayAmount: '30.00',
      orderStatus: 'FINISH',
    })
  })

  it('refuses a charge whose number Alipay holds as a closed trade; the next attempt gets new numbers', async () => {
    const { id, read } = await frozenDeposit('power-bank')
    await closedTrade(`${id}_P1`, await payerOf(id))
    const res = await act(suite.owner, id, 'charge', { amount: 500 })
    expect([res.statusCode, res.json<ApiErrorBody>().code]).toEqual([409, 'alipay_refused'])
    expect(res.json<ApiErrorBody>().message).toContain('ACQ.TRADE_HAS_CLOSE')
    expect(await statusOf(id)).toBe('frozen')

    const next = await act(suite.owner, id, 'charge', { amount: 500 })
    expect([next.statusCode, next.json<Deposit>().status]).toEqual([200, 'charging'])
    expect(await endColumns(id)).toMatchObject({ end_attempt: 2, charge_out_trade_no: `${id}_P2` })
    await sim.notifier.idle()
    expect(await read()).toMatchObject({ status: 'charged', chargeAmount: 500, returnAmount: 9400 })
    await expect(
      sim.client().exec('alipay.trade.query', { out_trade_no: `${id}_P2` }),
    ).resolves.toMatchObject({
      tradeStatus: 'TRADE_SUCCESS',
      totalAmount: '5.00',
    })
    await expect(simFreeze(id)).resolves.toMatchObject({
      totalPayAmount: '5.00',
      totalUnfreezeAmount: '94.00',
    })
  })

  it('cancels a recorded charge when the query says its trade is closed (TRADE_CLOSED)', async () => {
    const { id, read } = await frozenDeposit('power-bank')
    // The charge is recorded, its trade.pay never reached Alipay, and a trade of that number was
    // closed there: the query answers TRADE_CLOSED, so nothing was (or will be) paid under it.
    const started = await startCharge(getDb(), id, 700)
    expect(started?.charge_out_trade_no).toBe(`${id}_P1`)
    await closedTrade(`${id}_P1`, await payerOf(id))
    expect((await read()).status).toBe('frozen')
    expect(await endColumns(id)).toEqual({
      end_attempt: 1,
      charge_out_trade_no: null,
      unfreeze_request_no: null,
    })
    await expect(simFreeze(id)).resolves.toMatchObject({ totalPayAmount: '0.00', restAmount: '99.00' })
  })
})
