import type { OrderAfterSales } from '@contract'
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer'
import { afterSalesRequest, allowance, shippedOrder } from '../../../tests/support/after-sales'
import { useLocaleStore } from '../../shared/i18n'
import { addAfterSalesTexts } from '../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { RequestError } from '../../shared/request'
import { fetchOrder } from '../orders'
import { createAfterSales, fetchOrderAfterSales } from './api'
import { ApplyForm } from './components/ApplyForm'
import { useApplyAfterSales } from './hooks'

jest.mock('./api')
jest.mock('../orders', () => ({ fetchOrder: jest.fn() }))

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

addSubpackageTexts()
addAfterSalesTexts()

const answers = {
  order: jest.mocked(fetchOrder),
  allowance: jest.mocked(fetchOrderAfterSales),
  create: jest.mocked(createAfterSales),
}

let renderer: ReactTestRenderer | undefined
let submitted: unknown
beforeEach(() => {
  useLocaleStore.getState().setLocale('en')
  jest.resetAllMocks()
  submitted = undefined
  answers.order.mockResolvedValue(shippedOrder())
})
afterEach(() => act(() => renderer?.unmount()))

/** The apply page: the hook and the form, wired as the page wires them. */
function ApplyPage() {
  const apply = useApplyAfterSales('O202612010001')
  if (!apply.data) return null
  return (
    <ApplyForm
      kinds={apply.data.kinds}
      rows={apply.data.rows}
      draft={apply.draft}
      estimate={apply.estimate}
      ready={apply.ready}
      submitting={apply.submitting}
      error={apply.submitError}
      onKind={apply.setKind}
      onQuantity={apply.setQuantity}
      onReason={apply.setReason}
      onNote={apply.setNote}
      onSubmit={async () => void (submitted = await apply.submit())}
    />
  )
}

async function openForm(given: OrderAfterSales) {
  answers.allowance.mockResolvedValue(given)
  await act(async () => {
    renderer = create(<ApplyPage />)
  })
  const root = renderer!.root
  const all = (type: string) => root.findAll((node) => node.type === type)
  const texts = () => all('text').map((node) => node.children.join(''))
  const byText = (text: string) => all('text').find((node) => node.children.join('') === text)!
  /** Taps what the buyer sees: the nearest element that takes taps. */
  const tap = async (node: ReactTestInstance) => {
    let target: ReactTestInstance | null = node
    while (target && typeof target.props.onClick !== 'function') target = target.parent
    await act(async () => target!.props.onClick())
  }
  const submit = () =>
    all('button').find((node) => String(node.props.className).includes('apply-bar__button'))!
  /** The steppers' + buttons, by line. */
  const plus = () =>
    root
      .findAll((node) => node.type === 'view' && node.props.className?.startsWith?.('stepper__button'))
      .filter((_, index) => index % 2 === 1)
  return { texts, byText, tap, submit, plus }
}

describe('the apply form', () => {
  it('says why it could not load, apart from why a submit failed', async () => {
    const failure = new RequestError({ kind: 'network', message: 'offline' })
    answers.allowance.mockRejectedValue(failure)
    const latest: { current?: ReturnType<typeof useApplyAfterSales> } = {}
    function Probe() {
      latest.current = useApplyAfterSales('O202612010001')
      return null
    }
    await act(async () => {
      renderer = create(<Probe />)
    })
    expect(latest.current).toMatchObject({ loading: false, data: undefined, error: failure })
    expect(latest.current?.submitError).toBeUndefined()
  })

  it('offers only the kinds the order allows, each explained', async () => {
    const form = await openForm(allowance({ kinds: ['refund_only'] }))
    expect(form.texts()).toContain('Refund only')
    expect(form.texts()).toContain(
      'Money back without sending anything back: e.g. not shipped yet, or it never arrived',
    )
    expect(form.texts()).not.toContain('Return and refund')
  })

  it('bounds each line by what is claimable and shows a held line without a stepper', async () => {
    const form = await openForm(
      allowance({
        lines: [
          { lineNo: 1, claimable: 1, open: false },
          { lineNo: 2, claimable: 0, open: true },
        ],
      }),
    )
    expect(form.texts()).toContain('An open request already covers this item')
    expect(form.texts()).toContain('Up to 1')
    // The only claimable line starts at its allowance; + cannot go past it.
    expect(form.plus()).toHaveLength(1)
    await form.tap(form.plus()[0])
    expect(form.texts()).toContain('¥79.00')
    expect(form.texts()).not.toContain('¥158.00')
  })

  it('estimates from unit prices, sends lineNo and quantities once complete, and gives the request', async () => {
    answers.create.mockResolvedValue(afterSalesRequest({ id: '7' }))
    const form = await openForm(allowance())
    expect(form.submit().props.disabled).toBe(true)
    expect(form.texts()).toContain('Choose a type, the quantities and a reason')

    await form.tap(form.byText('Return and refund'))
    await form.tap(form.plus()[0])
    await form.tap(form.plus()[0])
    await form.tap(form.plus()[1])
    await form.tap(form.byText('Damaged or faulty'))
    expect(form.texts()).toContain('¥287.00')
    expect(form.texts()).toContain(
      'Estimated from unit prices; the amount shown after you submit is what counts',
    )
    expect(form.submit().props.disabled).toBeUndefined()

    await act(async () => form.submit().props.onClick())
    expect(answers.create).toHaveBeenCalledWith('O202612010001', {
      kind: 'return_and_refund',
      reason: 'damaged',
      lines: [
        { lineNo: 1, quantity: 2 },
        { lineNo: 2, quantity: 1 },
      ],
    })
    expect(submitted).toMatchObject({ id: '7' })
  })

  it('on a refusal says why in the buyer’s words, and the new bounds without losing the choices', async () => {
    const form = await openForm(allowance({ kinds: ['refund_only'] }))
    await form.tap(form.plus()[1])
    await form.tap(form.byText('Never arrived'))
    const reason = 'Line 2: 0 units left to claim, 1 asked.'
    answers.create.mockRejectedValue(
      new RequestError({
        kind: 'client',
        status: 409,
        code: 'after_sales_quantity_exceeded',
        message: reason,
      }),
    )
    answers.allowance.mockResolvedValue(
      allowance({
        kinds: ['refund_only'],
        lines: [
          { lineNo: 1, claimable: 2, open: false },
          { lineNo: 2, claimable: 0, open: false },
        ],
      }),
    )

    await act(async () => form.submit().props.onClick())
    expect(submitted).toBeUndefined()
    expect(form.texts()).toContain('That is more than can still be claimed; refresh and choose again.')
    expect(answers.allowance).toHaveBeenCalledTimes(2)
    expect(form.texts()).toContain('Already claimed in full')
    // Nothing claimable is chosen any more, so it cannot be sent again as it was.
    expect(form.submit().props.disabled).toBe(true)
    expect(form.byText('Never arrived').props.className).toContain('apply-reason--chosen')
  })
})
