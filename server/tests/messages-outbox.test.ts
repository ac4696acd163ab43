/**
 * The "shipped" message goes through the outbox: shipping an order enqueues its job in the same
 * transaction, the worker sends it, and a subscribed buyer gets exactly one message per shipment
 * (the order-center sync of the same order runs beside it). No answer from Alipay is retried; a
 * template setup error fails the job for good; a buyer without a subscription gets nothing.
 */
import { DEV_SHIPPED_TEMPLATE } from '../alipay-simulator/subscriptions'
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import type { Db } from '../db/types'
import { SHIPPED_MESSAGE_KIND } from '../messages/outbox'
import { outboxJobsOf } from '../outbox/queue'
import { drainOutbox } from '../outbox/worker'
import { outboxHandlers } from '../outbox/handlers'
import { describeEachDatabase } from '../testing/databases'
import { until } from '../testing/until'
import { newBuyer, paidOrder, ship, stockUp } from './after-sales-helpers'
import { FAST_OUTBOX } from './order-center-helpers'
import { SHIPMENT } from './orders-fulfilment-helpers'
import { shopForSuite } from './payments-helpers'

const messageJobsOf = (db: Db, orderId: string) => outboxJobsOf(db, orderId, SHIPPED_MESSAGE_KIND)
const messagesFor = (sim: SimulatorHarness, orderId: string) =>
  sim.messages().filter((message) => message.data.keyword1?.value === orderId)

/** Waits until the order's message job is no longer pending; returns it. */
async function jobEnded(db: Db, orderId: string) {
  return until(
    `the shipped-message job of ${orderId} to end`,
    async () => {
      const jobs = await messageJobsOf(db, orderId)
      return jobs.length === 1 && jobs[0].status !== 'pending' ? jobs[0] : undefined
    },
    5000,
    20,
  )
}

describeEachDatabase('the shipped message, sent by the outbox worker', (getDb) => {
  let sim: SimulatorHarness
  beforeAll(async () => {
    sim = await startSimulator()
  })
  const shop = shopForSuite(getDb, () => sim, { config: { outbox: FAST_OUTBOX }, runOutbox: true })
  beforeAll(async () => {
    await stockUp(getDb())
  })
  afterAll(async () => {
    await sim?.close()
  })

  it('reaches a subscribed buyer once per shipment, with the parcel in it', async () => {
    const buyer = await newBuyer(shop, getDb())
    await sim.subscribe(buyer.key, [DEV_SHIPPED_TEMPLATE.id])
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    expect(await messageJobsOf(getDb(), order.id)).toEqual([]) // paying sends nothing

    await ship(getDb(), order.id)
    const job = await jobEnded(getDb(), order.id)
    expect(job.status).toBe('done')
    const [message, ...more] = messagesFor(sim, order.id)
    expect(more).toEqual([])
    expect(message.templateId).toBe(DEV_SHIPPED_TEMPLATE.id)
    expect(message.buyer.key).toBe(buyer.key)
    expect(message.data.keyword2.value).toBe(SHIPMENT.carrier)
    expect(message.data.keyword3.value).toBe(SHIPMENT.trackingNo)
  })

  it('sends nothing to a buyer who did not subscribe, and the job still ends', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await ship(getDb(), order.id)
    expect((await jobEnded(getDb(), order.id)).status).toBe('done')
    expect(messagesFor(sim, order.id)).toEqual([])
  })

  it('enqueues no second message when an order already shipped is shipped again', async () => {
    const buyer = await newBuyer(shop, getDb())
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await ship(getDb(), order.id)
    await jobEnded(getDb(), order.id)
    await expect(ship(getDb(), order.id)).rejects.toThrow(/could not ship/)
    expect(await messageJobsOf(getDb(), order.id)).toHaveLength(1)
  })
})

describeEachDatabase('the shipped message when Alipay does not answer, or refuses the template', (getDb) => {
  let sim: SimulatorHarness
  beforeAll(async () => {
    sim = await startSimulator()
  })
  // No worker in the app: the test drains the outbox itself, with the client and settings it picks.
  const shop = shopForSuite(getDb, () => sim, { config: { outbox: FAST_OUTBOX }, runOutbox: false })
  beforeAll(async () => {
    await stockUp(getDb())
  })
  afterAll(async () => {
    await sim?.close()
  })
  const quiet = { info: () => {}, warn: () => {}, error: () => {} }
  const drain = (client: ReturnType<SimulatorHarness['client']>, template: string) =>
    drainOutbox(
      getDb(),
      {
        handlers: outboxHandlers({
          settings: FAST_OUTBOX,
          db: getDb(),
          messages: { templates: { shipped: template } },
          alipay: client,
        }),
        settings: FAST_OUTBOX,
        logger: quiet,
      },
      'test-worker',
    )

  it('retries while the gateway is unreachable, then sends exactly one', async () => {
    const buyer = await newBuyer(shop, getDb())
    await sim.subscribe(buyer.key, [DEV_SHIPPED_TEMPLATE.id])
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await ship(getDb(), order.id)

    const unreachable = sim.client(undefined, { gateway: 'http://127.0.0.1:9/gateway.do' })
    await drain(unreachable, DEV_SHIPPED_TEMPLATE.id)
    let [job] = await messageJobsOf(getDb(), order.id)
    expect(job).toMatchObject({ status: 'pending', attempts: 1 })
    expect(messagesFor(sim, order.id)).toEqual([])

    await new Promise((resolve) => setTimeout(resolve, 3 * FAST_OUTBOX.retry.baseMs)) // past the backoff
    await drain(sim.client(), DEV_SHIPPED_TEMPLATE.id)
    ;[job] = await messageJobsOf(getDb(), order.id)
    expect(job.status).toBe('done')
    expect(messagesFor(sim, order.id)).toHaveLength(1)
  })

  it('fails the job for good, keeping the error, when the template is not one the app has', async () => {
    const buyer = await newBuyer(shop, getDb())
    await sim.subscribe(buyer.key, [DEV_SHIPPED_TEMPLATE.id])
    const order = await paidOrder(shop, sim, getDb(), buyer, { envelopes: 1, pencils: 0 })
    await ship(getDb(), order.id)
    await drain(sim.client(), 'not-a-template-of-this-app')
    const [job] = await messageJobsOf(getDb(), order.id)
    expect(job.status).toBe('failed')
    expect(job.lastError).toMatch(/USER_TEMPLATE_ILLEGAL/)
    expect(messagesFor(sim, order.id)).toEqual([])
  })
})
