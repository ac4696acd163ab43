import type { OrderAfterSales } from '@contract'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { afterSalesRequest, allowance } from '../../../tests/support/after-sales'
import { useLocaleStore } from '../../shared/i18n'
import { addAfterSalesTexts } from '../../shared/i18n/after-sales-texts'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { AfterSalesSection } from './components/AfterSalesSection'

// Tells React this is a test environment that wraps updates in act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

addSubpackageTexts()
addAfterSalesTexts()

let renderer: ReactTestRenderer | undefined
beforeEach(() => useLocaleStore.getState().setLocale('en'))
afterEach(() => act(() => renderer?.unmount()))

function renderSection(data: OrderAfterSales) {
  const opened: string[] = []
  act(() => {
    renderer = create(
      <AfterSalesSection
        data={data}
        onRetry={() => undefined}
        onApply={() => undefined}
        onOpen={(request) => opened.push(request.id)}
      />,
    )
  })
  const all = (type: string) => renderer!.root.findAll((node) => node.type === type)
  return {
    texts: all('text').map((node) => node.children.join('')),
    apply: all('button').find((node) => node.children.join('') === 'Apply for after-sales'),
    rows: renderer!.root.findAll(
      (node) => node.type === 'view' && node.props.className === 'after-sales-row',
    ),
    opened,
  }
}

const refundedRequest = afterSalesRequest({
  id: '41',
  kind: 'refund_only',
  status: 'refunded',
  refund: { amount: 7900, status: 'refunded', outRequestNo: 'AS41', refundedAt: '2026-12-01T08:05:00.000Z' },
})
const pendingRequest = afterSalesRequest({
  id: '42',
  status: 'refunding',
  refund: { amount: 12900, status: 'pending', outRequestNo: 'AS42' },
})

describe('the order page’s after-sales section', () => {
  it('lists the requests in words, with an amount only once Alipay confirmed it, each opening its detail', () => {
    const section = renderSection(allowance({ requests: [pendingRequest, refundedRequest] }))
    expect(section.texts).toEqual(expect.arrayContaining(['Refunding', 'Refunded', 'Refund ¥79.00']))
    expect(section.texts.join(' ')).not.toContain('¥129.00')
    act(() => section.rows[1].props.onClick())
    expect(section.opened).toEqual(['41'])
  })

  it('offers to apply only while the order allows a kind', () => {
    expect(renderSection(allowance()).apply).toBeDefined()
    act(() => renderer!.unmount())
    const over = renderSection(allowance({ kinds: [], requests: [refundedRequest] }))
    expect(over.apply).toBeUndefined()
    expect(over.rows).toHaveLength(1)
  })

  it('shows nothing for an order with no request and nothing to ask', () => {
    expect(renderSection(allowance({ kinds: [] })).texts).toEqual([])
  })
})
