/**
 * Paying with the app's own payment code against the reference server and its Alipay simulator:
 * the mini-program adapter calls my.tradePay (scripted here to settle the trade through the
 * simulator's cashier, as a buyer would), the result code picks the screen, and the confirmation
 * hook asks the server, which alone decides the order is paid.
 */
import type { Order } from '@contract'
import { act, create } from 'react-test-renderer'
import { cashier } from '../support/taro-node'
import { startShopServer, type ShopServer } from '../support/shop-server'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let server: ShopServer
let app: {
  checkout: typeof import('../../src/features/checkout/api')
  payment: typeof import('../../src/features/payment')
  adapter: typeof import('../../src/features/payment/adapters/mini-program')
  orders: typeof import('../../src/features/orders')
  session: typeof import('../../src/features/session')
}
let orderCount = 0

const simulator = (path: string, body: unknown) => server.simulator(path, body)

beforeAll(async () => {
  server = await startShopServer()
  process.env.TARO_APP_API_BASE_URL = server.baseUrl
  app = {
    checkout: require('../../src/features/checkout/api'),
    payment: require('../../src/features/payment'),
    adapter: require('../../src/features/payment/adapters/mini-program'),
    orders: require('../../src/features/orders'),
    session: require('../../src/features/session'),
  }
  app.session.connectSessionToApi()
  await app.session.login()
  await simulator('/control', { notifies: 'deliver', processingDelayMs: 150 })
})
afterAll(() => server.close())

async function newOrder(): Promise<Order> {
  orderCount++
  return app.checkout.createOrder(
    {
      lines: [{ skuId: 'mug-ceramic-white', quantity: 1 }],
      address: { name: '张三', phone: '13800138000', region: '浙江省 杭州市', detail: '文三路 100 号' },
    },
    `payment-flow-${Date.now()}-${orderCount}`,
  )
}

/** The buyer in the cashier: my.tradePay settles the trade with the chosen outcome. */
function buyerChooses(outcome: string) {
  cashier.tradePay = (options) => simulator('/cashier/pay', { tradeNO: options.tradeNO, outcome })
}

/** What the result screen ends up saying about the order, after asking the server. */
async function confirm(orderId: string, keepAsking: boolean) {
  let latest!: ReturnType<typeof app.payment.useConfirmPayment>
  function Probe() {
    latest = app.payment.useConfirmPayment(orderId, keepAsking, [50, 100, 200, 400, 800, 1600])
    return null
  }
  let renderer!: ReturnType<typeof create>
  await act(async () => {
    renderer = create(<Probe />)
  })
  for (let i = 0; i < 300 && latest.state === 'checking'; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  }
  await act(async () => renderer.unmount())
  return latest
}

describe('paying through the payment module', () => {
  it.each([
    ['pay', '9000', 'success', 'paid'],
    ['processing', '8000', 'processing', 'paid'],
    ['unknown', '6004', 'unknownResult', 'paid'],
    ['cancel', '6001', 'cancelled', 'not_confirmed'],
    ['fail', '4000', 'failed', 'not_confirmed'],
    ['network_error', '6002', 'network', 'not_confirmed'],
    ['forgot_password', '99', 'forgotPassword', 'not_confirmed'],
    ['no_permission', '4', 'noPermission', 'not_confirmed'],
  ])('outcome %s → code %s → screen %s → the server says %s', async (outcome, code, screenId, verdict) => {
    const order = await newOrder()
    buyerChooses(outcome)
    const result = await app.payment.payOrder(order.id, app.adapter.miniProgramAdapter)
    expect(result?.code).toBe(code)
    // my.tradePay got Alipay's trade_no from alipay.trade.create — never our order number.
    const tradeNO = cashier.calls.at(-1)?.tradeNO
    expect(tradeNO).toMatch(/^\d{20,}$/)
    expect(tradeNO).not.toBe(order.id)

    const screen = app.payment.resultScreen(result!.code)
    expect(screen.id).toBe(screenId)
    const confirmation = await confirm(order.id, screen.confirm)
    expect(confirmation.state).toBe(verdict)
    const onServer = await app.orders.fetchOrder(order.id)
    expect(onServer.status).toBe(verdict === 'paid' ? 'paid' : 'awaiting_payment')
  })

  it('opens one cashier per order, whatever the buyer taps', async () => {
    const order = await newOrder()
    buyerChooses('cancel')
    const before = cashier.calls.length
    const [first, second] = await Promise.all([
      app.payment.payOrder(order.id, app.adapter.miniProgramAdapter),
      app.payment.payOrder(order.id, app.adapter.miniProgramAdapter),
    ])
    expect([first?.code, second]).toEqual(['6001', undefined])
    expect(cashier.calls.length - before).toBe(1)
  })

  it('reuses the trade when the buyer pays again, and confirms a payment whose notify was lost', async () => {
    const order = await newOrder()
    buyerChooses('cancel')
    await app.payment.payOrder(order.id, app.adapter.miniProgramAdapter)
    const firstTrade = cashier.calls.at(-1)?.tradeNO

    await simulator('/control', { notifies: 'drop' })
    try {
      buyerChooses('pay')
      const result = await app.payment.payOrder(order.id, app.adapter.miniProgramAdapter)
      expect(result?.code).toBe('9000')
      expect(cashier.calls.at(-1)?.tradeNO).toBe(firstTrade)
      // No notify arrives; the server learns the truth from alipay.trade.query when asked.
      const confirmation = await confirm(order.id, true)
      expect(confirmation.state).toBe('paid')
    } finally {
      await simulator('/control', { notifies: 'deliver' })
    }
  })

  it('opens no trade on a surface that cannot pay (the WeChat build)', async () => {
    const order = await newOrder()
    const { unsupportedAdapter } = require('../../src/features/payment/adapters/unsupported')
    await expect(app.payment.payOrder(order.id, unsupportedAdapter)).rejects.toBeInstanceOf(
      app.payment.PaymentUnavailableError,
    )
    expect(server.requests.filter((line) => line.includes(`/api/orders/${order.id}/payment`))).toEqual([])
  })

  it('keeps confirming through a dropped connection', async () => {
    const order = await newOrder()
    buyerChooses('pay')
    expect((await app.payment.payOrder(order.id, app.adapter.miniProgramAdapter))?.code).toBe('9000')
    // The first reads of the order fail as if the phone lost its connection: more of them than
    // the request layer's own GET retries absorb.
    const realFetch = globalThis.fetch
    let dropped = 0
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (String(input).includes(`/api/orders/${order.id}`) && dropped < 5) {
        dropped++
        return Promise.reject(new TypeError('fetch failed'))
      }
      return realFetch(input, init)
    })
    try {
      expect((await confirm(order.id, true)).state).toBe('paid')
      expect(dropped).toBe(5)
    } finally {
      spy.mockRestore()
    }
  })
})
