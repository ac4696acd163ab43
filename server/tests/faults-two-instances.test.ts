/**
 * Two shop server instances on ONE PostgreSQL (each with its own pool, sweeper and payment hooks),
 * with payments (every notify delivered to both), order reads (which ask Alipay and expire on
 * read), cancellations on either instance and short expiries (both sweepers every 50 ms) racing on
 * the same orders, plus orders nobody reads (only a sweeper can expire them). Afterwards:
 *  - no illegal state transition: an audit trigger saw each order change status at most once, and
 *    only awaiting_payment → paid | closed;
 *  - no double stock release: each SKU's stock is its initial stock minus the orders not closed;
 *  - the shop agrees with Alipay: paid orders are paid there, money taken for a closed order was
 *    refunded in full, nothing is left awaiting payment past its expiry;
 *  - no request answered 5xx and nothing was logged as an error.
 * Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): a fresh
 * schema per run, dropped afterwards. Without it the suite is skipped with a warning.
 */
import { SAMPLE_ADDRESS } from '../../tests/support/sample-address'
import { startSimulator, type SimulatorHarness } from '../alipay-simulator/test-harness'
import type { Db } from '../db/types'
import { fenToYuan } from '../alipay/wire-format'
import {
  createPostgresTestDatabase,
  isPostgresReachable,
  TEST_DATABASE_URL,
  withoutPassword,
  type PostgresTestDatabase,
} from '../testing/databases'
import { httpRequest } from './faults-http'
import {
  errorLogs,
  installTransitionAudit,
  notifierToAll,
  seededRandom,
  errorsOnlyLogger,
} from './faults-instances'
import { until } from '../testing/until'
import { newKey } from './orders-helpers'
import { payingBuyer, startShop, type PayingBuyer, type ShopUnderTest } from './payments-helpers'
import { prepareDatabase } from '../testing/suites'

const ORDERS = 36
const SKUS = ['pencil-set-std', 'envelope-kraft-std', 'phone-stand-std']
const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 1e9)

const reachable = isPostgresReachable()
if (!reachable)
  console.warn(
    `\n*** faults-two-instances SKIPPED: no PostgreSQL at ${withoutPassword(TEST_DATABASE_URL)}. ` +
      'Start one (e.g. `docker run -e POSTGRES_HOST_AUTH_METHOD=trust -p 5432:5432 postgres:16`, then `createdb -h 127.0.0.1 -U postgres test`) or set TEST_DATABASE_URL. ***\n',
  )

interface Placed {
  id: string
  buyer: PayingBuyer
  skuId: string
  quantity: number
  total: number
  tradeNo: string
}

;(reachable ? describe : describe.skip)('two instances on one PostgreSQL', () => {
  let testDb: PostgresTestDatabase
  let poolB: Db
  let sim: SimulatorHarness
  let instances: ShopUnderTest[] = []
  const statuses: string[] = []

  beforeAll(async () => {
    testDb = await createPostgresTestDatabase()
    poolB = await testDb.openSecondPool(5)
    await prepareDatabase(testDb.db)
    await installTransitionAudit(testDb.db)
    sim = await startSimulator({ notifier: notifierToAll(() => instances.map((i) => i.origin)) })
    instances = [
      await startShop(testDb.db, sim, { expirySweepMs: 50, logger: errorsOnlyLogger }),
      await startShop(poolB, sim, { expirySweepMs: 50, logger: errorsOnlyLogger }),
    ]
  })
  afterAll(async () => {
    for (const instance of instances) await instance.close()
    await sim?.close()
    await poolB?.close()
    await testDb?.dispose()
  })

  /** A request to one instance; every status is kept for the no-5xx check. */
  async function call(
    instance: ShopUnderTest,
    method: string,
    path: string,
    who: PayingBuyer,
    body?: unknown,
    headers = {},
  ) {
    const res = await httpRequest(method, `${instance.origin}${path}`, {
      body,
      headers: { ...who.headers, ...headers },
    })
    statuses.push(`${res.status} ${method} ${path}`)
    return res
  }

  it(`keeps every transition legal and releases stock once (seed ${SEED})`, async () => {
    const db = testDb.db
    const random = seededRandom(SEED)
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
    const initial = new Map(
      (
        await db.query<{ id: string; stock: number }>('select id, stock from skus where id = any($1)', [SKUS])
      ).map((r) => [r.id, r.stock]),
    )

    // Orders placed on one instance, their trades opened on the other (notify_url → that one).
    const place = async (n: number, buyer: PayingBuyer): Promise<Placed> => {
      const line = { skuId: SKUS[n % SKUS.length], quantity: 1 + (n % 3) }
      const made = await call(
        instances[n % 2],
        'POST',
        '/api/orders',
        buyer,
        { lines: [line], address: SAMPLE_ADDRESS },
        { 'idempotency-key': newKey() },
      )
      expect(made.status).toBe(201)
      const { id, total } = made.json as { id: string; total: number }
      const opened = await call(instances[(n + 1) % 2], 'POST', `/api/orders/${id}/payment`, buyer)
      const tradeNo = (opened.json as { invocation: { tradeNO: string } }).invocation.tradeNO
      return { id, buyer, ...line, total, tradeNo }
    }
    const buyers = await Promise.all(Array.from({ length: 6 }, () => payingBuyer(db)))
    const placed: Placed[] = []
    for (let n = 0; n < ORDERS; n++) placed.push(await place(n, buyers[n % buyers.length]))
    // A buyer who never comes back: only a sweeper can expire these.
    const quietBuyer = await payingBuyer(db)
    const untouched = [await place(0, quietBuyer), await place(1, quietBuyer)]
    // Two thirds expire within the next 300 ms, while everything else happens.
    for (const order of [...placed.filter((_, n) => n % 3 !== 0), ...untouched]) {
      await db.query(
        `update orders set created_at = now() - interval '1 minute',
                expires_at = now() + make_interval(secs => $2) where id = $1`,
        [order.id, random() * 0.3],
      )
    }

    // The race: per order, a random handful of actions on random instances, all at once.
    const actions: Array<(o: Placed) => Promise<unknown>> = [
      (o: Placed) => sim.pay(o.tradeNo, 'pay', o.buyer.key),
      (o: Placed) => sim.pay(o.tradeNo, 'processing', o.buyer.key),
      (o: Placed) => call(pick(instances), 'POST', `/api/orders/${o.id}/cancel`, o.buyer),
      (o: Placed) => call(pick(instances), 'GET', `/api/orders/${o.id}`, o.buyer),
      (o: Placed) => call(pick(instances), 'GET', '/api/orders?pageSize=50', o.buyer),
    ]
    await Promise.all(
      placed.flatMap((order) =>
        Array.from({ length: 2 + Math.floor(random() * 4) }, () => {
          const action = pick(actions)
          const delay = random() * 300
          return new Promise((resolve) => setTimeout(resolve, delay)).then(() => action(order))
        }),
      ),
    )

    // Let it settle: notifies and 8000 payments done, sweepers past every expiry, trades closed.
    await sim.notifier.idle()
    await until(
      'the sweepers to close every expired order',
      async () => {
        const [row] = await db.query<{ n: number }>(
          `select count(*)::int as n from orders where status = 'awaiting_payment' and expires_at <= now()`,
        )
        return row.n === 0 ? true : undefined
      },
      15_000,
    )
    await sim.notifier.idle()
    await until(
      'closing and refunding to finish',
      async () => {
        const [row] = await db.query<{ n: number }>(
          `select count(*)::int as n from payments p join orders o on o.id = p.order_id
          where o.status = 'closed' and (p.trade_status = 'WAIT_BUYER_PAY' or exists
            (select 1 from refunds r where r.order_id = p.order_id and r.status = 'pending'))`,
        )
        return row.n === 0 ? true : undefined
      },
      15_000,
    )

    placed.push(...untouched)
    expect(statuses.filter((s) => s.startsWith('5'))).toEqual([])
    expect(errorLogs).toEqual([])

    // Each order changed status at most once, and only out of awaiting_payment.
    const transitions = await db.query<{ order_id: string; from_status: string; to_status: string }>(
      'select order_id, from_status, to_status from order_transitions order by at',
    )
    const perOrder = new Map<string, string[]>()
    for (const t of transitions)
      perOrder.set(t.order_id, [...(perOrder.get(t.order_id) ?? []), `${t.from_status}→${t.to_status}`])
    for (const [orderId, changes] of perOrder) {
      expect([orderId, changes.length]).toEqual([orderId, 1])
      expect(['awaiting_payment→paid', 'awaiting_payment→closed']).toContain(changes[0])
    }

    // Stock released at most once: initial minus what orders still hold.
    const orders = await db.query<{ id: string; status: string; total_fen: number }>(
      'select id, status, total_fen from orders',
    )
    const held = (skuId: string) =>
      placed
        .filter((o) => o.skuId === skuId && orders.find((r) => r.id === o.id)?.status !== 'closed')
        .reduce((sum, o) => sum + o.quantity, 0)
    for (const skuId of SKUS) {
      const [row] = await db.query<{ stock: number }>('select stock from skus where id = $1', [skuId])
      expect([skuId, row.stock]).toEqual([skuId, (initial.get(skuId) ?? NaN) - held(skuId)])
    }

    // The shop and Alipay agree on every order's money.
    const counts: Record<string, number> = {}
    for (const order of placed) {
      const status = orders.find((r) => r.id === order.id)?.status ?? 'missing'
      const trade = await sim
        .client()
        .exec<{ tradeStatus: string; refundFee?: string }>('alipay.trade.query', { out_trade_no: order.id })
      const [payment] = await db.query<{ refund_status: string | null; trade_status: string }>(
        `select (select string_agg(r.status, ',') from refunds r where r.order_id = p.order_id) as refund_status,
                p.trade_status
           from payments p where p.order_id = $1`,
        [order.id],
      )
      const seen = `${status}/${trade.tradeStatus}/${trade.refundFee ?? '-'}/${payment.refund_status ?? '-'}`
      counts[seen] = (counts[seen] ?? 0) + 1
      const yuan = fenToYuan(order.total)
      expect([order.id, seen]).toEqual([
        order.id,
        expect.stringMatching(
          new RegExp(
            `^(paid/TRADE_SUCCESS/-/-|awaiting_payment/(WAIT_BUYER_PAY)/-/-|closed/TRADE_CLOSED/-/-|closed/TRADE_CLOSED/${yuan.replace('.', '\\.')}/refunded)$`,
          ),
        ),
      ])
    }
    // The mix really raced: payments, closings and refunds all happened.
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(3)
  })
})
