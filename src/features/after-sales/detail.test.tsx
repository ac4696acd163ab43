import type { AfterSalesRequest } from '@contract'
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer'
import { dialogs } from '../../../tests/support/taro-node'
import { afterSalesRequest } from '../../../tests/support/after-sales'
import { useLocaleStore } from '../../shared/i18n'
import { addAfterSalesTexts } from '../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { RequestError } from '../../shared/request'
import { cancelAfterSales, fetchAfterSales, sendReturnShipment } from './api'
import { AfterSalesDetailView } from './components/AfterSalesDetailView'
import { useAfterSalesDetail } from './hooks'

jest.mock('./api')

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

addSubpackageTexts()
addAfterSalesTexts()

const answers = {
  request: jest.mocked(fetchAfterSales),
  cancel: jest.mocked(cancelAfterSales),
  parcel: jest.mocked(sendReturnShipment),
}

let renderer: ReactTestRenderer | undefined
beforeEach(() => {
  useLocaleStore.getState().setLocale('en')
  jest.resetAllMocks()
  dialogs.confirm = true
  dialogs.shown = []
})
afterEach(() => act(() => renderer?.unmount()))

/** The detail page: the hook and the view, wired as the page wires them. */
function DetailPage() {
  const request = useAfterSalesDetail('42')
  if (!request.data) return null
  return (
    <AfterSalesDetailView
      request={request.data}
      busy={request.busy}
      onCancel={request.cancel}
      onReturn={(parcel) => void request.sendReturn(parcel)}
      onOpenOrder={() => undefined}
    />
  )
}

async function openDetail(...shown: AfterSalesRequest[]) {
  for (const answer of shown) answers.request.mockResolvedValueOnce(answer)
  await act(async () => {
    renderer = create(<DetailPage />)
  })
  const root = renderer!.root
  const all = (type: string) => root.findAll((node) => node.type === type)
  const texts = () => all('text').map((node) => node.children.join(''))
  const button = (text: string) => all('button').find((node) => node.children.join('') === text)
  const press = async (node: ReactTestInstance) => {
    await act(async () => node.props.onClick())
  }
  const type = async (placeholder: string, value: string) => {
    const input = all('input').find((node) => node.props.placeholder === placeholder)!
    await act(async () => input.props.onInput({ detail: { value } }))
  }
  return { texts, button, press, type }
}

const refunding = (status: 'pending' | 'refunded' | 'failed') =>
  afterSalesRequest({
    status: status === 'refunded' ? 'refunded' : 'refunding',
    refund: {
      amount: 7900,
      status,
      outRequestNo: 'AS42',
      ...(status === 'refunded' ? { refundedAt: '2026-12-01T08:05:00.000Z' } : {}),
    },
  })

describe('a request’s refund', () => {
  it.each([
    ['pending', 'Refund in progress; it counts once it reaches your Alipay account'],
    ['failed', 'The refund has not gone through yet; the shop is on it'],
  ] as const)('says %s in words', async (status, words) => {
    const detail = await openDetail(refunding(status))
    expect(detail.texts()).toContain(words)
    expect(detail.texts()).toContain('¥79.00')
    expect(detail.texts()).toContain('Refund request number AS42')
  })

  it('gives the time Alipay confirmed it', async () => {
    const detail = await openDetail(refunding('refunded'))
    expect(detail.texts().some((text) => /^Refunded to Alipay on 2026-12-01 \d\d:05$/.test(text))).toBe(true)
    expect(detail.button('Cancel request')).toBeUndefined()
  })
})

describe('the buyer’s actions on a request', () => {
  it('cancels after the buyer agrees, then shows what the server says', async () => {
    answers.cancel.mockResolvedValue(afterSalesRequest({ status: 'cancelled' }))
    const detail = await openDetail(afterSalesRequest(), afterSalesRequest({ status: 'cancelled' }))
    await detail.press(detail.button('Cancel request')!)
    expect(dialogs.shown[0].title).toBe('Cancel this after-sales request?')
    expect(answers.cancel).toHaveBeenCalledWith('42')
    expect(detail.texts()).toContain('You cancelled this request.')
    expect(detail.button('Cancel request')).toBeUndefined()
  })

  it('does nothing when the buyer changes their mind', async () => {
    dialogs.confirm = false
    const detail = await openDetail(afterSalesRequest())
    await detail.press(detail.button('Cancel request')!)
    expect(answers.cancel).not.toHaveBeenCalled()
  })

  it('on a refusal reloads and says why in the buyer’s words', async () => {
    const reason = 'Request 42 is refunding: it can no longer be cancelled.'
    answers.cancel.mockRejectedValue(
      new RequestError({ kind: 'client', status: 409, code: 'after_sales_not_actionable', message: reason }),
    )
    const detail = await openDetail(afterSalesRequest(), refunding('pending'))
    await detail.press(detail.button('Cancel request')!)
    expect(answers.request).toHaveBeenCalledTimes(2)
    expect(dialogs.shown.at(-1)).toMatchObject({
      content: 'This request has changed meanwhile and no longer allows that.',
      showCancel: false,
    })
    expect(detail.texts()).toContain('Refunding')
  })

  it('asks for the return parcel only while awaiting it, and checks it before sending', async () => {
    expect((await openDetail(afterSalesRequest())).texts()).not.toContain('Return parcel')
    act(() => renderer!.unmount())

    const awaiting = afterSalesRequest({ status: 'awaiting_return' })
    const returning = afterSalesRequest({
      status: 'returning',
      returnShipment: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    })
    answers.parcel.mockResolvedValue(returning)
    const detail = await openDetail(awaiting, returning)
    await detail.type('Tracking number', 'SF 123')
    await detail.press(detail.button('Send parcel details')!)
    expect(detail.texts()).toContain('Enter the carrier (2–40 characters)')
    expect(detail.texts()).toContain('Enter a valid tracking number (letters, digits or -)')
    expect(answers.parcel).not.toHaveBeenCalled()

    await detail.type('Carrier, e.g. SF Express', ' 顺丰速运 ')
    await detail.type('Tracking number', 'SF1234567890')
    await detail.press(detail.button('Send parcel details')!)
    expect(answers.parcel).toHaveBeenCalledWith('42', { carrier: '顺丰速运', trackingNo: 'SF1234567890' })
    expect(detail.texts()).toContain('Return on its way')
    expect(detail.texts()).toContain('顺丰速运 SF1234567890')
    expect(detail.button('Send parcel details')).toBeUndefined()
  })
})

describe('a request’s timeline', () => {
  it('lists the steps newest first, with who took them and their note', async () => {
    const detail = await openDetail(
      afterSalesRequest({
        status: 'rejected',
        rejectReason: 'Worn',
        events: [
          { type: 'requested', at: '2026-12-01T08:00:00.000Z', by: 'buyer' },
          { type: 'rejected', at: '2026-12-01T09:00:00.000Z', by: 'staff', note: 'Worn' },
        ],
      }),
    )
    const steps = detail.texts().filter((text) => / · /.test(text))
    expect(steps).toEqual(['Rejected by the shop · Shop', 'Request submitted · You'])
    expect(detail.texts()).toContain('Why: Worn')
  })
})
