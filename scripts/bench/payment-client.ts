/**
 * The client side of the payment-confirmation benchmark, run in its own process with
 * client-runtime.cjs preloaded: the app's own code logs in, places an order, pays it through
 * my.tradePay (scripted to settle in the simulator's cashier, as a buyer would), and from the 9000
 * result runs the result screen's confirmation hook (useConfirmPayment, with its real backoff)
 * until it says "paid". Prints one JSON line: milliseconds per trial, per notify mode.
 *
 * Env: TARO_APP_API_BASE_URL (the server), BENCH_TRIALS (per mode).
 */
import { createElement } from 'react'
import { create } from 'react-test-renderer'
import { cashier } from '../../tests/support/taro-node'
import { createOrder } from '../../src/features/checkout/api'
import { fetchOrder } from '../../src/features/orders/api'
import { miniProgramAdapter } from '../../src/features/payment/adapters/mini-program'
import { payOrder } from '../../src/features/payment/pay'
import { resultScreen } from '../../src/features/payment/result-codes'
import {
  CONFIRM_BACKOFF_MS,
  useConfirmPayment,
  type Confirmation,
} from '../../src/features/payment/useConfirmPayment'
import { connectSessionToApi, login } from '../../src/features/session'
import { BENCH_ORDER } from './bench-order'

const baseUrl = process.env.TARO_APP_API_BASE_URL ?? ''
const trials = Number(process.env.BENCH_TRIALS ?? 15)
const CONFIRM_TIMEOUT_MS = 60_000

const simulator = async (path: string, body: unknown) => {
  const response = await fetch(`${baseUrl}/alipay-sim${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`simulator ${path} → ${response.status}`)
  return response.json()
}

// Counts the confirmation's questions to the server (GET /api/orders/:id).
let orderReads = 0
const realFetch = globalThis.fetch
globalThis.fetch = (input, init) => {
  if ((init?.method ?? 'GET') === 'GET' && /\/api\/orders\/[^/]+$/.test(String(input))) orderReads++
  return realFetch(input, init)
}

/** Mounts the hook as the result screen does and resolves with its first final state. */
function confirmUntilFinal(orderId: string, keepAsking: boolean): Promise<Confirmation> {
  return new Promise((resolve, reject) => {
    let done = false
    const timer = setTimeout(() => {
      done = true
      reject(new Error(`order ${orderId} not confirmed within ${CONFIRM_TIMEOUT_MS} ms`))
    }, CONFIRM_TIMEOUT_MS)
    function Probe() {
      const confirmation = useConfirmPayment(orderId, keepAsking)
      if (!done && confirmation.state !== 'checking') {
        done = true
        clearTimeout(timer)
        // Unmount after this render, so the hook stops asking.
        setImmediate(() => renderer.unmount())
        resolve(confirmation)
      }
      return null
    }
    const renderer = create(createElement(Probe))
  })
}

async function trial(label: string, n: number) {
  const order = await createOrder(BENCH_ORDER, `bench-confirm-${label}-${Date.now()}-${n}`)
  cashier.tradePay = (options) => simulator('/cashier/pay', { tradeNO: options.tradeNO, outcome: 'pay' })
  const result = await payOrder(order.id, miniProgramAdapter)
  if (result?.code !== '9000') throw new Error(`expected 9000 from the cashier, got ${result?.code}`)
  const started = performance.now()
  const readsBefore = orderReads
  const confirmation = await confirmUntilFinal(order.id, resultScreen(result.code).confirm)
  const ms = performance.now() - started
  if (confirmation.state !== 'paid') throw new Error(`order ${order.id} ended ${confirmation.state}`)
  return { ms, asks: orderReads - readsBefore }
}

async function main() {
  connectSessionToApi()
  await login()
  const modes = { prompt: 'deliver', lost: 'drop' } as const
  const results: Record<string, Array<{ ms: number; asks: number }>> = {}
  for (const [label, notifies] of Object.entries(modes)) {
    await simulator('/control', { notifies })
    results[label] = []
    for (let n = 0; n < trials; n++) results[label].push(await trial(label, n))
  }
  await simulator('/control', { notifies: 'deliver' })
  // The floor: one read of an order already paid (no Alipay call), as the client makes it.
  const paid = await createOrder(BENCH_ORDER, `bench-confirm-floor-${Date.now()}`)
  cashier.tradePay = (options) => simulator('/cashier/pay', { tradeNO: options.tradeNO, outcome: 'pay' })
  await payOrder(paid.id, miniProgramAdapter)
  await confirmUntilFinal(paid.id, true)
  const floor = []
  for (let n = 0; n < trials; n++) {
    const started = performance.now()
    await fetchOrder(paid.id)
    floor.push({ ms: performance.now() - started, asks: 1 })
  }
  results.paidOrderRead = floor
  process.stdout.write(`${JSON.stringify({ backoffMs: CONFIRM_BACKOFF_MS, results })}\n`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
