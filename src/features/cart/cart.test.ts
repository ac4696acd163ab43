import { QUANTITY_PER_LINE_MAX } from '@contract/limits'
import Taro from '@tarojs/taro'
import { device, tabBar } from '../../../tests/support/taro-node'
import { clampQuantity, summarize, type CartLine } from './cart-math'
import type { NewCartLine } from './store'

/** Loads a fresh copy of the store, as an app restart does, reading whatever storage holds. */
function relaunch() {
  let modules!: { store: typeof import('./store'); badge: typeof import('./badge') }
  jest.isolateModules(() => {
    modules = { store: require('./store'), badge: require('./badge') }
  })
  return modules
}

// The isolated store modules share this storage module (mapped in jest.config.js).
const storage = () =>
  Taro as unknown as {
    getStorageSync: (k: string) => unknown
    setStorageSync: (k: string, v: unknown) => void
  }

const shirt = (sku = 'tee-red-m', stock = 5, price = 5900): NewCartLine => ({
  skuId: sku,
  productId: 'tee',
  title: 'Tee',
  image: 'http://x/tee.png',
  skuLabel: 'Red / M',
  price,
  stock,
})

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  device.failingReads = 0
  Taro.clearStorageSync()
  tabBar.badges.clear()
})

afterEach(() => jest.restoreAllMocks())

describe('cart maths', () => {
  const line = (over: Partial<CartLine>): CartLine => ({ ...shirt(), quantity: 1, selected: true, ...over })

  it('totals only selected lines, in integer fen', () => {
    const summary = summarize([
      line({ skuId: 'a', price: 1990, quantity: 3 }),
      line({ skuId: 'b', price: 10, quantity: 2, selected: false }),
      line({ skuId: 'c', price: 1, quantity: 7 }),
    ])
    expect(summary).toEqual({
      itemCount: 12,
      selectedCount: 10,
      selectedLineCount: 2,
      selectedTotal: 5977,
      allSelected: false,
    })
    expect(summarize([]).allSelected).toBe(false)
  })

  it('keeps quantities within 1..stock (and the per-line cap)', () => {
    expect(clampQuantity(0, 5)).toBe(1)
    expect(clampQuantity(-3, 5)).toBe(1)
    expect(clampQuantity(9, 5)).toBe(5)
    expect(clampQuantity(2.7, 5)).toBe(2)
    expect(clampQuantity(1000, 500)).toBe(QUANTITY_PER_LINE_MAX)
    expect(clampQuantity(Number.NaN, 5)).toBe(1)
  })

  it('gives a quantity past either bound that bound, even an infinite one', () => {
    expect(clampQuantity(Number.POSITIVE_INFINITY, 5)).toBe(5)
    expect(clampQuantity(Number.POSITIVE_INFINITY, 500)).toBe(QUANTITY_PER_LINE_MAX)
    expect(clampQuantity(Number.NEGATIVE_INFINITY, 5)).toBe(1)
  })
})

describe('cart store', () => {
  it('merges the same SKU, bounded by stock', () => {
    const { store } = relaunch()
    const cart = store.useCartStore.getState()
    expect(cart.add(shirt(), 2)).toBe(2)
    expect(cart.add(shirt(), 10)).toBe(3)
    expect(store.useCartStore.getState().lines[0].quantity).toBe(5)
    expect(store.useCartStore.getState().lines).toHaveLength(1)
    cart.setQuantity('tee-red-m', 0)
    expect(store.useCartStore.getState().lines[0].quantity).toBe(1)
    cart.setQuantity('tee-red-m', Number.POSITIVE_INFINITY)
    expect(store.useCartStore.getState().lines[0].quantity).toBe(5)
  })

  it('adds one unit for an amount that is not a number, never taking any away', () => {
    const { store } = relaunch()
    const cart = store.useCartStore.getState()
    cart.add(shirt(), 3)
    expect(cart.add(shirt(), Number.NaN)).toBe(1)
    expect(store.useCartStore.getState().lines[0].quantity).toBe(4)
  })

  it('selects, selects all and removes', () => {
    const { store } = relaunch()
    const cart = store.useCartStore.getState()
    cart.add(shirt('a'), 1)
    cart.add(shirt('b'), 1)
    cart.toggle('a')
    expect(summarize(store.useCartStore.getState().lines).allSelected).toBe(false)
    cart.selectAll(true)
    expect(summarize(store.useCartStore.getState().lines).allSelected).toBe(true)
    cart.remove(['a'])
    expect(store.useCartStore.getState().lines.map((l) => l.skuId)).toEqual(['b'])
  })

  it('survives a restart of the app', () => {
    const first = relaunch()
    first.store.useCartStore.getState().add(shirt('a', 9, 1234), 3)
    first.store.useCartStore.getState().add(shirt('b'), 1)
    first.store.useCartStore.getState().toggle('b')
    const second = relaunch()
    const lines = second.store.useCartStore.getState().lines
    expect(lines.map((l) => [l.skuId, l.quantity, l.price, l.selected])).toEqual([
      ['b', 1, 5900, false],
      ['a', 3, 1234, true],
    ])
  })

  it.each([
    ['corrupt JSON', '{"state":{"lines":[{"skuId"'],
    ['a number', 42],
    ['the wrong shape', JSON.stringify({ state: { lines: 'nope' }, version: 1 })],
    [
      'an old version of another shape',
      JSON.stringify({ state: { items: [{ sku: 'x', count: 2 }] }, version: 0 }),
    ],
  ])('starts with an empty, working cart from %s', (_what, stored) => {
    storage().setStorageSync('shop.cart', stored)
    const { store } = relaunch()
    expect(store.useCartStore.getState().lines).toEqual([])
    store.useCartStore.getState().add(shirt(), 1)
    expect(relaunch().store.useCartStore.getState().lines).toHaveLength(1)
  })

  it('does not overwrite a saved cart when the storage fails to read once', () => {
    relaunch().store.useCartStore.getState().add(shirt('saved'), 2)
    device.failingReads = 1
    const unlucky = relaunch()
    expect(unlucky.store.useCartStore.getState().lines).toEqual([])
    unlucky.store.useCartStore.getState().add(shirt('other'), 1) // works, in memory
    expect(unlucky.store.useCartStore.getState().lines).toHaveLength(1)
    const next = relaunch()
    expect(next.store.useCartStore.getState().lines.map((l) => [l.skuId, l.quantity])).toEqual([['saved', 2]])
  })

  it('drops malformed lines but keeps good ones', () => {
    const good = { ...shirt('ok'), quantity: 2, selected: true }
    const stored = {
      version: 2,
      state: {
        lines: [
          good,
          { ...good, skuId: 'float', price: 19.9 },
          { ...good, skuId: 'neg', quantity: -1 },
          null,
          { ...good },
        ],
      },
    }
    storage().setStorageSync('shop.cart', JSON.stringify(stored))
    const lines = relaunch().store.useCartStore.getState().lines
    expect(lines.map((l) => l.skuId)).toEqual(['ok'])
  })

  it.each([0, 7])(
    'keeps well-formed lines stored by version %i (older, or newer after a rollback)',
    (version) => {
      const line = { ...shirt('kept', 4, 990), quantity: 9, selected: false }
      storage().setStorageSync(
        'shop.cart',
        JSON.stringify({ version, state: { lines: [line, { skuId: 1 }] } }),
      )
      const lines = relaunch().store.useCartStore.getState().lines
      expect(lines).toEqual([
        expect.objectContaining({ skuId: 'kept', price: 990, quantity: 4, selected: false }),
      ])
    },
  )

  it('adds nothing of a sold-out SKU and reports what it added', () => {
    const { store } = relaunch()
    const cart = store.useCartStore.getState()
    expect(cart.add(shirt('gone', 0), 1)).toBe(0)
    expect(cart.add(shirt('two', 2), 1)).toBe(1)
    expect(cart.add(shirt('two', 2), 5)).toBe(1)
    expect(cart.add(shirt('two', 2), 1)).toBe(0)
    expect(store.useCartStore.getState().lines.map((l) => [l.skuId, l.quantity])).toEqual([['two', 2]])
  })
})

describe('cart badge', () => {
  it('always matches the item count, and disappears when the cart empties', () => {
    const { store, badge } = relaunch()
    badge.startCartBadgeSync()
    expect(tabBar.badges.get(badge.CART_TAB_INDEX)).toBeUndefined()
    store.useCartStore.getState().add(shirt('a'), 2)
    store.useCartStore.getState().add(shirt('b'), 1)
    expect(tabBar.badges.get(badge.CART_TAB_INDEX)).toBe('3')
    store.useCartStore.getState().setQuantity('a', 4)
    expect(tabBar.badges.get(badge.CART_TAB_INDEX)).toBe('5')
    store.useCartStore.getState().remove(['a', 'b'])
    expect(tabBar.badges.has(badge.CART_TAB_INDEX)).toBe(false)
  })

  it('caps the text at 99+', () => {
    const { badge } = relaunch()
    expect(badge.badgeText(100)).toBe('99+')
    expect(badge.badgeText(0)).toBeNull()
  })
})
