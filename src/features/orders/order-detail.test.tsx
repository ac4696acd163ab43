import type { Order } from '@contract'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { dialogs } from '../../../tests/support/taro-node'
import { shippedOrder } from '../../../tests/support/after-sales'
import { useLocaleStore } from '../../shared/i18n'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { RequestError } from '../../shared/request'
import { confirmReceipt, fetchOrder } from './api'
import { OrderDetailView } from './components/OrderDetailView'
import { useOrderDetail } from './useOrderDetail'

jest.mock('./api')

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

addSubpackageTexts()

const answers = { order: jest.mocked(fetchOrder), receipt: jest.mocked(confirmReceipt) }
const RECEIVED_AT = '2026-12-03T10:00:00.000Z'

let renderer: ReactTestRenderer | undefined
beforeEach(() => {
  useLocaleStore.getState().setLocale('en')
  jest.resetAllMocks()
  dialogs.confirm = true
  dialogs.shown = []
})
afterEach(() => act(() => renderer?.unmount()))

/** The order page's view and hook, wired as the page wires them. */
function OrderPage() {
  const order = useOrderDetail(shippedOrder().id)
  if (!order.data) return null
  return (
    <OrderDetailView
      order={order.data}
      cancelling={order.cancelling}
      paying={false}
      receiving={order.receiving}
      onPay={() => undefined}
      onCancel={order.cancel}
      onConfirmReceipt={order.confirmReceipt}
      onExpired={order.reload}
      onPayInWebView={() => undefined}
    />
  )
}

async function openOrder(...shown: Order[]) {
  for (const answer of shown) answers.order.mockResolvedValueOnce(answer)
  await act(async () => {
    renderer = create(<OrderPage />)
  })
  const all = (type: string) => renderer!.root.findAll((node) => node.type === type)
  const texts = () => all('text').map((node) => node.children.join(''))
  const receiptButton = () => all('button').find((node) => node.children.join('') === 'Confirm receipt')
  return { texts, receiptButton }
}

describe('a shipped order', () => {
  it('shows its parcel and lets the buyer confirm receipt after they agree', async () => {
    const received = shippedOrder({ status: 'received', receivedAt: RECEIVED_AT })
    answers.receipt.mockResolvedValue(received)
    const order = await openOrder(shippedOrder(), received)
    expect(order.texts()).toEqual(
      expect.arrayContaining(['Shipping', 'Carrier: 顺丰速运', 'Tracking number: SF1234567890']),
    )
    await act(async () => order.receiptButton()!.props.onClick())
    expect(dialogs.shown[0].title).toBe('Have you received the goods?')
    expect(answers.receipt).toHaveBeenCalledWith(shippedOrder().id)
    expect(order.texts()).toContain('Received')
    expect(order.texts().some((text) => text.startsWith('Received 2026-12-03'))).toBe(true)
    expect(order.receiptButton()).toBeUndefined()
    // The parcel stays on show after receipt.
    expect(order.texts()).toContain('Tracking number: SF1234567890')
  })

  it('sends nothing when the buyer has not received it yet', async () => {
    dialogs.confirm = false
    const order = await openOrder(shippedOrder())
    await act(async () => order.receiptButton()!.props.onClick())
    expect(answers.receipt).not.toHaveBeenCalled()
  })

  it('on a refusal (received meanwhile) reloads, then says why in the buyer’s words', async () => {
    const reason = 'Order O202612010001 is received; only a shipped order can be confirmed as received.'
    answers.receipt.mockRejectedValue(
      new RequestError({ kind: 'client', status: 409, code: 'order_not_receivable', message: reason }),
    )
    const order = await openOrder(
      shippedOrder(),
      shippedOrder({ status: 'received', receivedAt: RECEIVED_AT }),
    )
    await act(async () => order.receiptButton()!.props.onClick())
    expect(answers.order).toHaveBeenCalledTimes(2)
    expect(order.texts()).toContain('Received')
    expect(dialogs.shown.at(-1)).toMatchObject({
      content: 'This order cannot be confirmed as received now (perhaps it already was).',
      showCancel: false,
    })
  })
})

describe('an order not shipped yet', () => {
  it('has no parcel and no receipt to confirm', async () => {
    const order = await openOrder(shippedOrder({ status: 'paid', shipment: undefined }))
    expect(order.texts()).not.toContain('Shipping')
    expect(order.receiptButton()).toBeUndefined()
  })
})
