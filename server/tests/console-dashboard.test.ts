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
/** Asia/Shanghai is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS
const shanghaiDate = (instant: number) => new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
/** The instant today began in Shanghai. */
const shanghaiMidnight = () => Date.parse(`${shanghaiDate(Date.now())}T00:00:00Z`) - SHANGHAI_OFFSET_MS

describeEachDatabase('console: dashboard', (getDb) => {
  const suite = appForSuite(getDb)
  let clerk: TestStaff
  const midnight = shanghaiMidnight()
  /** Paid at these instants; what each order came to. */
  const totals: Record<string, number> = {}

  async function paidAt(instant: number): Promise<string> {
    const orderId = await placeOrder(getDb(), suite.buyer.buyer.id)
    if (!(await getDb().transaction((tx) => markOrderPaid(tx, orderId, new Date(instant)))))
      throw new Error(`could not pay ${orderId}`)
    const [{ total_fen }] = await getDb().query<{ total_fen: number }>(
      'select total_fen from orders where id = $1',
      [orderId],
    )
    totals[orderId] = total_fen
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

  const orders = {} as Record<'justBefore' | 'justAfter' | 'shippedToday' | 'threeDaysAgo' | 'tooOld', string>

  beforeAll(async () => {
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
    clerk = await loggedInStaff(getDb(), 'staff')
    await placeOrder(getDb(), suite.buyer.buyer.id) // unpaid: counts nowhere
    orders.justBefore = await paidAt(midnight - 1000) // 23:59:59 yesterday in Shanghai
    orders.justAfter = await paidAt(midnight + 1000) // 00:00:01 today
    orders.shippedToday = await paidAt(midnight + 2000)
    orders.threeDaysAgo = await paidAt(midnight - 3 * DAY_MS + HOUR_MS)
    orders.tooOld = await paidAt(midnight - (DASHBOARD_DAYS - 1) * DAY_MS - 1000)
    if (!(await getDb().transaction((tx) => shipOrder(tx, orders.shippedToday, SHIPMENT))))
      throw new Error('could not ship')
    await afterSales(orders.justBefore)
    await afterSales(orders.threeDaysAgo, 'cancelled')
  })

  async function dashboard(app = suite.app): Promise<MerchantDashboard> {
    const res = await app.inject({ method: 'GET', url: '/api/merchant/dashboard', headers: clerk.headers })
    expect(res.statusCode).toBe(200)
    return res.json<MerchantDashboard>()
  }

  it("counts today's paid orders and revenue from local midnight, and what waits for staff", async () => {
    const board = await dashboard()
    expect(board.timeZone).toBe('Asia/Shanghai')
    expect(board.today).toEqual({
      date: shanghaiDate(Date.now()),
      paidOrders: 2,
      revenue: totals[orders.justAfter] + totals[orders.shippedToday],
    })
    // Paid, not shipped: all but the shipped one, whenever they were paid.
    expect(board.awaitingShipment).toBe(4)
    // Open: the requested one; the cancelled one is over.
    expect(board.openAfterSales).toBe(1)
  })

  it('charts DASHBOARD_DAYS days, oldest first, today last, days without orders as zeros', async () => {
    const { days, today } = await dashboard()
    const expected = Array.from({ length: DASHBOARD_DAYS }, (_, index) => {
      const back = DASHBOARD_DAYS - 1 - index
      return { date: shanghaiDate(midnight - back * DAY_MS + HOUR_MS), paidOrders: 0, revenue: 0 }
    })
    expected[DASHBOARD_DAYS - 1] = today
    expected[DASHBOARD_DAYS - 2] = {
      ...expected[DASHBOARD_DAYS - 2],
      paidOrders: 1,
      revenue: totals[orders.justBefore],
    }
    expected[DASHBOARD_DAYS - 4] = {
      ...expected[DASHBOARD_DAYS - 4],
      paidOrders: 1,
      revenue: totals[orders.threeDaysAgo],
    }
    expect(days).toEqual(expected)
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
