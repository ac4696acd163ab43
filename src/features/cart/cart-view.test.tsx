import { ORDER_LINES_MAX } from '@contract/limits'
import Taro from '@tarojs/taro'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { useLocaleStore } from '../../shared/i18n'
import { CartView } from './components/CartView'
import type { CartLine } from './cart-math'
import { useCartStore } from './store'
import { cartLines as lines } from '../../../tests/support/cart-lines'

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

let renderer: ReactTestRenderer | undefined
beforeEach(() => {
  Taro.clearStorageSync()
  useLocaleStore.getState().setLocale('en')
})
afterEach(() => act(() => renderer?.unmount()))

/** The cart screen with these lines: its checkout button and the texts it shows. */
function renderCart(cartLines: CartLine[]) {
  useCartStore.setState({ lines: cartLines })
  const onCheckout = jest.fn()
  act(() => {
    renderer = create(<CartView onShop={() => undefined} onCheckout={onCheckout} />)
  })
  const hosts = (type: string) => renderer!.root.findAll((node) => node.type === type)
  const [button] = hosts('button').filter((node) =>
    String(node.props.className).includes('cart-footer__checkout'),
  )
  const texts = hosts('text').map((node) => node.children.join(''))
  return { button, texts, onCheckout }
}

describe('cart checkout within one order', () => {
  it(`lets ${ORDER_LINES_MAX} selected lines go to checkout`, () => {
    const { button, onCheckout } = renderCart(lines(ORDER_LINES_MAX))
    expect(button.props.disabled).toBeUndefined()
    act(() => button.props.onClick())
    expect(onCheckout).toHaveBeenCalledTimes(1)
  })

  it('says why more selected lines cannot go to checkout, and does not go', () => {
    const tooMany = lines(ORDER_LINES_MAX + 3)
    const { button, texts, onCheckout } = renderCart(tooMany)
    expect(button.props.disabled).toBe(true)
    expect(button.props.onClick).toBeUndefined()
    expect(onCheckout).not.toHaveBeenCalled()
    expect(texts).toContain(
      `One order holds at most ${ORDER_LINES_MAX} different items and ${ORDER_LINES_MAX + 3} are selected: deselect some to check out`,
    )
  })

  it('counts selected lines, not units, nor unselected lines', () => {
    const manyUnits = lines(ORDER_LINES_MAX + 10).map((line, index) => ({
      ...line,
      quantity: 3,
      selected: index < ORDER_LINES_MAX,
    }))
    expect(renderCart(manyUnits).button.props.disabled).toBeUndefined()
  })
})
