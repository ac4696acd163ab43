/**
 * Shared by the order-center suites (not a test file itself): fast outbox settings, what the
 * shop's outbox holds for an order, and the order-center state the shop's order should have.
 */
import type { OrderCenterStatus } from '../alipay/order-center-format'
import type { SimulatorHarness } from '../alipay-simulator/test-harness'
import type { Db, Queryable } from '../db/types'
import { ORDER_SYNC_KIND } from '../order-center/record'
import { outboxJobsOf } from '../outbox/queue'
import type { OutboxSettings } from '../outbox/settings'
import { until } from '../testing/until'

/** Polls every 20 ms; retries after 40, 80, 160, 320, 320… ms. */
export const FAST_OUTBOX: OutboxSettings = {
  orderSync: true,
  pollMs: 20,
  leaseMs: 10_000,
  retry: { baseMs: 40, maxMs: 320, maxAttempts: 100 },
  retentionDays: 7,
}

/**
 * The order-center state each of our order states should show, written out here independently
 * of server/order-center so the test checks the mapping rather than repeating it.
 */
export const EXPECTED_STATE: Record<string, OrderCenterStatus> = {
  awaiting_payment: 'CREATE',
  paid: 'PAID',
  shipped: 'IN_DELIVERY',
  received: 'FINISHED',
  completed: 'FINISHED',
  closed: 'CLOSED',
}

export const syncJobsOf = (db: Queryable, orderId: string) => outboxJobsOf(db, orderId, ORDER_SYNC_KIND)

/** Waits until no order-sync job of the order is pending. */
export async function settled(db: Db, orderId: string, timeoutMs = 5000): Promise<void> {
  await until(
    `the order-center jobs of ${orderId} to end`,
    async () => ((await syncJobsOf(db, orderId)).every((job) => job.status !== 'pending') ? true : undefined),
    timeoutMs,
    20,
  )
}

/** Waits until the simulator's order center shows `status` for the order; returns the entry. */
export function simulatorShows(
  sim: SimulatorHarness,
  orderId: string,
  status: OrderCenterStatus,
  timeoutMs = 5000,
) {
  let seen = 'nothing'
  return until(
    `the order center to show ${orderId} as ${status}`,
    async () => {
      const entry = await sim.orderCenter(orderId)
      seen = entry ? `${entry.status} (${entry.history.map((state) => state.status).join(' → ')})` : 'nothing'
      return entry?.status === status ? entry : undefined
    },
    timeoutMs,
    20,
    () => seen,
  )
}
