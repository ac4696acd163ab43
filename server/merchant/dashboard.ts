/**
 * The console's dashboard figures, cut into days in the shop's time zone (SHOP_TIME_ZONE): orders
 * paid each day and the sum of their totals, orders waiting to ship, and open after-sales requests
 * ("open" as the buyer's own count has it).
 */
import { DASHBOARD_DAYS, type DashboardDay, type MerchantDashboard } from '../../contract'
import type { Queryable } from '../db/types'
import { OPEN_AFTER_SALES } from '../orders/repository'

/** DASHBOARD_DAYS days, oldest first and today last, each [local midnight, next local midnight). */
async function paidPerDay(db: Queryable, timeZone: string): Promise<DashboardDay[]> {
  const rows = await db.query<{ date: string; paid_orders: number; revenue: string | number }>(
    `with days as (
       select (now() at time zone $1)::date - back as day from generate_series($2::int - 1, 0, -1) back
     )
     select to_char(d.day, 'YYYY-MM-DD') as date, count(o.id)::int as paid_orders,
            coalesce(sum(o.total_fen), 0)::bigint as revenue
       from days d
       left join orders o on o.paid_at >= d.day::timestamp at time zone $1
                         and o.paid_at < (d.day + 1)::timestamp at time zone $1
      group by d.day
      order by d.day`,
    [timeZone, DASHBOARD_DAYS],
  )
  return rows.map((row) => ({ date: row.date, paidOrders: row.paid_orders, revenue: Number(row.revenue) }))
}

export async function readDashboard(db: Queryable, timeZone: string): Promise<MerchantDashboard> {
  const days = await paidPerDay(db, timeZone)
  const [counts] = await db.query<{ awaiting_shipment: number; open_after_sales: number }>(
    `select (select count(*)::int from orders where status = 'paid') as awaiting_shipment,
            (select count(*)::int from after_sales_requests
              where status in (${OPEN_AFTER_SALES})) as open_after_sales`,
  )
  return {
    timeZone,
    today: days[days.length - 1],
    awaitingShipment: counts.awaiting_shipment,
    openAfterSales: counts.open_after_sales,
    days,
  }
}
