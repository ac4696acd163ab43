/**
 * The console's dashboard: GET /api/merchant/dashboard, with days cut at midnight in the shop's
 * time zone (SHOP_TIME_ZONE, Asia/Shanghai by default), and the setting's own checks.
 */
import { DASHBOARD_DAYS, type MerchantDashboard } from '../../contract'
import { loadConfig } from '../config'
import { shipOrder } from '../orders/fulfilment'
import { markOrderPaid } from '../orders/state'
import { buildTestApp } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { FULFILMENT_SKU, placeOrder, SHIPMENT } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'

const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS
const SHOP_ZONE = 'Asia/Shanghai'
/** Asia/Shanghai is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS
const shanghaiDate = (instant: number) => new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

describeEachDatabase('console: dashboard', (getDb) => {
  const suite = appForSuite(getDb)
  let clerk: TestStaff
  /** Every payment laid out below: when, and what the order came to. */
  const payments: Array<{ at: number; fen: number }> = []
  /** The latest set of orders, and the Shanghai midnight (by the database's clock) it was paid around. */
  let orders: Record<'justBefore' | 'justAfter' | 'shippedToday' | 'threeDaysAgo' | 'tooOld', string>
  let midnight: number
  let sets = 0

  const totalOf = async (orderId: string) =>
    (await getDb().query<{ total_fen: number }>('select total_fen from orders where id = $1', [orderId]))[0]
      .total_fen

  async function paidAt(instant: number): Promise<string> {
    const orderId = await placeOrder(getDb(), suite.buyer.buyer.id)
    if (!(await getDb().transaction((tx) => markOrderPaid(tx, orderId, new Date(instant)))))
      throw new Error(`could not pay ${orderId}`)
    payments.push({ at: instant, fen: await totalOf(orderId) })
    return orderId
  }

  async function afterSales(orderId: string, finalStatus?: 'cancelled'): Promise<void> {
    const [{ id }] = await getDb().query<{ id: string }>(
      `insert into after_sales_requests (order_id, user_id, kind, reason, refund_fen)
       values ($1, $2, 'refund_only', 'changed_mind', 100) returning id::text`,
      [orderId, suite.buyer.buyer.id],
    )
    if (finalStatus)
      await getDb().query('update after_sales_requests set status = $2 where id = $1', [id, finalStatus])
  }

  /**
   * The instant today began in Shanghai, by the database's clock: the server cuts its days by that
   * clock when the request comes, not when jest read this file.
   */
  async function shanghaiMidnight(): Promise<number> {
    const [{ at }] = await getDb().query<{ at: number }>(
      `select extract(epoch from ((now() at time zone $1)::date)::timestamp at time zone $1)::float8 * 1000 as at`,
      [SHOP_ZONE],
    )
    return Number(at)
  }

  /** A set of orders paid around today's midnight (a paid order's paid_at never changes afterwards). */
  async function layOut(): Promise<void> {
    midnight = await shanghaiMidnight()
    await placeOrder(getDb(), suite.buyer.buyer.id) // unpaid: counts nowhere
    orders = {
      justBefore: await paidAt(midnight - 1000), // 23:59:59 yesterday in Shanghai
      justAfter: await paidAt(midnight + 1000), // 00:00:01 today
      shippedToday: await paidAt(midnight + 2000),
      threeDaysAgo: await paidAt(midnight - 3 * DAY_MS + HOUR_MS),
      tooOld: await paidAt(midnight - (DASHBOARD_DAYS - 1) * DAY_MS - 1000),
    }
    if (!(await getDb().transaction((tx) => shipOrder(tx, orders.shippedToday, SHIPMENT))))
      throw new Error('could not ship')
    await afterSales(orders.justBefore)
    await afterSales(orders.threeDaysAgo, 'cancelled')
    sets += 1
  }

  beforeAll(async () => {
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    clerk = await loggedInStaff(getDb(), 'staff')
    await layOut()
  })

  async function dashboard(app = suite.app): Promise<MerchantDashboard> {
    const res = await app.inject({ method: 'GET', url: '/api/merchant/dashboard', headers: clerk.headers })
    expect(res.statusCode).toBe(200)
    return res.json<MerchantDashboard>()
  }

  /**
   * The dashboard, with today read from the database's clock right before the request. When
   * Shanghai's day turned since the latest orders were paid, a new set is paid around the new
   * midnight; when it turns during the request (the server's today is not the test's), the clock
   * and the dashboard are read once more.
   */
  async function dashboardToday(): Promise<MerchantDashboard> {
    for (let attempt = 1; ; attempt++) {
      if ((await shanghaiMidnight()) !== midnight) await layOut()
      const board = await dashboard()
      if (board.today.date === shanghaiDate(midnight) || attempt === 2) return board
    }
  }

  /** Today as the latest set makes it: its two orders paid after midnight. */
  const expectedToday = async () => ({
    date: shanghaiDate(midnight),
    paidOrders: 2,
    revenue: (await totalOf(orders.justAfter)) + (await totalOf(orders.shippedToday)),
  })

  it("counts today's paid orders and revenue from local midnight, and what waits for staff", async () => {
    const board = await dashboardToday()
    expect(board.timeZone).toBe(SHOP_ZONE)
    expect(board.today).toEqual(await expectedToday())
    // Paid, not shipped: all but the shipped one of each set, whenever they were paid.
    expect(board.awaitingShipment).toBe(4 * sets)
    // Open: the requested one of each set; the cancelled one is over.
    expect(board.openAfterSales).toBe(sets)
  })

  it('charts DASHBOARD_DAYS days, oldest first, today last, days without orders as zeros', async () => {
    const { days, today } = await dashboardToday()
    // Each day from its local midnight to the next, summed over every payment laid out.
    const expected = Array.from({ length: DASHBOARD_DAYS }, (_, index) => {
      const start = midnight - (DASHBOARD_DAYS - 1 - index) * DAY_MS
      const paid = payments.filter(({ at }) => at >= start && at < start + DAY_MS)
      return {
        date: shanghaiDate(start),
        paidOrders: paid.length,
        revenue: paid.reduce((sum, { fen }) => sum + fen, 0),
      }
    })
    expect(days).toEqual(expected)
    expect(days[DASHBOARD_DAYS - 1]).toEqual(await expectedToday())
    expect(today).toEqual(await expectedToday())
  })

  it('cuts the days in SHOP_TIME_ZONE: in UTC, the orders around Shanghai midnight share a day', async () => {
    const app = await buildTestApp(getDb(), { shopTimeZone: 'UTC' })
    try {
      const board = await dashboard(app)
      expect(board.timeZone).toBe('UTC')
      const utcDay = new Date(midnight).toISOString().slice(0, 10)
      expect(board.days.find((day) => day.date === utcDay)).toMatchObject({ paidOrders: 3 })
    } finally {
      await app.close()
    }
  })

  it('needs a staff session', async () => {
    expect((await suite.app.inject({ method: 'GET', url: '/api/merchant/dashboard' })).statusCode).toBe(401)
  })
})

describe('SHOP_TIME_ZONE', () => {
  it('defaults to Asia/Shanghai and takes a zone in any case, spelled canonically', () => {
    expect(loadConfig({}).shopTimeZone).toBe('Asia/Shanghai')
    expect(loadConfig({ SHOP_TIME_ZONE: 'europe/paris' }).shopTimeZone).toBe('Europe/Paris')
  })

  it('refuses to start on a zone it does not know, saying what to set', () => {
    expect(() => loadConfig({ SHOP_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(
      'SHOP_TIME_ZONE must be an IANA time zone such as Asia/Shanghai or Europe/Paris (got "Mars/Olympus_Mons").',
    )
    expect(() => loadConfig({ SHOP_TIME_ZONE: '+08:00' })).toThrow(/SHOP_TIME_ZONE/)
  })
})
