import { ORDER_LINES_MAX } from '@contract/limits'
import Taro from '@tarojs/taro'
import { act, create } from 'react-test-renderer'
import { SAMPLE_ADDRESS } from '../../../tests/support/sample-address'
import { useLocaleStore } from '../../shared/i18n'
import { describeError, isRequestError } from '../../shared/request'
import { useCartStore } from '../cart'
import { useCheckout, type CheckoutState } from './useCheckout'
import { cartLines as lines } from '../../../tests/support/cart-lines'

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

/** Runs the checkout hook as the checkout page does and exposes its latest state. */
function renderCheckout() {
  const latest: { current?: CheckoutState } = {}
  function Probe() {
    latest.current = useCheckout()
    return null
  }
  act(() => void create(<Probe />))
  return () => latest.current!
}

afterEach(() => jest.restoreAllMocks())

describe('checkout of more lines than one order holds', () => {
  it('is refused before anything is sent, saying why, and the cart keeps its lines', async () => {
    useLocaleStore.getState().setLocale('en')
    const tooMany = lines(ORDER_LINES_MAX + 1)
    useCartStore.setState({ lines: tooMany })
    const request = jest.spyOn(Taro, 'request')
    const checkout = renderCheckout()

    let order: unknown = 'not answered'
    await act(async () => {
      order = await checkout().submit(tooMany, SAMPLE_ADDRESS, 'cart')
    })

    expect(order).toBeUndefined()
    expect(request).not.toHaveBeenCalled()
    const { error } = checkout()
    expect(isRequestError(error) && error.code).toBe('bad_request')
    expect(describeError(error)).toContain(
      `at most ${ORDER_LINES_MAX} different items and ${ORDER_LINES_MAX + 1}`,
    )
    expect(useCartStore.getState().lines).toHaveLength(ORDER_LINES_MAX + 1)
  })
})
