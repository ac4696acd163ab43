import type { ProductDetail } from '@contract'
import Taro from '@tarojs/taro'
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer'
import { useLocaleStore } from '../../shared/i18n'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { pageUrl } from '../../shared/routes'
import { addSkuToCart, useCartStore } from '../cart'
import { ProductDetailView } from './components/ProductDetailView'

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const IMAGE = 'http://localhost:3000/images/tshirt-classic.png'

/** A T-shirt in two colours and two sizes: black / M has 5, black / L is sold out, white has 3 of each. */
const tshirt: ProductDetail = {
  id: 'tshirt-classic',
  categoryId: 'apparel',
  title: 'Classic T-shirt',
  description: 'Cotton',
  image: IMAGE,
  images: [IMAGE],
  priceFrom: 7900,
  stock: 11,
  options: [
    { name: 'Colour', values: ['Black', 'White'] },
    { name: 'Size', values: ['M', 'L'] },
  ],
  skus: [
    { id: 'tshirt-black-m', values: ['Black', 'M'], price: 7900, stock: 5 },
    { id: 'tshirt-black-l', values: ['Black', 'L'], price: 7900, stock: 0 },
    { id: 'tshirt-white-m', values: ['White', 'M'], price: 8900, stock: 3 },
    { id: 'tshirt-white-l', values: ['White', 'L'], price: 8900, stock: 3 },
  ],
}

/** The seed's teapot: one SKU, nothing left. */
const teapot: ProductDetail = {
  id: 'teapot-clay',
  categoryId: 'kitchen',
  title: 'Clay teapot',
  description: 'Yixing clay',
  image: IMAGE,
  images: [IMAGE],
  priceFrom: 39900,
  stock: 0,
  options: [],
  skus: [{ id: 'teapot-clay', values: [], price: 39900, stock: 0 }],
}

const navigateTo = jest.fn(async (_options: { url: string }) => undefined)
const switchTab = jest.fn(async (_options: { url: string }) => undefined)
Object.assign(Taro, { navigateTo, switchTab })

let renderer: ReactTestRenderer | undefined
beforeEach(() => {
  Taro.clearStorageSync()
  navigateTo.mockClear()
  switchTab.mockClear()
  useCartStore.setState({ lines: [] })
  useLocaleStore.getState().setLocale('en')
  addSubpackageTexts()
})
afterEach(() => act(() => renderer?.unmount()))

function renderProduct(product: ProductDetail, cartCount = 0) {
  act(() => {
    renderer = create(
      <ProductDetailView
        product={product}
        cartCount={cartCount}
        onAddToCart={(sku, quantity) => addSkuToCart(product, sku, quantity)}
        onLimit={() => undefined}
      />,
    )
  })
  const root = renderer!.root
  const hosts = (type: string) => root.findAll((node) => node.type === type)
  const textOf = (node: ReactTestInstance): string =>
    node.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('')
  return {
    texts: () => hosts('text').map(textOf),
    buttons: () => hosts('button').map((node) => ({ label: textOf(node), node })),
    button: (label: string) => {
      const found = hosts('button').find((node) => textOf(node) === label)
      if (!found) throw new Error(`No button "${label}"`)
      return found
    },
    chip: (value: string) => {
      const found = hosts('view').find(
        (node) => String(node.props.className).startsWith('chip') && textOf(node) === value,
      )
      if (!found) throw new Error(`No chip "${value}"`)
      return found
    },
    steppers: () => hosts('view').filter((node) => node.props.className === 'stepper'),
    hosts,
  }
}

describe('a sold-out product', () => {
  it('says so, offers no quantity nor "Selected", and its bar buttons are disabled', () => {
    const page = renderProduct(teapot)
    const texts = page.texts()
    expect(texts).toContain('Sold out')
    expect(texts).toContain('This item is sold out and cannot be bought for now')
    expect(texts.some((text) => text.startsWith('Selected'))).toBe(false)
    expect(texts).not.toContain('Quantity')
    expect(page.steppers()).toHaveLength(0)
    const buttons = page.buttons()
    expect(buttons.map((button) => button.label)).toEqual(['Sold out'])
    expect(buttons[0].node.props.disabled).toBe(true)
    expect(buttons[0].node.props.onClick).toBeUndefined()
  })

  it('lets no option be chosen, not even one chosen in advance', () => {
    // One colour only, which the page chooses in advance when the product is in stock.
    const soldOutTshirt: ProductDetail = {
      ...tshirt,
      stock: 0,
      options: [{ name: 'Colour', values: ['Black'] }, tshirt.options[1]],
      skus: tshirt.skus.filter((sku) => sku.values[0] === 'Black').map((sku) => ({ ...sku, stock: 0 })),
    }
    const page = renderProduct(soldOutTshirt)
    const looksDisabled = (value: string) => {
      expect(page.chip(value).props.className).toContain('chip--disabled')
      expect(page.chip(value).props.className).not.toContain('chip--chosen')
    }
    for (const value of ['Black', 'M', 'L']) {
      looksDisabled(value)
      act(() => page.chip(value).props.onClick())
      looksDisabled(value)
    }
    expect(page.texts().some((text) => text.startsWith('Selected'))).toBe(false)
    expect(page.buttons().map((button) => button.label)).toEqual(['Sold out'])
  })

  it('is not how a product in stock looks', () => {
    const page = renderProduct(tshirt)
    expect(page.texts()).not.toContain('Sold out')
    expect(page.steppers()).toHaveLength(1)
    expect(page.buttons().map((button) => button.label)).toEqual(['Add to cart', 'Buy now'])
  })
})

describe('buy now', () => {
  it('opens checkout with the chosen SKU and quantity, and leaves the cart as it was', () => {
    useCartStore.getState().add(
      {
        skuId: 'tshirt-white-l',
        productId: tshirt.id,
        title: tshirt.title,
        image: IMAGE,
        skuLabel: 'White / L',
        price: 8900,
        stock: 3,
      },
      2,
    )
    const cartBefore = JSON.stringify(useCartStore.getState().lines)
    const page = renderProduct(tshirt, 2)
    act(() => page.chip('Black').props.onClick())
    act(() => page.chip('M').props.onClick())
    expect(page.texts()).toContain('Selected: Black / M')
    const plus = () =>
      page
        .steppers()[0]
        .findAll(
          (node) => node.type === 'view' && String(node.props.className).includes('stepper__button'),
        )[1]
    act(() => plus().props.onClick())
    act(() => plus().props.onClick())

    act(() => page.button('Buy now').props.onClick())

    expect(navigateTo).toHaveBeenCalledTimes(1)
    expect(navigateTo.mock.calls[0][0].url).toBe(
      pageUrl('checkout', { skuId: 'tshirt-black-m', quantity: '3' }),
    )
    expect(navigateTo.mock.calls[0][0].url).toBe(
      '/pages/order/checkout/index?skuId=tshirt-black-m&quantity=3',
    )
    expect(JSON.stringify(useCartStore.getState().lines)).toBe(cartBefore)
  })

  it('asks for the missing options instead of going anywhere', () => {
    const page = renderProduct(tshirt)
    act(() => page.chip('Black').props.onClick())
    act(() => page.button('Buy now').props.onClick())
    expect(navigateTo).not.toHaveBeenCalled()
    expect(useCartStore.getState().lines).toEqual([])
  })

  it('add to cart, by contrast, puts the SKU in the cart', () => {
    const page = renderProduct(tshirt)
    act(() => page.chip('White').props.onClick())
    act(() => page.chip('M').props.onClick())
    act(() => page.button('Add to cart').props.onClick())
    expect(useCartStore.getState().lines.map((line) => [line.skuId, line.quantity])).toEqual([
      ['tshirt-white-m', 1],
    ])
    expect(navigateTo).not.toHaveBeenCalled()
  })
})

describe('the bottom bar and the gallery', () => {
  it('shows the cart count and opens the cart tab', () => {
    const page = renderProduct(tshirt, 3)
    expect(page.texts()).toContain('3')
    const cart = page.hosts('view').find((node) => node.props.className === 'product-detail__cart')!
    act(() => cart.props.onClick())
    expect(switchTab).toHaveBeenCalledWith({ url: pageUrl('cart') })
  })

  it('shows one picture as it is, several side by side with a dot each that follows the swipe', () => {
    expect(renderProduct(tshirt).hosts('scroll-view')).toHaveLength(0)
    const images = [IMAGE, IMAGE.replace('tshirt', 'hoodie'), IMAGE.replace('tshirt', 'cap')]
    const page = renderProduct({ ...tshirt, images })
    const [slides] = page.hosts('scroll-view')
    expect(slides.props.scrollX).toBe(true)
    expect(slides.findAll((node) => node.type === 'image').map((node) => node.props.src)).toEqual(images)
    const current = () =>
      page
        .hosts('view')
        .filter((node) => String(node.props.className).startsWith('product-detail__dot '))
        .map((node) => String(node.props.className).includes('--current'))
    expect(current()).toEqual([true, false, false])
    act(() => slides.props.onScroll({ detail: { scrollLeft: 390, scrollWidth: 1170 } }))
    expect(current()).toEqual([false, true, false])
  })
})
