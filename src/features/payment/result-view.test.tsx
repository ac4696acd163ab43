import type { Order } from '@contract'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { shippedOrder } from '../../../tests/support/after-sales'
import { useLocaleStore } from '../../shared/i18n'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { fetchOrder } from '../orders'
import { PaymentResultView } from './components/PaymentResultView'
import { DEV_TEXTS } from './dev-texts'
import { KNOWN_RESULT_CODES, resultScreen, type PaymentAction } from './result-codes'
import { useConfirmPayment, type Confirmation } from './useConfirmPayment'

jest.mock('../orders', () => ({ fetchOrder: jest.fn() }))

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })
addSubpackageTexts()

const order = (status: Order['status']) => shippedOrder({ status })
const dev = DEV_TEXTS!.en

let renderer: ReactTestRenderer | undefined
beforeEach(() => {
  useLocaleStore.getState().setLocale('en')
  jest.resetAllMocks()
})
afterEach(() => act(() => renderer?.unmount()))

function show(
  code: string,
  confirmation: Confirmation,
  onAction: (action: PaymentAction) => void = () => {},
) {
  act(() => {
    renderer = create(
      <PaymentResultView
        screen={resultScreen(code)}
        confirmation={confirmation}
        paying={false}
        onAction={onAction}
      />,
    )
  })
}

type Json = { type: string; props: Record<string, unknown>; children: (Json | string)[] | null }
const nodes = (node: Json | string | null): Json[] =>
  node === null || typeof node === 'string' ? [] : [node, ...(node.children ?? []).flatMap(nodes)]
const rendered = () => nodes(renderer!.toJSON() as Json)

/** Every text on screen, in order. */
const screenText = () =>
  rendered()
    .flatMap((node) => (node.children ?? []).filter((child): child is string => typeof child === 'string'))
    .join('\n')

const iconOf = () =>
  rendered().flatMap((node) => /pay-result__icon--(\w+)/.exec(String(node.props.className ?? ''))?.[1] ?? [])

describe('the payment result screen', () => {
  it('paid wins over an old result code: a 6001 reopened after paying reads paid everywhere', () => {
    show('6001', { state: 'paid', order: order('paid') })
    const text = screenText()
    expect(text).toContain('Payment received')
    expect(text).toContain('The server has confirmed your payment.')
    expect(text).not.toContain('Payment cancelled')
    expect(text).not.toContain('You cancelled')
    expect(iconOf()).toEqual(['success'])
    // The developer hint (development builds) follows the server too, not the code.
    expect(text).toContain(dev['pay.paid.dev'])
    expect(text).not.toContain(dev['pay.cancelled.dev'])
    expect(text).not.toContain('Pay again')
    expect(text).toContain('View order')
    expect(text).toContain('Back to the shop')
  })

  it('after a confirmed 9000 the developer hint no longer says the screen is polling', () => {
    show('9000', { state: 'paid', order: order('paid') })
    expect(screenText()).not.toContain(dev['pay.success.dev'])
    expect(screenText()).not.toMatch(/polls|轮询/)
    expect(screenText()).not.toContain('Asking the server')
  })

  it('shows a spinner while confirming with the server, then the paid icon', async () => {
    let answer: (order: Order) => void = () => {}
    jest.mocked(fetchOrder).mockReturnValue(new Promise<Order>((resolve) => (answer = resolve)))
    function Page() {
      const confirmation = useConfirmPayment('O202612010001', true, [10])
      return (
        <PaymentResultView
          screen={resultScreen('9000')}
          confirmation={confirmation}
          paying={false}
          onAction={() => {}}
        />
      )
    }
    act(() => {
      renderer = create(<Page />)
    })
    expect(iconOf()).toEqual(['confirming'])
    expect(screenText()).toContain('Asking the server whether the payment arrived…')
    await act(async () => answer(order('paid')))
    expect(iconOf()).toEqual(['success'])
    expect(screenText()).toContain('Payment received')
  })

  it.each([
    ['8000', 'processing'],
    ['4000', 'failed'],
    ['6002', 'failed'],
    ['6001', 'cancelled'],
    ['99', 'cancelled'],
    ['6004', 'unknown'],
    ['7777', 'unknown'],
  ])('a %s the server has not seen paid shows the %s icon', (code, icon) => {
    show(code, { state: 'not_confirmed', order: order('awaiting_payment') })
    expect(iconOf()).toEqual([icon])
  })

  it('a closed order shows closed, whatever the code', () => {
    show('9000', { state: 'closed', order: order('closed') })
    expect(screenText()).toContain('Order closed')
    expect(iconOf()).toEqual(['cancelled'])
  })

  it.each([...KNOWN_RESULT_CODES, '7777'])(
    'the %s screen offers the next step: the order and the shop',
    (code) => {
      const taps: PaymentAction[] = []
      show(code, { state: 'not_confirmed', order: order('awaiting_payment') }, (action) => taps.push(action))
      expect(screenText()).toContain('View order')
      expect(screenText()).toContain('Back to the shop')
      const back = renderer!.root.find(
        (node) => typeof node.type === 'string' && node.children.includes('Back to the shop'),
      )
      act(() => back.props.onClick())
      expect(taps).toEqual(['backToShop'])
    },
  )

  it('shows the raw result code only as developer content', () => {
    show('6001', { state: 'not_confirmed', order: order('awaiting_payment') })
    expect(screenText()).toContain('Alipay result code 6001')
    expect(screenText()).toContain(dev['pay.devTitle'])
  })
})

describe('the developer-content switch', () => {
  const withNodeEnv = <T,>(value: 'production' | 'development', read: () => T): T => {
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = value
    try {
      let result: T | undefined
      jest.isolateModules(() => (result = read()))
      return result as T
    } finally {
      process.env.NODE_ENV = before
    }
  }
  const load = () => jest.requireActual<typeof import('./dev-texts')>('./dev-texts').DEV_TEXTS

  it('has no developer texts in a production build, and all of them in both languages otherwise', () => {
    expect(withNodeEnv('production', load)).toBeNull()
    const texts = withNodeEnv('development', load)!
    expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts['zh-CN']).sort())
    expect(texts['zh-CN']['faq.tradeNo.a']).toContain('tradeNO')
    for (const value of [...Object.values(texts.en), ...Object.values(texts['zh-CN'])])
      expect(value.trim()).not.toBe('')
  })
})
