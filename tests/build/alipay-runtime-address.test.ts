/**
 * The buyer's Alipay address at checkout, in the compiled Alipay bundle (dist/alipay, or
 * MINI_DIST_DIR) against the real server, with my.getAddress answering as AlipayDocs/open-docs
 * mini/api/开放能力API/获取会员收货地址/my.getAddress.md documents: 9000 fills the form (the region
 * matched to GET /api/regions) and the order carries it; 6001 leaves the form exactly as it was; a
 * refusal says so. The WeChat build offers no such action, and the privacy notice is linked.
 */
import type { Address, ProductDetail } from '@contract'
import { CHECKOUT_DRAFT_KEY } from '../../src/features/checkout/draft'
import { shopConfig } from '../../src/shop.config'
import { pageUrl, ROUTES } from '../../src/shared/routes'
import {
  GET_ADDRESS,
  launch,
  type GetAddressAnswer,
  type MiniPage,
  type MiniProgram,
} from '../support/mini-runtime'
import { text } from '../support/mini-shop-flows'
import { startShopServer, type ShopServer } from '../support/shop-server'
import { ALIPAY_ADDRESS_RESULT, ALIPAY_ADDRESS_FILLED } from '../support/sample-address'

let server: ShopServer
let app: MiniProgram | undefined

beforeAll(async () => {
  server = await startShopServer()
}, 120_000)
beforeEach(async () => {
  // An empty form to start from: no saved address.
  await server.db.query('delete from addresses')
})
afterEach(() => app?.close())
afterAll(() => server.close(), 60_000)

const ACTION = text['address.platform.alipay']
const PRIVACY_LINK = `${text['address.privacyLink']} ›`

async function openCheckout(platform: 'alipay' | 'weapp' = 'alipay'): Promise<MiniPage> {
  const product = (await (
    await fetch(`${server.baseUrl}/api/products/tshirt-classic`)
  ).json()) as ProductDetail
  const sku = product.skus.find((candidate) => candidate.stock >= 1)!
  app = await launch({
    baseUrl: server.baseUrl,
    platform,
    entry: pageUrl('checkout', { skuId: sku.id, quantity: '1' }),
  })
  const checkout = await app.waitForPage(ROUTES.checkout)
  await checkout.waitForText(text['checkout.placeOrder'])
  return checkout
}

/** The form as the buyer sees it: the inputs' values and the region picker's text. */
function formShown(checkout: MiniPage): Address {
  const value = (placeholder: string) => {
    const found = checkout
      .byTag('input')
      .find(({ node }) => checkout.attribute(node, 'placeholder') === placeholder)
    return String(checkout.attribute(found!.node, 'value') ?? '')
  }
  // The region field reads: its label, the chosen names (or the prompt), the arrow.
  const [, shown] = checkout.within(text['address.region'], '›').text().split('\n')
  const region = shown === text['address.regionPick'] ? '' : (shown ?? '')
  return {
    name: value(text['address.name']),
    phone: value(text['address.phone']),
    region,
    detail: value(text['address.detail']),
  }
}

/**
 * Taps the action, waits until the app shows it is reading (the sheet is open), answers as the
 * buyer, and waits for the action to come back: what shows then is what the answer did.
 */
async function useAlipayAddress(checkout: MiniPage, answer: GetAddressAnswer): Promise<void> {
  await checkout.tapText(ACTION, { exact: true })
  await checkout.waitForText(text['address.platform.reading'], { exact: true })
  app!.alipay.answerGetAddress(answer)
  await checkout.waitForText(ACTION, { exact: true })
}

it('9000 fills name, phone, region and detail, which stay editable, and the order ships there', async () => {
  const checkout = await openCheckout()
  await useAlipayAddress(checkout, GET_ADDRESS.chosen(ALIPAY_ADDRESS_RESULT))
  await checkout.waitForText(ALIPAY_ADDRESS_FILLED.region, { exact: true })
  expect(formShown(checkout)).toEqual(ALIPAY_ADDRESS_FILLED)

  // Still the buyer's form: a change goes into the order.
  await checkout.input(text['address.detail'], '西溪路556号 3 幢')
  await checkout.tapText(text['checkout.placeOrder'])
  const order = await app!.waitForPage(ROUTES.order)
  await order.waitForText(text['orders.pay'])
  const [row] = await server.db.query<{ address: Address }>('select address from orders where id = $1', [
    order.query.id,
  ])
  expect(row!.address).toEqual({ ...ALIPAY_ADDRESS_FILLED, detail: '西溪路556号 3 幢' })
})

it('6001 leaves the form exactly as it was, and says nothing', async () => {
  const checkout = await openCheckout()
  await checkout.input(text['address.name'], '李四')
  await checkout.input(text['address.detail'], '文一路 1 号')
  const before = { form: formShown(checkout), screen: checkout.text() }
  const draft = app!.storage.entries.get(CHECKOUT_DRAFT_KEY)

  await useAlipayAddress(checkout, GET_ADDRESS.wentBack())
  expect(formShown(checkout)).toEqual(before.form)
  expect(checkout.text()).toBe(before.screen)
  expect(app!.storage.entries.get(CHECKOUT_DRAFT_KEY)).toBe(draft)
  expect(app!.ui.toasts).toEqual([])
})

it('a refused authorization says so readably and leaves the form as it was; a second try can fill it', async () => {
  const checkout = await openCheckout()
  await checkout.input(text['address.name'], '李四')
  const before = formShown(checkout)

  await useAlipayAddress(checkout, GET_ADDRESS.refused())
  await checkout.waitForText(text['address.platform.denied'])
  expect(formShown(checkout)).toEqual(before)

  await useAlipayAddress(checkout, GET_ADDRESS.chosen(ALIPAY_ADDRESS_RESULT))
  await checkout.waitForText(ALIPAY_ADDRESS_FILLED.region, { exact: true })
  expect(checkout.hasText(text['address.platform.denied'])).toBe(false)
})

it('links the privacy notice next to the action, in the help subpackage', async () => {
  const checkout = await openCheckout()
  await checkout.tapText(PRIVACY_LINK, { exact: true })
  const privacy = await app!.waitForPage(ROUTES.privacy)
  await privacy.waitForText(text['privacy.collected.q'])
  for (const heading of [
    'privacy.purpose.q',
    'privacy.retention.q',
    'privacy.sharing.q',
    'privacy.deletion.q',
    'privacy.contact.q',
  ] as const)
    expect(privacy.text()).toContain(text[heading])
  expect(privacy.text()).toContain(shopConfig.privacy.contact)
  await privacy.waitFor(
    () =>
      app!.ui.titles.some((entry) => entry.route === ROUTES.privacy && entry.title === text['privacy.title']),
    `the title "${text['privacy.title']}"`,
  )
})

it('on WeChat there is no Alipay address action, and the privacy notice is still linked', async () => {
  const checkout = await openCheckout('weapp')
  expect(checkout.hasText(ACTION)).toBe(false)
  expect(checkout.hasText(PRIVACY_LINK, true)).toBe(true)
})
