import { completeSettledOrders, confirmReceipt, receiveOverdueOrders, shipOrder } from '../orders/fulfilment'
import { completeSettledBatch, receiveOverdueBatch, sweepFulfilment } from '../orders/fulfilment-sweep'
import { closeOrder, markOrderPaid } from '../orders/state'
import { createTestBuyer } from '../testing/buyers'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase } from '../testing/suites'
import {
  FULFILMENT_SKU,
  fulfilmentOf,
  paidOrder,
  placeOrder,
  receivedOrder,
  setOpenAfterSales,
  SHIPMENT,
  shippedOrder,
} from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'

const DAYS = { autoReceiveDays: 10, afterSalesDays: 7 }

describeEachDatabase('order fulfilment: paid → shipped → received → completed', (getDb) => {
  let userId: string
  const ship = (orderId: string) => getDb().transaction((tx) => shipOrder(tx, orderId, SHIPMENT))
  const receive = (orderId: string) => getDb().transaction((tx) => confirmReceipt(tx, orderId))
  const autoReceive = (ids: string[]) =>
    getDb().transaction((tx) => receiveOverdueOrders(tx, ids, DAYS.autoReceiveDays))
  const complete = (ids: string[]) =>
    getDb().transaction((tx) => completeSettledOrders(tx, ids, DAYS.afterSalesDays))
  /** Moves whatever earlier tests left due, so each test sees only its own orders move. */
  const drain = () => sweepFulfilment(getDb(), DAYS, { info: () => undefined })

  beforeAll(async () => {
    await prepareDatabase(getDb())
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    userId = (await createTestBuyer(getDb())).buyer.id
  })

  describe('transitions', () => {
    it('ships a paid order once, recording carrier, tracking number and time', async () => {
      const orderId = await paidOrder(getDb(), userId)
      const before = Date.now()
      expect(await ship(orderId)).toBe(true)
      const row = await fulfilmentOf(getDb(), orderId)
      expect(row).toMatchObject({ status: 'shipped', carrier: '顺丰速运', tracking_no: 'SF1234567890' })
      expect(new Date(row.shipped_at!).getTime()).toBeGreaterThanOrEqual(before - 5000)
      expect(await ship(orderId)).toBe(false)
      expect((await fulfilmentOf(getDb(), orderId)).shipped_at).toEqual(row.shipped_at)
    })

    it('records who shipped', async () => {
      const orderId = await paidOrder(getDb(), userId)
      expect(await getDb().transaction((tx) => shipOrder(tx, orderId, SHIPMENT, { shippedBy: '42' }))).toBe(
        true,
      )
      const [row] = await getDb().query<{ shipped_by: string }>(
        'select shipped_by::text from orders where id = $1',
        [orderId],
      )
      expect(row.shipped_by).toBe('42')
    })

    it('refuses a shipment the contract refuses, before touching the order', async () => {
      const orderId = await paidOrder(getDb(), userId)
      for (const shipment of [
        { carrier: '顺丰速运', trackingNo: 'SF 123' },
        { carrier: '顺丰速运', trackingNo: 'abc' },
        { carrier: '  ', trackingNo: 'SF1234567890' },
        { carrier: 'SF\u0007', trackingNo: 'SF1234567890' },
      ]) {
        await expect(getDb().transaction((tx) => shipOrder(tx, orderId, shipment))).rejects.toMatchObject({
          statusCode: 400,
          code: 'bad_request',
        })
      }
      expect((await fulfilmentOf(getDb(), orderId)).status).toBe('paid')
    })

    it('lets the buyer confirm a shipped order once', async () => {
      const orderId = await shippedOrder(getDb(), userId)
      expect(await receive(orderId)).toBe(true)
      const row = await fulfilmentOf(getDb(), orderId)
      expect(row.status).toBe('received')
      expect(row.received_at).not.toBeNull()
      expect(await receive(orderId)).toBe(false)
      expect((await fulfilmentOf(getDb(), orderId)).received_at).toEqual(row.received_at)
    })

    it('receives a shipped order automatically only once AUTO_RECEIVE_DAYS have passed', async () => {
      const due = await shippedOrder(getDb(), userId, 10.01)
      const early = await shippedOrder(getDb(), userId, 9.9)
      expect(await autoReceive([due, early])).toEqual([due])
      expect(await autoReceive([due, early])).toEqual([])
      expect((await fulfilmentOf(getDb(), early)).status).toBe('shipped')
    })

    it('completes a received order only once AFTER_SALES_DAYS have passed', async () => {
      const due = await receivedOrder(getDb(), userId, 7.01)
      const early = await receivedOrder(getDb(), userId, 6.9)
      expect(await complete([due, early])).toEqual([due])
      expect(await complete([due])).toEqual([])
      expect((await fulfilmentOf(getDb(), due)).completed_at).not.toBeNull()
      expect((await fulfilmentOf(getDb(), early)).status).toBe('received')
    })

    it('refuses every step out of order in state.ts', async () => {
      const unpaid = await placeOrder(getDb(), userId)
      const paid = await paidOrder(getDb(), userId)
      const shipped = await shippedOrder(getDb(), userId, 30)
      const received = await receivedOrder(getDb(), userId, 30)
      const closed = await placeOrder(getDb(), userId)
      await getDb().transaction((tx) => closeOrder(tx, closed, 'cancelled'))

      for (const id of [unpaid, shipped, received, closed]) expect(await ship(id)).toBe(false)
      for (const id of [unpaid, paid, received, closed]) expect(await receive(id)).toBe(false)
      expect(await autoReceive([unpaid, paid, received, closed])).toEqual([])
      expect(await complete([unpaid, paid, shipped, closed])).toEqual([])
      for (const id of [shipped, received]) {
        expect(await getDb().transaction((tx) => markOrderPaid(tx, id))).toBe(false)
        expect(await getDb().transaction((tx) => closeOrder(tx, id, 'cancelled'))).toBe(false)
      }
      const statuses = await Promise.all(
        [unpaid, paid, shipped, received, closed].map(async (id) => (await fulfilmentOf(getDb(), id)).status),
      )
      expect(statuses).toEqual(['awaiting_payment', 'paid', 'shipped', 'received', 'closed'])
    })
  })

  describe('in SQL (migration 007)', () => {
    it('refuses every illegal change of state, whatever statement tries it', async () => {
      const unpaid = await placeOrder(getDb(), userId)
      const paid = await paidOrder(getDb(), userId)
      const shipped = await shippedOrder(getDb(), userId, 3)
      const received = await receivedOrder(getDb(), userId, 3)
      const completed = await receivedOrder(getDb(), userId, 30)
      expect(await complete([completed])).toEqual([completed])
      const closed = await placeOrder(getDb(), userId)
      await getDb().transaction((tx) => closeOrder(tx, closed, 'cancelled'))

      const shipping = `carrier = 'SF', tracking_no = 'SF1234', shipped_at = now()`
      const attempts: Array<[string, string]> = [
        // Skipping a state, going back, or leaving the paths.
        [`update orders set status = 'shipped', paid_at = now(), ${shipping} where id = $1`, unpaid],
        [`update orders set status = 'received', ${shipping}, received_at = now() where id = $1`, paid],
        [
          `update orders set status = 'completed', received_at = now(), completed_at = now() where id = $1`,
          shipped,
        ],
        [
          `update orders set status = 'paid', carrier = null, tracking_no = null, shipped_at = null where id = $1`,
          shipped,
        ],
        [`update orders set status = 'shipped', received_at = null where id = $1`, received],
        [`update orders set status = 'received', completed_at = null where id = $1`, completed],
        [
          `update orders set status = 'closed', close_reason = 'cancelled', closed_at = now(), paid_at = null,
                  carrier = null, tracking_no = null, shipped_at = null where id = $1`,
          shipped,
        ],
        [
          `update orders set status = 'shipped', close_reason = null, closed_at = null, paid_at = now(), ${shipping}
            where id = $1`,
          closed,
        ],
        // Rewriting what a state recorded.
        [`update orders set tracking_no = 'OTHER123' where id = $1`, shipped],
        [`update orders set shipped_at = shipped_at - interval '30 days' where id = $1`, shipped],
        [`update orders set shipped_by = 7 where id = $1`, received],
        [`update orders set received_at = received_at - interval '30 days' where id = $1`, received],
        [`update orders set completed_at = now() where id = $1`, completed],
        [`update orders set paid_at = now() where id = $1`, completed],
      ]
      for (const [sql, id] of attempts) {
        await expect(getDb().query(sql, [id])).rejects.toThrow(/cannot change/)
      }
      // A legal step without its record is refused by the constraints.
      await expect(
        getDb().query(`update orders set status = 'shipped' where id = $1`, [paid]),
      ).rejects.toThrow(/check constraint/)
      await expect(
        getDb().query(
          `update orders set status = 'shipped', shipped_at = now(), carrier = 'SF' where id = $1`,
          [paid],
        ),
      ).rejects.toThrow(/check constraint/)
      await expect(
        getDb().query(
          `update orders set status = 'received', received_at = shipped_at - interval '1 day' where id = $1`,
          [shipped],
        ),
      ).rejects.toThrow(/check constraint/)

      const statuses = await Promise.all(
        [unpaid, paid, shipped, received, completed, closed].map(
          async (id) => (await fulfilmentOf(getDb(), id)).status,
        ),
      )
      expect(statuses).toEqual(['awaiting_payment', 'paid', 'shipped', 'received', 'completed', 'closed'])
    })

    it('never completes an order with an open after-sales request (the seam), even by a direct UPDATE', async () => {
      await drain()
      const open = await receivedOrder(getDb(), userId, 30)
      const settled = await receivedOrder(getDb(), userId, 30)
      const shipped = await shippedOrder(getDb(), userId, 30)
      await setOpenAfterSales(getDb(), [open, shipped])
      try {
        await expect(
          getDb().query(`update orders set status = 'completed', completed_at = now() where id = $1`, [open]),
        ).rejects.toThrow(/open after-sales request/)
        expect(await complete([open, settled])).toEqual([settled])
        expect(await receiveOverdueBatch(getDb(), DAYS)).toEqual([])
        expect(await completeSettledBatch(getDb(), DAYS)).toEqual([])
        // The buyer may still confirm receipt themselves.
        expect(await receive(shipped)).toBe(true)
      } finally {
        await setOpenAfterSales(getDb(), [])
      }
      expect(await complete([open])).toEqual([open])
    })
  })
})
