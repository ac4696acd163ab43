/**
 * The console's order list (GET /api/merchant/orders): by status, by shop day placed (Asia/Shanghai
 * by default), and by an exact order number, Alipay trade_no (of a real simulated payment) or
 * address phone; impossible days and from > to are 400s.
 */
import type { ApiErrorBody, MerchantOrderPage } from '../../contract'
import { loadConfig } from '../config'
import { describeEachDatabase } from '../testing/databases'
import { simulatorForSuite } from '../testing/suites'
import { until } from '../testing/until'
import { stockUp } from './after-sales-helpers'
import { idsOf, placedAt, placeOrder, uniquePhone } from './console-orders-helpers'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { statusOf } from './orders-helpers'
import { asBuyer, payingBuyer, shopForSuite, tradeNoOf } from './payments-helpers'

const sim = simulatorForSuite()

describeEachDatabase('console orders: list filters and search', (getDb) => {
  const shop = shopForSuite(getDb, () => sim)
  let staff: TestStaff
  const list = (query: string) =>
    shop.app.inject({ method: 'GET', url: `/api/merchant/orders${query}`, headers: staff.headers })

  beforeAll(async () => {
    await stockUp(getDb())
    staff = await loggedInStaff(getDb())
  })

  it('cuts days at midnight in the shop time zone (Asia/Shanghai by default), from and to inclusive', async () => {
    const who = await payingBuyer(getDb())
    const phone = uniquePhone()
    // 2001-05-10 23:59:59 and 2001-05-11 00:00:00 in Shanghai; 2001-05-12 23:59:59; 2001-05-13 00:00.
    const times = [
      '2001-05-10T15:59:59Z',
      '2001-05-10T16:00:00Z',
      '2001-05-12T15:59:59Z',
      '2001-05-12T16:00:00Z',
    ]
    const ids: string[] = []
    for (const at of times) {
      const order = await placeOrder(shop, who, phone)
      await placedAt(getDb(), order.id, at)
      ids.push(order.id)
    }
    const [tenth, eleventh, twelfth, thirteenth] = ids
    const days = async (query: string) => idsOf(await list(`?q=${phone}&${query}`)).sort()
    expect(await days('from=2001-05-11&to=2001-05-12')).toEqual([eleventh, twelfth].sort())
    expect(await days('from=2001-05-11&to=2001-05-11')).toEqual([eleventh])
    expect(await days('to=2001-05-10')).toEqual([tenth])
    expect(await days('from=2001-05-13')).toEqual([thirteenth])
    const page = (await list(`?q=${phone}&from=2001-05-10&to=2001-05-12`)).json<MerchantOrderPage>()
    expect(page).toMatchObject({ total: 3, hasMore: false })
  })

  it('filters by status', async () => {
    const who = await payingBuyer(getDb())
    const phone = uniquePhone()
    const open = await placeOrder(shop, who, phone)
    const cancelled = await placeOrder(shop, who, phone)
    await asBuyer(shop, who).post(`/api/orders/${cancelled.id}/cancel`)
    expect(idsOf(await list(`?q=${phone}&status=closed`))).toEqual([cancelled.id])
    expect(idsOf(await list(`?q=${phone}&status=awaiting_payment`))).toEqual([open.id])
  })

  it('filters by status and days together', async () => {
    const who = await payingBuyer(getDb())
    const [open, cancelled, cancelledNextDay] = [
      await placeOrder(shop, who),
      await placeOrder(shop, who),
      await placeOrder(shop, who),
    ]
    for (const order of [cancelled, cancelledNextDay])
      expect((await asBuyer(shop, who).post(`/api/orders/${order.id}/cancel`)).statusCode).toBe(200)
    // Only the placing moves (2001-06-01 and 06-02 noon in Shanghai, days no other test uses): the
    // open order's deadline stays ahead, so it stays awaiting payment.
    for (const [order, at] of [
      [open, '2001-06-01T04:00:00Z'],
      [cancelled, '2001-06-01T04:00:00Z'],
      [cancelledNextDay, '2001-06-02T04:00:00Z'],
    ] as const)
      await getDb().query('update orders set created_at = $2::timestamptz where id = $1', [order.id, at])
    const day = 'from=2001-06-01&to=2001-06-01'
    expect(idsOf(await list(`?status=closed&${day}`))).toEqual([cancelled.id])
    expect(idsOf(await list(`?status=awaiting_payment&${day}`))).toEqual([open.id])
  })

  it('finds an order by its number, its Alipay trade_no once paid, and its phone, exactly', async () => {
    const who = await payingBuyer(getDb())
    const buyer = asBuyer(shop, who)
    const phone = uniquePhone()
    const order = await placeOrder(shop, who, phone)
    const other = await placeOrder(shop, who, uniquePhone())
    const tradeNo = tradeNoOf(await buyer.openPayment(order.id))
    expect((await sim.pay(tradeNo, 'pay', who.key)).resultCode).toBe('9000')
    await until(
      'the order to be paid',
      async () => ((await statusOf(getDb(), order.id)).status === 'paid' ? true : undefined),
      5000,
      25,
    )

    expect(idsOf(await list(`?q=${order.id}`))).toEqual([order.id])
    expect(idsOf(await list(`?q=${tradeNo}`))).toEqual([order.id])
    expect(idsOf(await list(`?q=${phone}`))).toEqual([order.id])
    expect(idsOf(await list(`?q=${encodeURIComponent(phone)}&status=paid`))).toEqual([order.id])
    expect(idsOf(await list(`?q=${other.id}`))).toEqual([other.id])
    // Exact matches only: a prefix of each finds nothing.
    for (const part of [order.id.slice(0, -1), tradeNo.slice(0, -1), phone.slice(0, -1)]) {
      expect([part, idsOf(await list(`?q=${part}`))]).toEqual([part, []])
    }
  })

  it('400s an impossible day, a malformed one, and from after to, saying why', async () => {
    for (const query of ['?from=2026-02-30', '?to=2026-13-01', '?from=2025-02-29']) {
      const res = await list(query)
      expect([query, res.statusCode]).toEqual([query, 400])
      expect(res.json<ApiErrorBody>()).toMatchObject({
        code: 'bad_request',
        message: expect.stringContaining('real day'),
      })
    }
    for (const query of ['?from=2026-1-01', '?to=yesterday', '?q=', '?from=2026-01-01T00:00']) {
      const res = await list(query)
      expect([query, res.statusCode, res.json<ApiErrorBody>().code]).toEqual([query, 400, 'bad_request'])
    }
    const reversed = await list('?from=2026-03-02&to=2026-03-01')
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json<ApiErrorBody>().message).toBe(
      'from (2026-03-02) must be on or before to (2026-03-01).',
    )
    expect((await list('?from=2024-02-29&to=2024-02-29')).statusCode).toBe(200)
  })

  it('needs a staff token', async () => {
    const res = await shop.app.inject({ method: 'GET', url: '/api/merchant/orders?q=1' })
    expect(res.statusCode).toBe(401)
  })
})

describe('SHOP_TIME_ZONE', () => {
  it('defaults to Asia/Shanghai, takes an IANA zone, and refuses anything else by name', () => {
    expect(loadConfig({}).shopTimeZone).toBe('Asia/Shanghai')
    expect(loadConfig({ SHOP_TIME_ZONE: 'Europe/Berlin' }).shopTimeZone).toBe('Europe/Berlin')
    expect(() => loadConfig({ SHOP_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /SHOP_TIME_ZONE must be an IANA time zone/,
    )
  })
})
