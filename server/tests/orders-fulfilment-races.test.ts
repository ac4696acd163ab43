import { startExpirySweeper } from '../orders/expiry'
import { confirmReceipt, receiveOverdueOrders } from '../orders/fulfilment'
import { completeSettledBatch, receiveOverdueBatch, sweepFulfilment } from '../orders/fulfilment-sweep'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import { until } from '../testing/until'
import { FULFILMENT_SKU, fulfilmentOf, receivedOrder, shippedOrder } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'

const DAYS = { autoReceiveDays: 10, afterSalesDays: 7 }

describeEachDatabase('order fulfilment under races, and its sweeper', (getDb) => {
  let userId: string
  const receive = (orderId: string) => getDb().transaction((tx) => confirmReceipt(tx, orderId))
  /** Moves whatever earlier tests left due, so each test sees only its own orders move. */
  const drain = () => sweepFulfilment(getDb(), DAYS, { info: () => undefined })

  beforeAll(async () => {
    await prepareDatabase(getDb())
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    userId = (await createTestBuyer(getDb())).buyer.id
  })

  describe('races', () => {
    it('lets one of two confirmations win', async () => {
      for (let round = 0; round < 5; round++) {
        const orderId = await shippedOrder(getDb(), userId)
        const results = await Promise.all([receive(orderId), receive(orderId)])
        expect(results.filter(Boolean)).toHaveLength(1)
      }
    })

    it('lets one of a confirmation and the auto-receive sweep win', async () => {
      await drain()
      for (let round = 0; round < 5; round++) {
        const orderId = await shippedOrder(getDb(), userId, 11)
        const [confirmed, swept] = await Promise.all([receive(orderId), receiveOverdueBatch(getDb(), DAYS)])
        expect(Number(confirmed) + swept.length).toBe(1)
        expect((await fulfilmentOf(getDb(), orderId)).status).toBe('received')
      }
    })

    it('makes a confirmation that waited for a sweeper’s lock find the order received', async () => {
      const orderId = await shippedOrder(getDb(), userId, 11)
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      let updated!: () => void
      const sweeperUpdated = new Promise<void>((resolve) => (updated = resolve))
      const sweeper = getDb().transaction(async (tx) => {
        const moved = await receiveOverdueOrders(tx, [orderId], DAYS.autoReceiveDays)
        updated()
        await held // the row stays locked, uncommitted
        return moved
      })
      await sweeperUpdated
      const buyer = receive(orderId) // waits for the sweeper's commit, then re-checks the status
      setTimeout(release, 100)
      expect(await sweeper).toEqual([orderId])
      expect(await buyer).toBe(false)
    })

    it('receives and completes each order exactly once when sweepers race', async () => {
      await drain()
      const shipped: string[] = []
      const received: string[] = []
      for (let i = 0; i < 8; i++) shipped.push(await shippedOrder(getDb(), userId, 11))
      for (let i = 0; i < 8; i++) received.push(await receivedOrder(getDb(), userId, 8))
      const sweepAll = async (batch: typeof receiveOverdueBatch) => {
        const moved = (await Promise.all([1, 2, 3].map(() => batch(getDb(), { ...DAYS, limit: 3 })))).flat()
        for (let more = await batch(getDb(), DAYS); more.length; more = await batch(getDb(), DAYS)) {
          moved.push(...more)
        }
        return moved
      }
      expect((await sweepAll(receiveOverdueBatch)).sort()).toEqual([...shipped].sort())
      expect((await sweepAll(completeSettledBatch)).sort()).toEqual([...received].sort())
    })
  })

  describe('the sweeper', () => {
    it('receives and completes due orders in bounded batches, and leaves the rest', async () => {
      await drain()
      const dueToReceive = [await shippedOrder(getDb(), userId, 12), await shippedOrder(getDb(), userId, 11)]
      const notYetDue = await shippedOrder(getDb(), userId, 2)
      const dueToComplete = [await receivedOrder(getDb(), userId, 9), await receivedOrder(getDb(), userId, 8)]
      const inWindow = await receivedOrder(getDb(), userId, 1)
      const batches: string[][] = []
      await sweepFulfilment(
        getDb(),
        { ...DAYS, limit: 1 },
        { info: (details) => batches.push((details as { orderIds: string[] }).orderIds) },
      )
      expect(batches).toEqual([[dueToReceive[0]], [dueToReceive[1]], [dueToComplete[0]], [dueToComplete[1]]])
      expect((await fulfilmentOf(getDb(), notYetDue)).status).toBe('shipped')
      expect((await fulfilmentOf(getDb(), inWindow)).status).toBe('received')
    })

    it('runs with the expiry sweeper when given the day counts', async () => {
      await drain()
      const orderId = await shippedOrder(getDb(), userId, 11)
      const logger = { info: jest.fn(), error: jest.fn() }
      const stop = startExpirySweeper(getDb(), {
        intervalMs: 20,
        logger,
        fulfilment: { autoReceiveDays: 10, afterSalesDays: 0 },
      })
      try {
        await until(
          'the sweeper to receive and complete the order',
          async () => ((await fulfilmentOf(getDb(), orderId)).status === 'completed' ? true : undefined),
          5000,
          20,
        )
      } finally {
        await stop()
      }
      expect(logger.info).toHaveBeenCalledWith({ orderIds: [orderId] }, 'received overdue shipped orders')
      expect(logger.error).not.toHaveBeenCalled()
      const row = await fulfilmentOf(getDb(), orderId)
      expect(new Date(row.completed_at!).getTime()).toBeGreaterThanOrEqual(
        new Date(row.received_at!).getTime(),
      )
    })

    it('moves no paid order without the day counts', async () => {
      await drain()
      const orderId = await shippedOrder(getDb(), userId, 30)
      const logger = { info: jest.fn(), error: jest.fn() }
      const stop = startExpirySweeper(getDb(), { intervalMs: 10, logger })
      await new Promise((resolve) => setTimeout(resolve, 100))
      await stop()
      expect((await fulfilmentOf(getDb(), orderId)).status).toBe('shipped')
      expect(logger.error).not.toHaveBeenCalled()
    })
  })
})
