/**
 * The compiled Alipay bundle offers the "shipped" subscription message after a confirmed payment:
 * the buyer pays (9000), taps the offer, Alipay's panel (my.requestSubscribeMessage, scripted) is
 * answered, and the simulated Alipay holds the subscription — then a shipped order produces one
 * message for that buyer. Declining or closing the panel says so and subscribes nothing; a server
 * with no template configured offers nothing.
 */
import { DEV_SHIPPED_TEMPLATE } from '../../server/alipay-simulator/subscriptions'
import type { DeliveredMessage, Subscription } from '../../server/alipay-simulator/subscriptions'
import { sendShippedMessageForOrder } from '../../server/messages/shipped'
import { shipOrder } from '../../server/orders/fulfilment'
import { ROUTES } from '../../src/shared/routes'
import { launch, type MiniProgram } from '../support/mini-runtime'
import { buyTshirt, payWith9000, text } from '../support/mini-shop-flows'
import { INTERACTION_BUDGET_BYTES } from '../support/setdata-bench'
import { startShopServer, type ShopServer } from '../support/shop-server'

const SHIPMENT = { carrier: '顺丰速运', trackingNo: 'SF2024000001' }

let server: ShopServer
let app: MiniProgram | undefined
let buyers = 0

beforeAll(async () => {
  server = await startShopServer()
}, 120_000)
afterEach(() => app?.close())
afterAll(() => server.close(), 60_000)

const simulatorList = async <T>(route: string, buyer: string): Promise<T[]> => {
  const response = await fetch(`${server.baseUrl}/alipay-sim${route}?buyer=${buyer}`)
  return ((await response.json()) as { items: T[] }).items
}

/** A fresh simulated buyer (subscriptions add up per buyer), logged in, with a paid order. */
async function paidOrderOnScreen(target: ShopServer = server) {
  app = await launch({ baseUrl: target.baseUrl })
  app.alipay.buyer = `subscriber-${process.pid}-${++buyers}`
  const { orderId, orderPage } = await buyTshirt(app)
  const result = await payWith9000(app, orderPage)
  return { orderId, result, buyer: app.alipay.buyer }
}

test('pay → offer → accept: the simulator holds the subscription, and the shipment sends one message', async () => {
  const { orderId, result, buyer } = await paidOrderOnScreen()
  await result.waitForText(text['messages.shipped.title'])
  expect(result.text()).toContain(text['messages.shipped.body'])

  app!.alipay.answerSubscribe('accept')
  const before = result.setDataCalls.length
  await result.tapText(text['messages.shipped.subscribe'])
  await result.waitForText(text['messages.shipped.subscribed'])
  // A small change on a phone: a few hundred bytes through setData, never the whole page again.
  const sent = result.sentSince(before)
  expect(sent.bytes).toBeLessThanOrEqual(INTERACTION_BUDGET_BYTES)
  expect(sent.keys.filter((key) => key === 'root' || key === 'root.cn')).toEqual([])
  // The id came from the server's configuration, one template per panel.
  expect(app!.alipay.subscribeCalls.map((call) => call.args)).toEqual([
    { entityIds: [DEV_SHIPPED_TEMPLATE.id] },
  ])
  expect(await simulatorList<Subscription>('/subscriptions', buyer)).toMatchObject([
    { templateId: DEV_SHIPPED_TEMPLATE.id, kind: 'one_time', remaining: 1 },
  ])

  // The merchant ships; the job the outbox will run sends the message.
  expect(await server.db.transaction((tx) => shipOrder(tx, orderId, SHIPMENT))).toBe(true)
  expect(await sendShippedMessageForOrder(server.db, server.alipay, server.config.messages, orderId)).toBe(
    'sent',
  )
  const messages = await simulatorList<DeliveredMessage>('/messages', buyer)
  expect(messages).toHaveLength(1)
  expect(messages[0].data).toMatchObject({
    keyword1: { value: orderId },
    keyword2: { value: SHIPMENT.carrier },
    keyword3: { value: SHIPMENT.trackingNo },
  })
  expect(messages[0].page).toBe(`${ROUTES.order}?id%3D${orderId}`)
  expect(app!.consoleErrors).toEqual([])
})

test.each([
  ['reject', 'leaves the template unticked'],
  ['cancel', 'closes the panel'],
] as const)('%s: the buyer %s → "not subscribed", and the simulator holds nothing', async (answer, _how) => {
  const { result, buyer } = await paidOrderOnScreen()
  await result.waitForText(text['messages.shipped.title'])
  app!.alipay.answerSubscribe(answer)
  await result.tapText(text['messages.shipped.subscribe'])
  await result.waitForText(text['messages.shipped.declined'])
  expect(result.text()).not.toContain(text['messages.shipped.subscribed'])
  expect(await simulatorList<Subscription>('/subscriptions', buyer)).toEqual([])
  expect(app!.consoleErrors).toEqual([])
})

test('no template configured: the paid screen offers no subscription', async () => {
  const bare = await startShopServer({ messages: { templates: {} } })
  try {
    const { result } = await paidOrderOnScreen(bare)
    // The templates were asked for (after the payment was confirmed), and the answer was none.
    await result.waitFor(
      () => bare.requests.some((line) => line.startsWith('GET /api/messages/templates 200')),
      'the templates request',
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(result.text()).not.toContain(text['messages.shipped.title'])
    expect(app!.alipay.subscribeCalls).toEqual([])
  } finally {
    await app?.close()
    app = undefined
    await bare.close()
  }
}, 120_000)
