import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { createOrder } from '../orders/create'
import { closeExpiredOrders, startExpirySweeper } from '../orders/expiry'
import { closeOrder, markOrderPaid } from '../orders/state'
import { createTestBuyer, type TestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { until } from '../testing/until'
import { expireOrder, newKey, setStock, statusOf, stockOf } from './orders-helpers'
import { prepareDatabase } from '../testing/suites'

describeEachDatabase('order states and expiry', (getDb) => {
  let buyer: TestBuyer

  const place = async (skuId: string, quantity = 1) => {
    const { orderId } = await createOrder(getDb(), {
      userId: buyer.buyer.id,
      idempotencyKey: newKey(),
      request: { lines: [{ skuId, quantity }], address: SAMPLE_ADDRESS },
      ttlMinutes: 15,
    })
    return orderId
  }
  const paid = (orderId: string) => getDb().transaction((tx) => markOrderPaid(tx, orderId, new Date()))
  const close = (orderId: string, reason: 'expired' | 'cancelled') =>
    getDb().transaction((tx) => closeOrder(tx, orderId, reason))
  /** Closes whatever an earlier test left expired, so each test counts only its own orders. */
  const drain = async () => {
    while ((await closeExpiredOrders(getDb())).length > 0);
  }

  beforeAll(async () => {
    await prepareDatabase(getDb())
    buyer = await createTestBuyer(getDb())
  })

  describe('transitions (state.ts)', () => {
    it('pays an awaiting order once; a paid order cannot close or be paid again', async () => {
      await setStock(getDb(), 'phone-stand-std', 5)
      const orderId = await place('phone-stand-std', 2)
      const paidAt = new Date('2024-06-01T08:00:00Z')
      expect(await getDb().transaction((tx) => markOrderPaid(tx, orderId, paidAt))).toBe(true)
      const [row] = await getDb().query<{ paid_at: Date }>('select paid_at from orders where id = $1', [
        orderId,
      ])
      expect(new Date(row.paid_at).toISOString()).toBe(paidAt.toISOString())

      expect(await paid(orderId)).toBe(false)
      expect(await close(orderId, 'cancelled')).toBe(false)
      await expireOrder(getDb(), orderId)
      expect(await close(orderId, 'expired')).toBe(false)
      expect(await closeExpiredOrders(getDb())).not.toContain(orderId)
      expect(await statusOf(getDb(), orderId)).toEqual({ status: 'paid', close_reason: null })
      expect(await stockOf(getDb(), 'phone-stand-std')).toBe(3)
    })

    it('a closed order cannot be paid or closed again, and its stock returns once', async () => {
      await setStock(getDb(), 'phone-stand-std', 5)
      const orderId = await place('phone-stand-std', 2)
      expect(await close(orderId, 'cancelled')).toBe(true)
      expect(await stockOf(getDb(), 'phone-stand-std')).toBe(5)
      expect(await paid(orderId)).toBe(false)
      expect(await close(orderId, 'cancelled')).toBe(false)
      expect(await close(orderId, 'expired')).toBe(false)
      expect(await statusOf(getDb(), orderId)).toEqual({ status: 'closed', close_reason: 'cancelled' })
      expect(await stockOf(getDb(), 'phone-stand-std')).toBe(5)
    })

    it('does not close an order as expired before its time', async () => {
      const orderId = await place('envelope-kraft-std')
      expect(await close(orderId, 'expired')).toBe(false)
      expect((await statusOf(getDb(), orderId)).status).toBe('awaiting_payment')
    })

    it('refuses illegal transitions in SQL too, whatever statement tries them', async () => {
      const closedId = await place('envelope-kraft-std')
      await close(closedId, 'cancelled')
      const paidId = await place('envelope-kraft-std')
      await paid(paidId)
      const attempts: Array<[string, string]> = [
        [
          `update orders set status = 'paid', paid_at = now(), closed_at = null, close_reason = null where id = $1`,
          closedId,
        ],
        [
          `update orders set status = 'awaiting_payment', closed_at = null, close_reason = null where id = $1`,
          closedId,
        ],
        [`update orders set close_reason = 'expired' where id = $1`, closedId],
        [
          `update orders set status = 'closed', close_reason = 'cancelled', closed_at = now(), paid_at = null where id = $1`,
          paidId,
        ],
        [`update orders set paid_at = now() - interval '1 day' where id = $1`, paidId],
      ]
      for (const [sql, id] of attempts) {
        await expect(getDb().query(sql, [id])).rejects.toThrow(/cannot change/)
      }
      // Impossible combinations are refused by constraints, also for a new row.
      await expect(
        getDb().query(`update orders set status = 'paid' where id = $1`, [await place('envelope-kraft-std')]),
      ).rejects.toThrow(/check constraint/)
      expect(await statusOf(getDb(), closedId)).toEqual({ status: 'closed', close_reason: 'cancelled' })
      expect(await statusOf(getDb(), paidId)).toEqual({ status: 'paid', close_reason: null })
    })

    it('lets exactly one of a racing payment and cancellation win', async () => {
      await setStock(getDb(), 'speaker-mini-sky', 10)
      for (let round = 0; round < 5; round++) {
        const orderId = await place('speaker-mini-sky', 1)
        const [didPay, didClose] = await Promise.all([paid(orderId), close(orderId, 'cancelled')])
        expect(didPay !== didClose).toBe(true)
        expect((await statusOf(getDb(), orderId)).status).toBe(didPay ? 'paid' : 'closed')
      }
      const [{ paid_count }] = await getDb().query<{ paid_count: number }>(
        `select count(*)::int as paid_count from orders o join order_lines l on l.order_id = o.id
          where l.sku_id = 'speaker-mini-sky' and o.status = 'paid'`,
      )
      expect(await stockOf(getDb(), 'speaker-mini-sky')).toBe(10 - paid_count)
    })
  })

  describe('expiry sweep', () => {
    it('closes only expired unpaid orders and returns their stock', async () => {
      await drain()
      await setStock(getDb(), 'cookies-butter-std', 10)
      const expired = [await place('cookies-butter-std', 2), await place('cookies-butter-std', 3)]
      const fresh = await place('cookies-butter-std', 1)
      const paidId = await place('cookies-butter-std', 1)
      await paid(paidId)
      for (const id of [...expired, paidId]) await expireOrder(getDb(), id)
      expect(await stockOf(getDb(), 'cookies-butter-std')).toBe(3)

      const onClosed = jest.fn()
      const closed = await closeExpiredOrders(getDb(), { onClosed })
      expect(closed.sort()).toEqual([...expired].sort())
      expect(onClosed).toHaveBeenCalledWith(closed, 'expired')
      expect(await stockOf(getDb(), 'cookies-butter-std')).toBe(8)
      expect((await statusOf(getDb(), fresh)).status).toBe('awaiting_payment')
      expect(await statusOf(getDb(), expired[0])).toEqual({ status: 'closed', close_reason: 'expired' })
      expect(await closeExpiredOrders(getDb(), { onClosed })).toEqual([])
      expect(onClosed).toHaveBeenCalledTimes(1)
    })

    it('closes each order and returns its stock exactly once when sweepers race', async () => {
      await drain()
      await setStock(getDb(), 'chocolate-dark-std', 40)
      const ids: string[] = []
      for (let i = 0; i < 12; i++) ids.push(await place('chocolate-dark-std', 2))
      for (const id of ids) await expireOrder(getDb(), id)
      expect(await stockOf(getDb(), 'chocolate-dark-std')).toBe(16)

      const results = await Promise.all([1, 2, 3].map(() => closeExpiredOrders(getDb(), { limit: 5 })))
      let closed = results.flat()
      // Batches of 5 from three sweepers may leave some behind: sweep until done.
      for (
        let more = await closeExpiredOrders(getDb());
        more.length;
        more = await closeExpiredOrders(getDb())
      ) {
        closed = closed.concat(more)
      }
      expect(closed.sort()).toEqual([...ids].sort())
      expect(await stockOf(getDb(), 'chocolate-dark-std')).toBe(40)
    })

    it('keeps a failing onClosed listener from undoing or failing the sweep', async () => {
      await drain()
      const orderId = await place('envelope-kraft-std')
      await expireOrder(getDb(), orderId)
      const logger = { info: jest.fn(), error: jest.fn() }
      const closed = await closeExpiredOrders(getDb(), {
        onClosed: () => Promise.reject(new Error('Alipay down')),
        logger,
      })
      expect(closed).toEqual([orderId])
      expect(logger.error).toHaveBeenCalledTimes(1)
      expect((await statusOf(getDb(), orderId)).status).toBe('closed')
    })

    it('runs on an interval until stopped', async () => {
      await drain()
      await setStock(getDb(), 'honey-jar-std', 5)
      const orderId = await place('honey-jar-std', 2)
      await expireOrder(getDb(), orderId)
      const logger = { info: jest.fn(), error: jest.fn() }
      const onClosed = jest.fn()
      const stop = startExpirySweeper(getDb(), { intervalMs: 20, logger, onClosed })
      try {
        await until('the sweeper to close the order', async () => onClosed.mock.calls[0], 5000, 20)
      } finally {
        await stop()
      }
      expect(onClosed).toHaveBeenCalledWith([orderId], 'expired')
      expect(logger.info).toHaveBeenCalledWith({ orderIds: [orderId] }, 'closed expired orders')
      expect(await stockOf(getDb(), 'honey-jar-std')).toBe(5)

      // Stopped: a newly expired order stays as it is.
      const later = await place('honey-jar-std', 1)
      await expireOrder(getDb(), later)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect((await statusOf(getDb(), later)).status).toBe('awaiting_payment')
      expect(logger.error).not.toHaveBeenCalled()
    })
  })
})
