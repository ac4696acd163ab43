/**
 * The shop, staff and helpers the deposit-end suites share (deposit-end*.test.ts): a deposit the
 * buyer froze at the simulator's cashier, the merchant's actions, the simulator's view of the
 * freeze, and lost notifies.
 */
import type { Deposit, DepositPayment } from '../../contract'
import type { SimulatorHarness } from '../alipay-simulator/test-harness'
import type { Db } from '../db/types'
import { prepareDatabase } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { asBuyer, payingBuyer, startShop, type ShopUnderTest } from './payments-helpers'

export interface DepositEndSuite {
  shop: ShopUnderTest
  owner: TestStaff
  clerk: TestStaff
}

/** Starts the shop and logs staff in for a suite (beforeAll/afterAll registered here). */
export function depositEndSuite(getDb: () => Db, sim: SimulatorHarness): DepositEndSuite {
  const suite = { shop: {} as ShopUnderTest } as DepositEndSuite
  beforeAll(async () => {
    await prepareDatabase(getDb())
    // Every read may ask Alipay, so a test can read twice in a row.
    Object.assign(suite.shop, await startShop(getDb(), sim, { env: { ALIPAY_QUERY_INTERVAL_MS: '0' } }))
    suite.owner = await loggedInStaff(getDb(), 'owner')
    suite.clerk = await loggedInStaff(getDb(), 'staff')
  })
  afterAll(async () => {
    await sim.control({ notifies: 'deliver' })
    await suite.shop.close?.()
  })
  return suite
}

export function depositEndHelpers(getDb: () => Db, sim: SimulatorHarness, suite: DepositEndSuite) {
  const statusOf = async (id: string) =>
    (await getDb().query<{ status: string }>('select status from deposits where id = $1', [id]))[0].status

  /** A deposit the buyer froze at the simulator's cashier (confirmed by its notify). */
  async function frozenDeposit(itemId = 'power-bank', payerKey?: string) {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(suite.shop, who)
    const created = (await buyer.post('/api/deposits', { itemId })).json<DepositPayment>()
    if (created.invocation.kind !== 'orderStr') throw new Error('expected an orderStr')
    const { orderStr } = created.invocation
    const payer = payerKey ?? who.key
    expect((await sim.cashier({ orderStr, outcome: 'pay', buyer: payer })).resultCode).toBe('9000')
    await sim.notifier.idle()
    const id = created.deposit.id
    expect(await statusOf(id)).toBe('frozen')
    return { id, buyer, read: async () => (await buyer.get(`/api/deposits/${id}`)).json<Deposit>() }
  }
  const act = (
    who: TestStaff | { headers: Record<string, string> },
    id: string,
    action: string,
    body?: object,
  ) =>
    suite.shop.app.inject({
      method: 'POST',
      url: `/api/merchant/deposits/${id}/${action}`,
      headers: { host: new URL(suite.shop.origin).host, ...who.headers },
      ...(body ? { payload: body } : {}),
    })
  /** The simulator's view of the freeze (its totals after every operation). */
  const simFreeze = (id: string) =>
    sim.client().exec<Record<string, string>>('alipay.fund.auth.operation.detail.query', {
      out_order_no: id,
      out_request_no: id,
    })
  async function withNotifiesLost<T>(work: () => Promise<T>): Promise<T> {
    await sim.control({ notifies: 'drop' })
    try {
      const result = await work()
      await sim.notifier.idle()
      return result
    } finally {
      await sim.control({ notifies: 'deliver' })
    }
  }
  return { statusOf, frozenDeposit, act, simFreeze, withNotifiesLost }
}
