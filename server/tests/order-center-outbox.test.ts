/**
 * The outbox behind the order center, with the real simulator: a job survives the app closing
 * before it ran (a new app on the same database delivers it); an outage is retried with a growing,
 * capped wait while the buyer's requests go on; an order's states go out in the order they
 * happened even when an earlier one had to wait; the job is committed with its change or not at
 * all; with ALIPAY_ORDER_SYNC=off nothing is sent.
 */
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import { shipOrder } from '../orders/fulfilment'
import { deleteDeliveredJobs } from '../outbox/queue'
import { backoffMs } from '../outbox/worker'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { until } from '../testing/until'
import { newBuyer, paidOrder, stockUp } from './after-sales-helpers'
import { FAST_OUTBOX, settled, simulatorShows, syncJobsOf } from './order-center-helpers'
import { SHIPMENT } from './orders-fulfilment-helpers'
import { statusOf } from './orders-helpers'
import { startShop, type ShopUnderTest } from './payments-helpers'

const SYNC = 'alipay.merchant.order.sync'

describeEachDatabase('the order-center outbox', (getDb) => {
  let sim: SimulatorHarness
  const shops: ShopUnderTest[] = []
  const open = async (options: { runOutbox: boolean; outbox?: Partial<typeof FAST_OUTBOX> }) => {
    const shop = await startShop(getDb(), sim, {
      runOutbox: options.runOutbox,
      config: { outbox: { ...FAST_OUTBOX, ...options.outbox } },
    })
    shops.push(shop)
    return shop
  }
  const closeAll = async () => {
    for (const shop of shops.splice(0)) await shop.close()
  }

  beforeAll(async () => {
    sim = await startSimulator()
    await prepareDatabase(getDb())
    await stockUp(getDb())
  })
  afterEach(async () => {
    await sim.control({ orderSync: 'normal' })
    await closeAll()
  })
  afterAll(async () => {
    await sim.close()
  })

  it('survives a restart: jobs written before the app closed are delivered by the next app', async () => {
    // The worker would only look in a minute: the app closes before it ever runs.
    const first = await open({ runOutbox: true, outbox: { pollMs: 60_000 } })
    const order = await paidOrder(first, sim, getDb(), await newBuyer(first, getDb()), { pencils: 0 })
    await closeAll()
    expect((await syncJobsOf(getDb(), order.id)).map((job) => job.status)).toEqual(['pending', 'pending'])
    expect(await sim.orderCenter(order.id)).toBeUndefined()

    await open({ runOutbox: true })
    const entry = await simulatorShows(sim, order.id, 'PAID')
    expect(entry.history.map((state) => state.status)).toEqual(['CREATE', 'PAID'])
  })

  it('retries an outage with a growing, capped wait; the buyer never waits; states stay in order', async () => {
    await sim.control({ orderSync: 'fail' })
    const shop = await open({ runOutbox: true })
    const before = sim.calls.count(SYNC)
    const startedAt = Date.now()
    // Paying is the buyer's request path: it completes while every sync fails.
    const order = await paidOrder(shop, sim, getDb(), await newBuyer(shop, getDb()), { pencils: 0 })
    expect(Date.now() - startedAt).toBeLessThan(5000)
    // CREATE is retried; PAID (due all along, and with fewer tries) must wait behind it.
    const attempts = await until(
      'six failed attempts',
      async () => {
        const [created] = await syncJobsOf(getDb(), order.id)
        return created.attempts >= 6 ? created.attempts : undefined
      },
      10_000,
      20,
    )
    const jobs = await syncJobsOf(getDb(), order.id)
    expect(jobs.map((job) => job.status)).toEqual(['pending', 'pending'])
    expect(jobs[0].lastError).toMatch(/temporarily unavailable/)
    expect(jobs[1].attempts).toBe(0)
    // Every call so far was CREATE's; the gaps between them follow the backoff (40, 80, 160, 320, 320 ms).
    const times = sim.calls.times(SYNC).slice(-(sim.calls.count(SYNC) - before))
    expect(times.length).toBeGreaterThanOrEqual(attempts - 1)
    const gaps = times.slice(1).map((at, index) => at - times[index])
    gaps.forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(backoffMs(index + 1, FAST_OUTBOX.retry) - 5)
      expect(gap).toBeLessThan(FAST_OUTBOX.retry.maxMs + 1000)
    })

    await sim.control({ orderSync: 'normal' })
    const entry = await simulatorShows(sim, order.id, 'PAID')
    expect(entry.history.map((state) => state.status)).toEqual(['CREATE', 'PAID'])
    expect(entry.refusals).toEqual([])
    expect((await statusOf(getDb(), order.id)).status).toBe('paid')
  })

  it('commits the job with its change, or neither', async () => {
    const shop = await open({ runOutbox: false })
    const order = await paidOrder(shop, sim, getDb(), await newBuyer(shop, getDb()), { pencils: 0 })
    const crash = new Error('the process dies before committing')
    await expect(
      getDb().transaction(async (tx) => {
        expect(await shipOrder(tx, order.id, SHIPMENT)).toBe(true)
        // Inside the transaction of the change, the job is already there.
        const [job] = await tx.query<{ n: number }>(
          `select count(*)::int as n from outbox where aggregate_id = $1
              and payload -> 'ext_info' @> '[{"ext_key":"merchant_order_status","ext_value":"IN_DELIVERY"}]'`,
          [order.id],
        )
        expect(job.n).toBe(1)
        throw crash
      }),
    ).rejects.toBe(crash)
    expect((await statusOf(getDb(), order.id)).status).toBe('paid')
    expect((await syncJobsOf(getDb(), order.id)).map((job) => job.payload.ext_info)).toHaveLength(2)
  })

  it('deletes delivered jobs past retention and keeps failed and pending ones', async () => {
    const aggregate = `retention-${Date.now()}`
    const insert = (status: string, endedDaysAgo: number | null) =>
      getDb().query(
        `insert into outbox (kind, aggregate_id, payload, status, done_at)
         values ('test.retention', $1, '{}'::jsonb, $2, now() - make_interval(days => $3::int))`,
        [aggregate, status, endedDaysAgo ?? 0],
      )
    await insert('done', 8)
    await insert('done', 6)
    await insert('failed', 30)
    await getDb().query(
      `insert into outbox (kind, aggregate_id, payload) values ('test.retention', $1, '{}'::jsonb)`,
      [aggregate],
    )
    expect(await deleteDeliveredJobs(getDb(), 7)).toBe(1)
    const left = await getDb().query<{ status: string }>(
      'select status from outbox where aggregate_id = $1 order by id',
      [aggregate],
    )
    expect(left.map((row) => row.status)).toEqual(['done', 'failed', 'pending'])
  })

  it('sends nothing with ALIPAY_ORDER_SYNC=off', async () => {
    const shop = await open({ runOutbox: true, outbox: { orderSync: false } })
    const before = sim.calls.count(SYNC)
    const order = await paidOrder(shop, sim, getDb(), await newBuyer(shop, getDb()), { pencils: 0 })
    await settled(getDb(), order.id)
    expect(sim.calls.count(SYNC)).toBe(before)
    expect(await sim.orderCenter(order.id)).toBeUndefined()
  })
})
