/** Shipping through the merchant API: the shipment, its audit entry, retries, races, and receipt. */
import type { ApiErrorBody, MerchantOrder, Order } from '../../contract'
import { shipOrder } from '../orders/fulfilment'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { auditOf, loggedInStaff, shipAs, type TestStaff } from './merchant-helpers'
import { FULFILMENT_SKU, fulfilmentOf, paidOrder, placeOrder, SHIPMENT } from './orders-fulfilment-helpers'
import { cancelAs, getAs, setStock } from './orders-helpers'

const OTHER_SHIPMENT = { carrier: '中通快递', trackingNo: 'ZT0000000001' }

describeEachDatabase('merchant orders: shipping', (getDb) => {
  const suite = appForSuite(getDb)
  let alice: TestStaff
  let bob: TestStaff

  const ship = (orderId: string, shipment: Record<string, unknown> = SHIPMENT, staff: TestStaff = alice) =>
    shipAs(suite.app, staff.headers, orderId, shipment)
  const paid = () => paidOrder(getDb(), suite.buyer.buyer.id)
  const shippedByOf = async (orderId: string) => {
    const [row] = await getDb().query<{ shipped_by: string | null }>(
      'select shipped_by::text from orders where id = $1',
      [orderId],
    )
    return row.shipped_by
  }

  beforeAll(async () => {
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    alice = await loggedInStaff(getDb(), 'owner')
    bob = await loggedInStaff(getDb())
  })

  it('ships a paid order, answers the order, and writes one audit entry in the same change', async () => {
    const orderId = await paid()
    const res = await ship(orderId)
    expect(res.statusCode).toBe(200)
    expect(res.headers['idempotent-replayed']).toBeUndefined()
    const order = res.json<MerchantOrder>()
    expect(order).toMatchObject({
      id: orderId,
      status: 'shipped',
      shipment: { ...SHIPMENT, shippedAt: expect.any(String) },
      shippedBy: alice.name,
    })
    expect(await shippedByOf(orderId)).toBe(alice.id)
    expect(await auditOf(getDb(), orderId)).toEqual([
      {
        staff_id: alice.id,
        action: 'order.ship',
        target_type: 'order',
        target_id: orderId,
        before: { status: 'paid' },
        after: { status: 'shipped', carrier: SHIPMENT.carrier, trackingNo: SHIPMENT.trackingNo },
      },
    ])
  })

  it('answers a retry with the same shipment 200 with the order, and writes no second entry', async () => {
    const orderId = await paid()
    const first = await ship(orderId)
    for (const staff of [alice, bob]) {
      const retry = await ship(orderId, SHIPMENT, staff)
      expect(retry.statusCode).toBe(200)
      expect(retry.headers['idempotent-replayed']).toBe('true')
      expect(retry.json()).toEqual(first.json())
    }
    expect(await auditOf(getDb(), orderId)).toHaveLength(1)
    expect(await shippedByOf(orderId)).toBe(alice.id)
  })

  it('409s order_not_shippable for another shipment of a shipped order, and keeps the first', async () => {
    const orderId = await paid()
    await ship(orderId)
    for (const shipment of [OTHER_SHIPMENT, { ...SHIPMENT, trackingNo: 'SF0000000000' }]) {
      const res = await ship(orderId, shipment, bob)
      expect(res.statusCode).toBe(409)
      const body = res.json<ApiErrorBody>()
      expect(body.code).toBe('order_not_shippable')
      expect(body.message).toContain('is shipped')
    }
    expect(await fulfilmentOf(getDb(), orderId)).toMatchObject({
      status: 'shipped',
      carrier: SHIPMENT.carrier,
      tracking_no: SHIPMENT.trackingNo,
    })
    expect(await auditOf(getDb(), orderId)).toHaveLength(1)
  })

  it('409s order_not_shippable, naming the status, for an order that is not paid', async () => {
    const unpaid = await placeOrder(getDb(), suite.buyer.buyer.id)
    const cancelled = await placeOrder(getDb(), suite.buyer.buyer.id)
    expect((await cancelAs(suite.app, suite.buyer, cancelled)).statusCode).toBe(200)
    for (const [orderId, status] of [
      [unpaid, 'awaiting payment'],
      [cancelled, 'closed'],
    ]) {
      const res = await ship(orderId)
      expect(res.statusCode).toBe(409)
      expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'order_not_shippable' })
      expect(res.json<ApiErrorBody>().message).toContain(`is ${status};`)
      expect((await fulfilmentOf(getDb(), orderId)).shipped_at).toBeNull()
      expect(await auditOf(getDb(), orderId)).toEqual([])
    }
  })

  it('400s a shipment the contract refuses, and 404s an unknown order', async () => {
    const orderId = await paid()
    const bad = [
      {},
      { carrier: SHIPMENT.carrier },
      { trackingNo: SHIPMENT.trackingNo },
      { ...SHIPMENT, carrier: '' },
      { ...SHIPMENT, carrier: 'S' },
      { ...SHIPMENT, carrier: '   ' },
      { ...SHIPMENT, carrier: 'x'.repeat(41) },
      { ...SHIPMENT, carrier: 'SF\nExpress' },
      { ...SHIPMENT, trackingNo: 'SF1' },
      { ...SHIPMENT, trackingNo: 'SF 1234567' },
      { ...SHIPMENT, trackingNo: '1'.repeat(41) },
      { ...SHIPMENT, trackingNo: 1234567890 },
    ]
    for (const shipment of bad) {
      const res = await ship(orderId, shipment)
      expect([JSON.stringify(shipment), res.statusCode]).toEqual([JSON.stringify(shipment), 400])
      expect(res.json<ApiErrorBody>()).toMatchObject({ code: 'bad_request', message: expect.any(String) })
    }
    expect((await fulfilmentOf(getDb(), orderId)).status).toBe('paid')
    expect(await auditOf(getDb(), orderId)).toEqual([])

    const unknown = await ship('20990101000000000000')
    expect([unknown.statusCode, unknown.json<ApiErrorBody>().code]).toEqual([404, 'not_found'])
  })

  it('makes two staff shipping one order at once give one shipment and one audit entry', async () => {
    for (let round = 0; round < 3; round++) {
      const same = await paid()
      const answers = await Promise.all([ship(same, SHIPMENT, alice), ship(same, SHIPMENT, bob)])
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200])
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(1)
      expect(await auditOf(getDb(), same)).toHaveLength(1)

      const differing = await paid()
      const [first, second] = await Promise.all([
        ship(differing, SHIPMENT, alice),
        ship(differing, OTHER_SHIPMENT, bob),
      ])
      expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409])
      const winner =
        first.statusCode === 200
          ? { shipment: SHIPMENT, staff: alice }
          : { shipment: OTHER_SHIPMENT, staff: bob }
      const entries = await auditOf(getDb(), differing)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ staff_id: winner.staff.id, after: { ...winner.shipment } })
      expect(await fulfilmentOf(getDb(), differing)).toMatchObject({
        carrier: winner.shipment.carrier,
        tracking_no: winner.shipment.trackingNo,
      })
    }
  })

  it("makes a shipment that waited for another's uncommitted one find it, and answer it", async () => {
    const orderId = await paid()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let updated!: () => void
    const bobUpdated = new Promise<void>((resolve) => (updated = resolve))
    const bobShips = getDb().transaction(async (tx) => {
      const shipped = await shipOrder(tx, orderId, SHIPMENT, { shippedBy: bob.id })
      updated()
      await held // the row stays locked, uncommitted
      return shipped
    })
    await bobUpdated
    const aliceShips = ship(orderId, SHIPMENT, alice) // waits for Bob's commit, then finds it shipped
    setTimeout(release, 100)
    expect(await bobShips).toBe(true)
    const res = await aliceShips
    expect([res.statusCode, res.headers['idempotent-replayed']]).toEqual([200, 'true'])
    expect(res.json<MerchantOrder>()).toMatchObject({ status: 'shipped', shippedBy: bob.name })
    expect(await auditOf(getDb(), orderId)).toEqual([])
  })

  it('takes an order from ship to the buyer confirming receipt', async () => {
    const orderId = await paid()
    expect((await ship(orderId)).statusCode).toBe(200)

    const seen = (await getAs(suite.app, suite.buyer, `/api/orders/${orderId}`)).json<Order>()
    expect(seen).toMatchObject({
      status: 'shipped',
      shipment: { ...SHIPMENT, shippedAt: expect.any(String) },
    })
    expect(seen).not.toHaveProperty('shippedBy')

    const receipt = await suite.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/receipt`,
      headers: suite.buyer.headers,
    })
    expect([receipt.statusCode, receipt.json<Order>().status]).toEqual([200, 'received'])

    const merchantView = await suite.app.inject({
      method: 'GET',
      url: `/api/merchant/orders/${orderId}`,
      headers: alice.headers,
    })
    expect(merchantView.json<MerchantOrder>()).toMatchObject({
      status: 'received',
      receivedAt: expect.any(String),
      shipment: seen.shipment,
      shippedBy: alice.name,
    })
    // The same shipment again (a late retry) still answers the order, and changes nothing.
    const late = await ship(orderId)
    expect([late.statusCode, late.json<MerchantOrder>().status]).toEqual([200, 'received'])
    expect(await auditOf(getDb(), orderId)).toHaveLength(1)
  })
})
