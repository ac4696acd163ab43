/**
 * The soak's buyers: each logs in through the simulator's auth codes (as my.getAuthCode and
 * POST /api/session do), then loops until told to stop: browse, order (with an Idempotency-Key,
 * sometimes sent twice), and give the order one fate — pay it (through the simulator's cashier)
 * and then maybe ask a refund, or have it shipped and confirm receipt; cancel it; leave it to
 * expire (moved past its expiry in the database, as the test suites do, for the sweeper to close);
 * or just leave it unpaid.
 */
import { randomBytes, randomInt } from 'node:crypto'
import type { Order, OrderPayment } from '../../contract'
import type { Db } from '../../server/db/types'
import { expireOrder } from '../../server/tests/orders-helpers'
import { BENCH_ORDER } from '../bench/bench-order'
import type { Answer, SoakClient } from './traffic'

export interface BuyerTally {
  logins: number
  ordersCreated: number
  idempotentReplays: number
  paid: number
  cancelled: number
  leftToExpire: number
  shipped: number
  receiptsConfirmed: number
  refundsAsked: number
  /** Answers a buyer did not expect, by "step status code" (a limit's 409 or 429 lands here). */
  unexpected: Record<string, number>
}

export const newBuyerTally = (): BuyerTally => ({
  logins: 0,
  ordersCreated: 0,
  idempotentReplays: 0,
  paid: 0,
  cancelled: 0,
  leftToExpire: 0,
  shipped: 0,
  receiptsConfirmed: 0,
  refundsAsked: 0,
  unexpected: {},
})

export interface BuyerWorld {
  client: SoakClient
  db: Db
  merchantToken: string
  tally: BuyerTally
  running: () => boolean
}

const PAID_WITHIN_MS = 30_000
const newKey = () => `soak-${randomBytes(12).toString('hex')}`
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const chance = (percent: number) => randomInt(100) < percent

/** The answer's JSON when its status is one of `expected`; otherwise tallied as unexpected. */
function expectAnswer<T>(tally: BuyerTally, step: string, answer: Answer | undefined, expected: number[]) {
  if (!answer) return undefined
  if (expected.includes(answer.status)) return answer.json as T
  const code = (answer.json as { code?: string } | undefined)?.code ?? '-'
  const key = `${step} ${answer.status} ${code}`
  tally.unexpected[key] = (tally.unexpected[key] ?? 0) + 1
  return undefined
}

async function logIn(world: BuyerWorld, buyerKey: string): Promise<Record<string, string> | undefined> {
  const { client, tally } = world
  const code = expectAnswer<{ authCode: string }>(
    tally,
    'auth-code',
    await client.send('POST', '/alipay-sim/auth-codes', { body: { buyer: buyerKey } }),
    [201],
  )
  if (!code) return undefined
  const session = expectAnswer<{ token: string }>(
    tally,
    'login',
    await client.send('POST', '/api/session', { body: { authCode: code.authCode } }),
    [201],
  )
  if (!session) return undefined
  tally.logins++
  return { authorization: `Bearer ${session.token}` }
}

async function browse(client: SoakClient) {
  await client.send('GET', '/api/categories')
  await client.send('GET', `/api/products?page=${1 + randomInt(2)}`)
  await client.send('GET', '/api/products/mug-ceramic')
}

/** Reads the order as the result screen does until it says paid (the read repairs a lost notify). */
async function readUntilPaid(world: BuyerWorld, auth: Record<string, string>, orderId: string) {
  const deadline = Date.now() + PAID_WITHIN_MS
  while (Date.now() < deadline) {
    const order = expectAnswer<Order>(
      world.tally,
      'read order',
      await world.client.send('GET', `/api/orders/${orderId}`, { headers: auth }),
      [200],
    )
    if (order?.status === 'paid') return true
    await pause(300)
  }
  world.tally.unexpected['paid order still unpaid after 30 s'] =
    (world.tally.unexpected['paid order still unpaid after 30 s'] ?? 0) + 1
  return false
}

async function afterPayment(world: BuyerWorld, auth: Record<string, string>, orderId: string) {
  const { client, tally } = world
  if (chance(35)) {
    tally.refundsAsked++
    expectAnswer(
      tally,
      'refund_only',
      await client.send('POST', `/api/orders/${orderId}/after-sales`, {
        headers: auth,
        body: {
          kind: 'refund_only',
          lines: [{ lineNo: 1 + randomInt(2), quantity: 1 }],
          reason: 'changed_mind',
        },
      }),
      [201],
    )
  } else if (chance(50)) {
    const shipped = expectAnswer(
      tally,
      'ship',
      await client.send('POST', `/api/merchant/orders/${orderId}/shipment`, {
        headers: { authorization: `Bearer ${world.merchantToken}` },
        body: { carrier: '顺丰速运', trackingNo: `SF${randomInt(1e9)}` },
      }),
      [200],
    )
    if (!shipped) return
    tally.shipped++
    const received = expectAnswer(
      tally,
      'receipt',
      await client.send('POST', `/api/orders/${orderId}/receipt`, { headers: auth }),
      [200],
    )
    if (received) tally.receiptsConfirmed++
  }
}

async function oneOrder(world: BuyerWorld, auth: Record<string, string>) {
  const { client, tally, db } = world
  const key = newKey()
  const create = () =>
    client.send('POST', '/api/orders', { headers: { ...auth, 'idempotency-key': key }, body: BENCH_ORDER })
  const order = expectAnswer<Order>(tally, 'order', await create(), [201])
  if (!order) return
  tally.ordersCreated++
  if (chance(15)) {
    const again = expectAnswer<Order>(tally, 'order again', await create(), [200, 201])
    if (again?.id === order.id) tally.idempotentReplays++
    else if (again)
      tally.unexpected['idempotent replay gave another order'] =
        1 + (tally.unexpected['idempotent replay gave another order'] ?? 0)
  }
  const fate = randomInt(100)
  if (fate < 20) return // left unpaid, within its time to live
  const payment = expectAnswer<OrderPayment>(
    tally,
    'open payment',
    await client.send('POST', `/api/orders/${order.id}/payment`, { headers: auth }),
    [200],
  )
  if (!payment || payment.invocation.kind !== 'tradeNO') return
  if (fate < 40) {
    const cancelled = expectAnswer(
      tally,
      'cancel',
      await client.send('POST', `/api/orders/${order.id}/cancel`, { headers: auth }),
      [200],
    )
    if (cancelled) tally.cancelled++
    return
  }
  if (fate < 55) {
    await expireOrder(db, order.id)
    tally.leftToExpire++
    return
  }
  const paid = expectAnswer(
    tally,
    'cashier pay',
    await client.send('POST', '/alipay-sim/cashier/pay', {
      body: { tradeNO: payment.invocation.tradeNO, outcome: 'pay' },
    }),
    [200],
  )
  if (!paid || !(await readUntilPaid(world, auth, order.id))) return
  tally.paid++
  await afterPayment(world, auth, order.id)
}

/** One buyer's loop; logs in again now and then, as a returning buyer would. */
export async function runBuyer(world: BuyerWorld, buyerKey: string): Promise<void> {
  let auth: Record<string, string> | undefined
  let rounds = 0
  while (world.running()) {
    if (!auth || rounds++ % 10 === 9) auth = await logIn(world, buyerKey)
    if (!auth) {
      await pause(1000)
      continue
    }
    await browse(world.client)
    await world.client.send('GET', '/api/orders?page=1', { headers: auth })
    await oneOrder(world, auth)
  }
}
