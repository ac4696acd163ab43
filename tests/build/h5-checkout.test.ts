/**
 * Checkout in the H5 build in Chromium (390 × 844): errors appear on submit and each disappears
 * as its field is fixed, the region is chosen level by level in the picker (from the server's
 * GET /api/regions), what was typed survives a reload of the page, and the total and 提交订单
 * sit in the fixed bottom bar; the privacy notice is linked and there is no "use my Alipay
 * address" (Alipay's build only). Screenshots: checkout-empty, -errors, -region-picker, -filled,
 * privacy.
 */
import { ADDRESS_FIELD_LENGTHS } from '@contract/limits'
import { ROUTES } from '../../src/shared/routes'
import { setUpH5Suite } from '../support/browser/h5-suite'
import { addToCart, PRODUCT, T } from '../support/browser/purchase'
import { REGION_PICKER_PROMPT, SAMPLE_ADDRESS, SAMPLE_REGION_PICKS } from '../support/sample-address'

const suite = setUpH5Suite()

it('errors clear field by field, the region comes from the picker, and a reload keeps the draft', async () => {
  const { shop, shoot } = await suite.newShopper()
  await addToCart(shop)
  await shop.page.goBack()
  await shop.tap(shop.page.locator('.weui-tabbar__label', { hasText: T['tab.cart'] }), 'the cart tab')
  await shop.see(PRODUCT.title, 'the cart line')
  await shop.tap(T['cart.checkout'])
  await shop.see(REGION_PICKER_PROMPT, 'the region picker’s prompt')
  const bar = shop.page.locator('.checkout-bar')
  await shop.see(bar.getByText(T['checkout.placeOrder']), '提交订单 in the bottom bar')
  await shop.see(bar.getByText(T['cart.total']), 'the total in the bottom bar')
  const box = await bar.boundingBox()
  expect(box && Math.round(box.y + box.height)).toBe(844)
  await shop.see(`${T['address.privacyLink']} ›`, 'the privacy notice’s link')
  expect(await shop.page.getByText(T['address.platform.alipay']).count()).toBe(0)
  await shoot('checkout-empty')

  await shop.tap(T['checkout.placeOrder'])
  const nameError = T['address.error.name'].replace('{max}', String(ADDRESS_FIELD_LENGTHS.name.max))
  await shop.see(nameError, 'the recipient’s error')
  await shop.see(T['address.error.phone'], 'the phone’s error')
  await shop.see(T['address.error.region'], 'the region’s error')
  await shoot('checkout-errors')

  await shop.field(T['address.name']).fill(SAMPLE_ADDRESS.name)
  await shop.seeGone(nameError)
  await shop.see(T['address.error.phone'], 'the phone’s error, still')

  await shop.tap(REGION_PICKER_PROMPT, 'the region picker')
  await shop.see(T['region.province'], 'the province level')
  await shop.see(SAMPLE_REGION_PICKS[0]!, 'a province from the server')
  await shoot('checkout-region-picker')
  for (const name of SAMPLE_REGION_PICKS) await shop.tap(name, `"${name}" in the region picker`)
  await shop.see(SAMPLE_ADDRESS.region, 'the chosen region')
  await shop.seeGone(T['address.error.region'])

  await shop.field(T['address.phone']).fill(SAMPLE_ADDRESS.phone)
  await shop.seeGone(T['address.error.phone'])
  await shop.field(T['address.detail']).fill(SAMPLE_ADDRESS.detail)
  await shoot('checkout-filled')

  await shop.page.reload()
  await shop.see(SAMPLE_ADDRESS.region, 'the region, after a reload')
  expect(await shop.field(T['address.name']).inputValue()).toBe(SAMPLE_ADDRESS.name)
  expect(await shop.field(T['address.phone']).inputValue()).toBe(SAMPLE_ADDRESS.phone)
  expect(await shop.field(T['address.detail']).inputValue()).toBe(SAMPLE_ADDRESS.detail)

  await shop.tap(T['checkout.placeOrder'])
  await shop.arriveAtPage('order', 'placing the order')
  await shop.see(T['orders.status.awaiting_payment'], 'the new order awaiting payment')
})

it('links the privacy notice from the checkout, in the help subpackage', async () => {
  const { shop, shoot } = await suite.newShopper()
  await addToCart(shop)
  await shop.page.goBack()
  await shop.tap(shop.page.locator('.weui-tabbar__label', { hasText: T['tab.cart'] }), 'the cart tab')
  await shop.tap(T['cart.checkout'])
  await shop.tap(`${T['address.privacyLink']} ›`, 'the privacy notice’s link')
  // Taro's H5 router adds no query to a page opened without one.
  await shop.arriveAt(new RegExp(`#/${ROUTES.privacy}$`), 'opening the privacy notice')
  for (const heading of ['privacy.collected.q', 'privacy.sharing.q', 'privacy.deletion.q'] as const)
    await shop.see(T[heading], `the heading "${T[heading]}"`)
  await shoot('privacy')
})
