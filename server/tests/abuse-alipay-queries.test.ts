/**
 * Issue 14 #5: buyers' reads must not multiply calls to Alipay. Reading a deposit asks
 * alipay.fund.auth.operation.detail.query and reading an unpaid order asks alipay.trade.query
 * (a lost notify is recovered that way), but at most once per ALIPAY_QUERY_INTERVAL_MS per order
 * or deposit, across instances, backing off while Alipay fails. The simulator counts the calls it
 * receives (sim.calls); `queries: 'fail'` makes it answer 20000.
 */
import type { Deposit, DepositPayment, Order } from '../../contract'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { createPayments } from '../payments/service'
import { DEFAULT_ALIPAY_QUERY_INTERVAL_MS, readAlipayQuerySettings } from '../payments/query-throttle'
import { testConfig } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { until } from '../testing/until'
import {
  asBuyer,
  payingBuyer,
  payWithNotifyLost,
  shopForSuite,
  startShop,
  tradeNoOf,
  type ShopUnderTest,
} from './payments-helpers'
import { simulatorForSuite } from '../testing/suites'

const DETAIL_QUERY = 'alipay.fund.auth.operation.detail.query'
const TRADE_QUERY = 'alipay.trade.query'

const sim = simulatorForSuite()

/** The most calls a throttle of `intervalMs` allows in `elapsedMs`. */
const allowedCalls = (elapsedMs: number, intervalMs = DEFAULT_ALIPAY_QUERY_INTERVAL_MS) =>
  Math.ceil(elapsedMs / intervalMs) + 1

/** Runs `reads` and answers how many `method` calls the simulator saw meanwhile, and how long it took. */
async function countCalls(method: string, reads: () => Promise<void>) {
  const before = sim.calls.count(method)
  const started = Date.now()
  await reads()
  return { calls: sim.calls.count(method) - before, elapsedMs: Date.now() - started }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('ALIPAY_QUERY_INTERVAL_MS and ALIPAY_QUERY_MAX_BACKOFF_MS', () => {
  it('default to 2 s and 60 s, and say what to set when wrong', () => {
    expect(readAlipayQuerySettings({})).toEqual({ intervalMs: 2000, maxBackoffMs: 60_000 })
    expect(readAlipayQuerySettings({ ALIPAY_QUERY_INTERVAL_MS: '0' })).toEqual({
      intervalMs: 0,
      maxBackoffMs: 60_000,
    })
    expect(() => readAlipayQuerySettings({ ALIPAY_QUERY_INTERVAL_MS: 'fast' })).toThrow(
      /^ALIPAY_QUERY_INTERVAL_MS must be a whole number from 0 to 600000 .*Default: ALIPAY_QUERY_INTERVAL_MS=2000/,
    )
    expect(() =>
      readAlipayQuerySettings({ ALIPAY_QUERY_INTERVAL_MS: '5000', ALIPAY_QUERY_MAX_BACKOFF_MS: '1000' }),
    ).toThrow(/^ALIPAY_QUERY_MAX_BACKOFF_MS \(1000\) must be at least ALIPAY_QUERY_INTERVAL_MS \(5000\)/)
  })
})

describeEachDatabase('reads do not multiply Alipay queries', (getDb) => {
  // The default interval: what a deployment gets without configuring anything.
  const shop = shopForSuite(getDb, () => sim)

  async function newDeposit(on: ShopUnderTest = shop) {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(on, who)
    const res = await buyer.post('/api/deposits', { itemId: 'umbrella' })
    expect(res.statusCode).toBe(201)
    return { who, buyer, deposit: res.json<DepositPayment>().deposit }
  }

  async function unpaidOrderWithTrade(on: ShopUnderTest = shop) {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(on, who)
    const order = await buyer.placeOrder()
    const tradeNO = tradeNoOf(await buyer.openPayment(order.id))
    return { who, buyer, order, tradeNO }
  }

  /** 100 reads at once, then 50 one after another: `method` at most once per interval each time. */
  async function expectThrottled(method: string, read: () => Promise<void>) {
    const parallel = await countCalls(method, async () => {
      await Promise.all(Array.from({ length: 100 }, read))
    })
    expect(parallel.calls).toBeGreaterThanOrEqual(1) // the first read did ask
    expect(parallel.calls).toBeLessThanOrEqual(allowedCalls(parallel.elapsedMs))
    const sequential = await countCalls(method, async () => {
      for (let i = 0; i < 50; i++) await read()
    })
    expect(sequential.calls).toBeLessThanOrEqual(allowedCalls(sequential.elapsedMs))
    expect(parallel.calls + sequential.calls).toBeLessThan(10)
  }

  it('100 parallel and 50 sequential reads of a deposit ask Alipay at most once per interval', async () => {
    const { buyer, deposit } = await newDeposit()
    await expectThrottled(DETAIL_QUERY, async () => {
      const res = await buyer.get(`/api/deposits/${deposit.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.json<Deposit>().status).toBe('awaiting_freeze')
    })
  })

  it('100 parallel and 50 sequential reads of an unpaid order ask alipay.trade.query at most once per interval', async () => {
    const { buyer, order } = await unpaidOrderWithTrade()
    await expectThrottled(TRADE_QUERY, async () => {
      const res = await buyer.get(`/api/orders/${order.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.json<Order>().status).toBe('awaiting_payment')
    })
  })

  it('parallel reads of a deposit share one query in flight, even with no interval', async () => {
    const unthrottled = await startShop(getDb(), sim, { env: { ALIPAY_QUERY_INTERVAL_MS: '0' } })
    try {
      const { buyer, deposit } = await newDeposit(unthrottled)
      const parallel = await countCalls(DETAIL_QUERY, async () => {
        await Promise.all(Array.from({ length: 100 }, () => buyer.get(`/api/deposits/${deposit.id}`)))
      })
      expect(parallel.calls).toBeGreaterThanOrEqual(1)
      expect(parallel.calls).toBeLessThan(20)
      // Interval 0 really is no limit: sequential reads each ask.
      const sequential = await countCalls(DETAIL_QUERY, async () => {
        for (let i = 0; i < 5; i++) await buyer.get(`/api/deposits/${deposit.id}`)
      })
      expect(sequential.calls).toBe(5)
    } finally {
      await unthrottled.close()
    }
  })

  it('two instances on one database share the interval: the second does not ask within it', async () => {
    const second = await startShop(getDb(), sim)
    try {
      const { who, order } = await unpaidOrderWithTrade()
      const first = await countCalls(TRADE_QUERY, async () => {
        expect((await asBuyer(shop, who).get(`/api/orders/${order.id}`)).statusCode).toBe(200)
      })
      expect(first.calls).toBe(1)
      const other = await countCalls(TRADE_QUERY, async () => {
        for (let i = 0; i < 20; i++) {
          const res = await asBuyer(second, who).get(`/api/orders/${order.id}`)
          expect(res.json<Order>().status).toBe('awaiting_payment')
        }
      })
      // Within the interval of the first instance's query, the second asks nothing.
      if (first.elapsedMs + other.elapsedMs < DEFAULT_ALIPAY_QUERY_INTERVAL_MS) expect(other.calls).toBe(0)
      expect(other.calls).toBeLessThanOrEqual(allowedCalls(first.elapsedMs + other.elapsedMs) - 1)

      // Deposits too.
      const deposit = await newDeposit()
      const firstRead = await countCalls(DETAIL_QUERY, async () => {
        await deposit.buyer.get(`/api/deposits/${deposit.deposit.id}`)
      })
      expect(firstRead.calls).toBe(1)
      const otherReads = await countCalls(DETAIL_QUERY, async () => {
        for (let i = 0; i < 20; i++)
          await asBuyer(second, deposit.who).get(`/api/deposits/${deposit.deposit.id}`)
      })
      if (firstRead.elapsedMs + otherReads.elapsedMs < DEFAULT_ALIPAY_QUERY_INTERVAL_MS)
        expect(otherReads.calls).toBe(0)
      expect(otherReads.calls).toBeLessThanOrEqual(
        allowedCalls(firstRead.elapsedMs + otherReads.elapsedMs) - 1,
      )
    } finally {
      await second.close()
    }
  })

  it('backs off while Alipay fails (2×, 4× the interval, then capped) and resets after an answer', async () => {
    const intervalMs = 100
    const maxBackoffMs = 500
    const flaky = await startShop(getDb(), sim, {
      env: {
        ALIPAY_QUERY_INTERVAL_MS: String(intervalMs),
        ALIPAY_QUERY_MAX_BACKOFF_MS: String(maxBackoffMs),
      },
    })
    const readFor = async (read: () => Promise<unknown>, ms: number) => {
      const end = Date.now() + ms
      while (Date.now() < end) {
        await read()
        await sleep(10)
      }
    }
    try {
      const { buyer, deposit } = await newDeposit(flaky)
      const read = async () => {
        const res = await buyer.get(`/api/deposits/${deposit.id}`)
        // Alipay failing never fails the read: the deposit shows as stored.
        expect(res.statusCode).toBe(200)
        expect(res.json<Deposit>().status).toBe('awaiting_freeze')
      }
      const seen = sim.calls.times(DETAIL_QUERY).length
      await sim.control({ queries: 'fail' })
      await readFor(read, 2000)
      const failing = sim.calls.times(DETAIL_QUERY).slice(seen)
      const gaps = failing.slice(1).map((at, i) => at - failing[i])
      // Calls at 0, 200, 600, 1100, 1600: gaps 2× and 4× the interval, then the cap (not 8×).
      expect(gaps.length).toBeGreaterThanOrEqual(3)
      const slack = 60
      expect(gaps[0]).toBeGreaterThanOrEqual(2 * intervalMs - slack)
      expect(gaps[1]).toBeGreaterThanOrEqual(4 * intervalMs - slack)
      expect(gaps[2]).toBeGreaterThanOrEqual(maxBackoffMs - slack)
      expect(gaps[1]).toBeGreaterThan(gaps[0])
      for (const gap of gaps) expect(gap).toBeLessThan(maxBackoffMs + 250) // the cap holds: 8× would be 800

      // Alipay answers again: after the pending backoff, the next answer resets the gap.
      await sim.control({ queries: 'normal' })
      const recovered = sim.calls.times(DETAIL_QUERY).length
      await readFor(read, maxBackoffMs + 1000)
      const answered = sim.calls.times(DETAIL_QUERY).slice(recovered)
      expect(answered.length).toBeGreaterThanOrEqual(3)
      const after = answered.slice(1).map((at, i) => at - answered[i])
      for (const gap of after) {
        expect(gap).toBeGreaterThanOrEqual(intervalMs - slack)
        expect(gap).toBeLessThan(maxBackoffMs) // back to about the interval
      }
    } finally {
      await sim.control({ queries: 'normal' })
      await flaky.close()
    }
  })

  it('a paid order whose notify was lost still becomes paid on a read after the interval', async () => {
    const { buyer, order, tradeNO } = await unpaidOrderWithTrade()
    const statusOnRead = async () => (await buyer.get(`/api/orders/${order.id}`)).json<Order>().status
    expect(await statusOnRead()).toBe('awaiting_payment') // this read asked Alipay
    const asked = Date.now()
    await payWithNotifyLost(sim, { tradeNO })
    // A read within the interval shows what is stored...
    if (Date.now() - asked < DEFAULT_ALIPAY_QUERY_INTERVAL_MS - 200)
      expect(await statusOnRead()).toBe('awaiting_payment')
    // ...and one after it asks again and finds the payment.
    await until(
      'the order paid on read',
      async () => ((await statusOnRead()) === 'paid' ? true : undefined),
      DEFAULT_ALIPAY_QUERY_INTERVAL_MS + 3000,
      100,
    )
    expect(Date.now() - asked).toBeGreaterThanOrEqual(DEFAULT_ALIPAY_QUERY_INTERVAL_MS - 50)
  })

  describe('near and past the deadline (a read may close the order), reads ask again within the interval', () => {
    // An interval far longer than the test: only the deadline can let these reads ask.
    const LONG_INTERVAL = { ALIPAY_QUERY_INTERVAL_MS: '60000', ALIPAY_QUERY_MAX_BACKOFF_MS: '60000' }
    const moveDeadline = (orderId: string, fromNowMs: number) =>
      getDb().query(
        `update orders set created_at = now() - interval '1 hour',
                           expires_at = now() + $2::integer * interval '1 millisecond'
          where id = $1`,
        [orderId, fromNowMs],
      )

    async function paidAfterAQuery(slow: ShopUnderTest) {
      const { who, order, tradeNO } = await unpaidOrderWithTrade(slow)
      const buyer = asBuyer(slow, who)
      const statusOnRead = async () => (await buyer.get(`/api/orders/${order.id}`)).json<Order>().status
      expect(await statusOnRead()).toBe('awaiting_payment') // asked: the interval starts
      await payWithNotifyLost(sim, { tradeNO })
      expect(await statusOnRead()).toBe('awaiting_payment') // throttled: shows what is stored
      return { order, statusOnRead }
    }

    it('past the deadline: the read asks, so a paid order is not expired', async () => {
      const slow = await startShop(getDb(), sim, { env: LONG_INTERVAL })
      try {
        const { order, statusOnRead } = await paidAfterAQuery(slow)
        await sleep(50)
        // The buyer paid after that query, just before the deadline, which has now passed.
        await moveDeadline(order.id, -20)
        const read = await countCalls(TRADE_QUERY, async () => {
          expect(await statusOnRead()).toBe('paid')
        })
        expect(read.calls).toBe(1)
      } finally {
        await slow.close()
      }
    })

    it('within the last second before it: one read asks once more', async () => {
      const slow = await startShop(getDb(), sim, { env: LONG_INTERVAL })
      try {
        const { order, statusOnRead } = await paidAfterAQuery(slow)
        await sleep(1100) // the earlier queries are more than a second old
        await moveDeadline(order.id, 800)
        const reads = await countCalls(TRADE_QUERY, async () => {
          expect(await statusOnRead()).toBe('paid')
          expect(await statusOnRead()).toBe('paid')
        })
        expect(reads.calls).toBe(1)
      } finally {
        await slow.close()
      }
    })
  })

  it('the sweeper asks before expiring, whatever the read throttle says', async () => {
    const { buyer, order } = await unpaidOrderWithTrade()
    expect((await buyer.get(`/api/orders/${order.id}`)).statusCode).toBe(200) // a read asked just now
    const payments = createPayments({
      db: getDb(),
      alipay: sim.client(TEST_APP_ID),
      settings: testConfig().alipay.payments,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    })
    const sweeps = await countCalls(TRADE_QUERY, async () => {
      await payments.beforeOrdersExpire([order.id])
      await payments.beforeOrdersExpire([order.id])
    })
    expect(sweeps.calls).toBe(2)
  })
})
