/**
 * Crash in the middle of checkout-and-pay: the reference server (`npm run server`, PGlite on disk)
 * and the Alipay simulator (`npm run simulator`) run as separate processes. Several buyers order,
 * open trades and pay; the server is killed with SIGKILL mid-load; buyers keep paying at the
 * cashier while it is down; it is restarted on the same data directory. Then, once Alipay's notify
 * retries got through:
 *  - every trade Alipay took money for is paid in the shop (and nothing else is);
 *  - no order is lost: every order a buyer got a 2xx for exists, and an order request that got no
 *    answer, sent again with its Idempotency-Key, yields one order, not two;
 *  - nothing is paid twice: one payment row per order at its total, one recorded notify per paid
 *    order, no refund, and the stock went down exactly once per ordered unit.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SIMULATED_APP_ID, loadOrCreateDevKeys } from '../alipay-simulator/dev-keys'
import { createAlipayClient } from '../alipay/client'
import { openPglite } from '../db/pglite'
import { LoadBuyer, type PlacedOrder, type UnansweredOrder } from './faults-crash-load'
import { httpRequest } from './faults-http'
import { freePort } from '../testing/free-port'
import { startNodeProcess, stopAllProcesses, type RunningProcess } from './faults-processes'
import { until } from '../testing/until'

jest.setTimeout(170_000)

const BUYERS = 5
const KILL_AFTER_PAID = 10
const SKUS = ['pencil-set-std', 'envelope-kraft-std', 'phone-stand-std']
// Retries long enough to outlast a restart (PGlite's start takes seconds on a busy machine).
const NOTIFY_SCHEDULE = ['0', '300', '700', ...Array(40).fill('1500')].join(',')

let dataDir: string
let server: RunningProcess
let shopUrl: string
let alipayUrl: string

async function startServer(port: number, simPort: number): Promise<RunningProcess> {
  return startNodeProcess({
    name: 'shop server',
    script: 'server/main.ts',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ALIPAY_GATEWAY: `http://127.0.0.1:${simPort}/alipay-sim/gateway.do`,
    },
    readyUrl: `http://127.0.0.1:${port}/healthz`,
    readyTimeoutMs: 90_000,
  })
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-crash-'))
  const simPort = await freePort()
  // Started first: it creates the development keys in DATA_DIR/keys that the server then reads.
  await startNodeProcess({
    name: 'Alipay simulator',
    script: 'server/alipay-simulator/main.ts',
    env: {
      SIMULATOR_PORT: String(simPort),
      DATA_DIR: dataDir,
      ALIPAY_SIM_NOTIFY_SCHEDULE_MS: NOTIFY_SCHEDULE,
    },
    readyUrl: `http://127.0.0.1:${simPort}/alipay-sim/buyers`,
  })
  alipayUrl = `http://127.0.0.1:${simPort}/alipay-sim`
  const port = await freePort()
  shopUrl = `http://127.0.0.1:${port}`
  server = await startServer(port, simPort)
})

afterAll(async () => {
  await stopAllProcesses()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function stockOf(skuIds: string[]): Promise<Map<string, number>> {
  const stock = new Map<string, number>()
  for (const skuId of skuIds) {
    const productId = skuId.replace(/-std$/, '')
    const res = await httpRequest('GET', `${shopUrl}/api/products/${productId}`)
    const sku = (res.json as { skus: Array<{ id: string; stock: number }> }).skus.find((s) => s.id === skuId)
    stock.set(skuId, sku?.stock ?? NaN)
  }
  return stock
}

it('loses no order and no payment, and pays nothing twice, across a SIGKILL', async () => {
  const initialStock = await stockOf(SKUS)
  const buyers = Array.from(
    { length: BUYERS },
    (_, i) => new LoadBuyer(`crash${process.pid}x${i}`, shopUrl, alipayUrl),
  )
  await Promise.all(buyers.map((buyer) => buyer.login()))
  // Orders whose answer was lost on the way (the buyer's connection dropped): committed, unseen.
  const lost = buyers.slice(0, 2)
  const abandoned: UnansweredOrder[] = []
  for (const buyer of lost) abandoned.push(await buyer.abandonOrder(SKUS[0]))
  const committed = await until(
    'the abandoned orders to be committed',
    async () => {
      const ids = await Promise.all(lost.map(async (buyer) => [...(await buyer.listedStatuses()).keys()]))
      return ids.every((list) => list.length === 1) ? ids.map((list) => list[0]) : undefined
    },
    20_000,
  )

  // The load, and the kill in its middle: buyers stop when the server stops answering them.
  let paid = 0
  let killed: Promise<string> | undefined
  const kill = () => {
    if (++paid === KILL_AFTER_PAID) killed = server.stop('SIGKILL')
  }
  await Promise.all(buyers.map((buyer) => buyer.run(SKUS, kill)))
  expect(await killed).toBe('SIGKILL')
  expect(buyers.map((buyer) => buyer.stoppedBy)).not.toContain(undefined)

  // While the shop is down, some held trades are paid: Alipay's notifies for them cannot get
  // through. The other held trades stay unpaid, and must stay unpaid in the shop.
  const held = buyers.flatMap((buyer) => buyer.held.map((order) => ({ buyer, order })))
  const payingWhileDown = held.filter((_, i) => i % 2 === 0)
  expect(payingWhileDown.length).toBeGreaterThan(0)
  for (const { buyer, order } of payingWhileDown) await buyer.pay(order)

  server = await startServer(Number(new URL(shopUrl).port), Number(new URL(alipayUrl).port))

  // What got no answer is sent again, as the app does: the same Idempotency-Key and body. The
  // abandoned orders come back as they were committed before the crash (200: a replay).
  for (const [i, buyer] of lost.entries()) {
    const resent = await buyer.sendOrder(abandoned[i])
    expect([resent?.status, resent?.order?.id]).toEqual([200, committed[i]])
  }
  for (const buyer of buyers) {
    if (buyer.unanswered) expect([200, 201]).toContain((await buyer.sendOrder(buyer.unanswered))?.status)
    for (const order of buyer.orders.filter((o) => !o.tradeNo)) {
      expect(await buyer.openTrade(order)).toBe(true)
      await buyer.pay(order)
    }
  }
  const placed: PlacedOrder[] = buyers.flatMap((buyer) => buyer.orders)
  const paidAtAlipay = new Set(placed.filter((order) => order.paidAtAlipay).map((order) => order.id))

  // Bounded wait for the notify retries (the list never asks Alipay, so only notifies count).
  let statuses = new Map<string, string>()
  const listed = await until(
    `${paidAtAlipay.size} orders paid by notify`,
    async () => {
      statuses = new Map()
      for (const buyer of buyers)
        for (const [id, status] of await buyer.listedStatuses()) statuses.set(id, status)
      return [...paidAtAlipay].every((id) => statuses.get(id) === 'paid') ? statuses : undefined
    },
    60_000,
    250,
    () => `not paid: ${[...paidAtAlipay].filter((id) => statuses.get(id) !== 'paid').join(', ')}`,
  )
  // No order lost: everything a buyer was told about exists; nothing else does.
  expect([...listed.keys()].sort()).toEqual(placed.map((order) => order.id).sort())
  const paidInShop = [...listed].filter(([, status]) => status === 'paid').map(([id]) => id)
  expect(paidInShop.sort()).toEqual([...paidAtAlipay].sort())

  // Alipay's own view of every order agrees: paid there exactly when paid here, never refunded.
  const keys = loadOrCreateDevKeys(dataDir)
  const alipay = createAlipayClient({
    appId: SIMULATED_APP_ID,
    privateKey: keys.app.privateKey,
    alipayPublicKey: keys.simulator.publicKey,
    gateway: `${alipayUrl}/gateway.do`,
  })
  for (const order of placed) {
    const trade = await alipay.exec<{ tradeStatus: string; refundFee?: string }>('alipay.trade.query', {
      out_trade_no: order.id,
    })
    expect([order.id, trade.tradeStatus, trade.refundFee]).toEqual([
      order.id,
      paidAtAlipay.has(order.id) ? 'TRADE_SUCCESS' : 'WAIT_BUYER_PAY',
      undefined,
    ])
  }

  // The database itself, once the server has stopped.
  expect(await server.stop('SIGTERM')).toBe('exit 0')
  const db = await openPglite(path.join(dataDir, 'pglite'))
  try {
    const orders = await db.query<{ id: string; status: string; total_fen: number; keys: number }>(
      `select o.id, o.status, o.total_fen, (select count(*)::int from idempotency_keys k where k.order_id = o.id) as keys
         from orders o order by o.id`,
    )
    expect(orders.map((o) => o.id)).toEqual(placed.map((o) => o.id).sort())
    expect(orders.every((o) => o.keys === 1)).toBe(true)
    const payments = await db.query<{
      order_id: string
      amount_fen: number
      trade_status: string
    }>('select order_id, amount_fen, trade_status from payments order by order_id')
    expect(payments).toHaveLength(placed.length)
    for (const payment of payments) {
      const order = placed.find((o) => o.id === payment.order_id) as PlacedOrder
      expect(payment).toEqual({
        order_id: order.id,
        amount_fen: order.total,
        trade_status: paidAtAlipay.has(order.id) ? 'TRADE_SUCCESS' : 'WAIT_BUYER_PAY',
      })
    }
    expect(await db.query('select out_request_no from refunds')).toEqual([])
    const notifies = await db.query<{ subject_id: string; count: number }>(
      `select subject_id, count(*)::int as count from alipay_notifies group by subject_id order by subject_id`,
    )
    expect(notifies).toEqual([...paidAtAlipay].sort().map((id) => ({ subject_id: id, count: 1 })))
    // Stock reserved once per ordered unit (no order was closed here, so none came back).
    for (const skuId of SKUS) {
      const ordered = placed.filter((o) => o.skuId === skuId).reduce((sum, o) => sum + o.quantity, 0)
      const [row] = await db.query<{ stock: number }>('select stock from skus where id = $1', [skuId])
      expect([skuId, row.stock]).toEqual([skuId, (initialStock.get(skuId) ?? NaN) - ordered])
    }
  } finally {
    await db.close()
  }
})
