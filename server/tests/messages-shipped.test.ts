/**
 * The "shipped" subscription message against the real simulator: a subscribed buyer gets exactly
 * one message with the shipment in it; without a subscription (never, declined, used up) Alipay
 * refuses and the sender says 'not_subscribed'; without a template nothing is sent; a gateway
 * that cannot answer is an error to retry.
 */
import { AlipayBusinessError, AlipayUnavailableError } from '../alipay/client'
import { TEMPLATE_MESSAGE_SEND_METHOD } from '../alipay/template-message'
import { toChinaTime } from '../alipay/wire-format'
import { simulatedOpenId, simulatedUserId } from '../alipay-simulator/buyers'
import { TEST_APP_ID } from '../alipay-simulator/test-harness'
import { DEV_SHIPPED_TEMPLATE } from '../alipay-simulator/subscriptions'
import type { MessageSettings } from '../messages/settings'
import { sendShippedMessageForOrder, shippedMessagePage } from '../messages/shipped'
import { upsertBuyer } from '../session/repository'
import { describeEachDatabase } from '../testing/databases'
import { prepareDatabase, simulatorForSuite } from '../testing/suites'
import { FULFILMENT_SKU, paidOrder, SHIPMENT, shippedOrder } from './orders-fulfilment-helpers'
import { setStock } from './orders-helpers'

const CONFIGURED: MessageSettings = { templates: { shipped: DEV_SHIPPED_TEMPLATE.id } }
const NOT_CONFIGURED: MessageSettings = { templates: {} }

let buyerCount = 0
/** A simulated buyer (by key) who is also a shop user with an order shipped to them. */
const uniqueKey = () => `msg-${process.pid}-${++buyerCount}`

describeEachDatabase('the shipped message', (getDb) => {
  const simulator = simulatorForSuite()

  beforeAll(async () => {
    await prepareDatabase(getDb())
    await setStock(getDb(), FULFILMENT_SKU, 10_000)
  })

  /** A shop user known to Alipay as simulated buyer `key`, by user_id (or open_id). */
  async function buyerWithShippedOrder(key: string, kind: 'user_id' | 'open_id' = 'user_id') {
    const value = kind === 'user_id' ? simulatedUserId(key) : simulatedOpenId(TEST_APP_ID, key)
    const buyer = await upsertBuyer(getDb(), { kind, value })
    return shippedOrder(getDb(), buyer.id)
  }
  const messagesTo = (key: string) => simulator.messages().filter((m) => m.buyer.key === key)
  const send = (orderId: string, settings = CONFIGURED, client = simulator.client()) =>
    sendShippedMessageForOrder(getDb(), client, settings, orderId)

  it('sends a subscribed buyer exactly one message with the order, carrier, tracking number and time', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])

    expect(await send(orderId)).toBe('sent')

    const [{ shipped_at: shippedAt }] = await getDb().query<{ shipped_at: Date | string }>(
      'select shipped_at from orders where id = $1',
      [orderId],
    )
    const messages = messagesTo(key)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({
      appId: TEST_APP_ID,
      templateId: DEV_SHIPPED_TEMPLATE.id,
      buyer: { key, userId: simulatedUserId(key) },
      page: shippedMessagePage(orderId),
      data: {
        keyword1: { value: orderId },
        keyword2: { value: SHIPMENT.carrier },
        keyword3: { value: SHIPMENT.trackingNo },
        keyword4: { value: toChinaTime(new Date(shippedAt)) },
      },
    })
    expect(messages[0].page).toBe(`pages/order/detail/index?id%3D${orderId}`)
  })

  it('reaches a buyer known by open_id', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key, 'open_id')
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    expect(await send(orderId)).toBe('sent')
    expect(messagesTo(key)).toHaveLength(1)
  })

  it('is refused for a buyer who never subscribed: not_subscribed, nothing delivered', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    const before = simulator.calls.count(TEMPLATE_MESSAGE_SEND_METHOD)
    expect(await send(orderId)).toBe('not_subscribed')
    // Alipay was asked, and said no.
    expect(simulator.calls.count(TEMPLATE_MESSAGE_SEND_METHOD)).toBe(before + 1)
    expect(messagesTo(key)).toEqual([])
  })

  it('is refused for a buyer who declined the subscription', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    const answer = await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id], { accept: false })
    expect(answer).toMatchObject({ behavior: 'subscribe', [DEV_SHIPPED_TEMPLATE.id]: 'reject' })
    expect(await send(orderId)).toBe('not_subscribed')
    expect(messagesTo(key)).toEqual([])
  })

  it('uses up a one-time subscription: a second message is refused until the buyer subscribes again', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    expect(await send(orderId)).toBe('sent')
    expect(await send(orderId)).toBe('not_subscribed')
    expect(messagesTo(key)).toHaveLength(1)

    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    expect(await send(orderId)).toBe('sent')
    expect(messagesTo(key)).toHaveLength(2)
  })

  it('sends nothing when no template is configured', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    const before = simulator.calls.count(TEMPLATE_MESSAGE_SEND_METHOD)
    expect(await send(orderId, NOT_CONFIGURED)).toBe('not_configured')
    expect(simulator.calls.count(TEMPLATE_MESSAGE_SEND_METHOD)).toBe(before)
    expect(messagesTo(key)).toEqual([])
  })

  it('throws AlipayUnavailableError when the gateway cannot answer (the outbox retries)', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    const unreachable = simulator.client(undefined, { gateway: 'http://127.0.0.1:9/alipay-sim/gateway.do' })
    await expect(send(orderId, CONFIGURED, unreachable)).rejects.toBeInstanceOf(AlipayUnavailableError)
    // The subscription is still there for the retry.
    expect(await send(orderId)).toBe('sent')
  })

  it('throws AlipayBusinessError for a template Alipay does not know (a setup mistake, not a refusal)', async () => {
    const key = uniqueKey()
    const orderId = await buyerWithShippedOrder(key)
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    const wrong: MessageSettings = { templates: { shipped: 'not-a-template-of-this-app' } }
    const failure = await send(orderId, wrong).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AlipayBusinessError)
    expect(failure).toMatchObject({ subCode: 'USER_TEMPLATE_ILLEGAL' })
    expect(messagesTo(key)).toEqual([])
  })

  it('sends nothing for a paid order that has not shipped', async () => {
    const key = uniqueKey()
    const buyer = await upsertBuyer(getDb(), { kind: 'user_id', value: simulatedUserId(key) })
    const orderId = await paidOrder(getDb(), buyer.id)
    await simulator.subscribe(key, [DEV_SHIPPED_TEMPLATE.id])
    expect(await send(orderId)).toBe('not_shipped')
    expect(messagesTo(key)).toEqual([])
  })
})
