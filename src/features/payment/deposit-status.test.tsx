import type { Deposit } from '@contract'
import { act, create, type ReactTestRenderer } from 'react-test-renderer'
import { useLocaleStore } from '../../shared/i18n'
import { addSubpackageTexts } from '../../shared/i18n/subpackage-texts'
import { fetchDeposit } from './api'
import { DepositStatusView } from './components/DepositStatusView'
import { DEPOSIT_POLL_MS, useDeposit } from './useDeposit'

jest.mock('./api', () => ({ fetchDeposit: jest.fn(), createDeposit: jest.fn() }))

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })
addSubpackageTexts()

const deposit = (status: Deposit['status'], more: Partial<Deposit> = {}): Deposit => ({
  id: 'D2026120200000001',
  title: 'Power bank rental deposit',
  amount: 9900,
  status,
  createdAt: '2026-12-02T10:00:00.000Z',
  ...(status === 'awaiting_freeze' ? {} : { frozenAt: '2026-12-02T10:00:05.000Z' }),
  ...more,
})

let renderer: ReactTestRenderer | undefined
beforeEach(() => {
  useLocaleStore.getState().setLocale('en')
  jest.resetAllMocks()
})
afterEach(() => {
  act(() => renderer?.unmount())
  renderer = undefined
  jest.useRealTimers()
})

type Json = { type: string; props: Record<string, unknown>; children: (Json | string)[] | null }
const nodes = (node: Json | string | null): Json[] =>
  node === null || typeof node === 'string' ? [] : [node, ...(node.children ?? []).flatMap(nodes)]
const rendered = () => nodes(renderer!.toJSON() as Json)
const textsOf = (className: string) =>
  rendered()
    .filter((node) => node.type === 'text' && String(node.props.className).startsWith(className))
    .flatMap((node) => (node.children ?? []).filter((child): child is string => typeof child === 'string'))
/** The status lines, without the item's name above them. */
const lines = () => textsOf('deposit__line')
const hasCheckAgain = () => rendered().some((node) => node.type === 'button')

function show(shown: Deposit) {
  act(() => {
    renderer = create(<DepositStatusView deposit={shown} onCheckAgain={() => {}} />)
  })
}

describe('the deposit page states', () => {
  it.each<[string, Deposit, string[], boolean]>([
    [
      'awaiting the freeze',
      deposit('awaiting_freeze'),
      ['Waiting for the deposit to freeze', 'Deposit: ¥99.00'],
      true,
    ],
    [
      'frozen',
      deposit('frozen'),
      ['Deposit frozen (confirmed by the server)', 'Deposit frozen: ¥99.00'],
      true,
    ],
    [
      'returning',
      deposit('returning', { returnAmount: 9900 }),
      ['Your deposit of ¥99.00 is on its way back; waiting for Alipay to confirm'],
      true,
    ],
    ['returned', deposit('returned', { returnAmount: 9900 }), ['Deposit returned in full: ¥99.00'], false],
    [
      'charging',
      deposit('charging', { chargeAmount: 3000, returnAmount: 6900 }),
      ['The shop is charging ¥30.00 for damage; waiting for Alipay to confirm'],
      true,
    ],
    [
      'returning the rest after a charge',
      deposit('returning', { chargeAmount: 3000, returnAmount: 6900 }),
      ['¥30.00 charged for damage; the other ¥69.00 is on its way back'],
      true,
    ],
    [
      'charged',
      deposit('charged', { chargeAmount: 3000, returnAmount: 6900 }),
      ['¥30.00 charged for damage, ¥69.00 returned'],
      false,
    ],
    [
      'charged in full',
      deposit('charged', { chargeAmount: 9900 }),
      ['The whole deposit, ¥99.00, was charged for damage'],
      false,
    ],
  ])('%s: says so with the amounts', (_name, shown, texts, checkable) => {
    show(shown)
    expect(lines().slice(0, texts.length)).toEqual(texts)
    expect(hasCheckAgain()).toBe(checkable)
  })

  it('names the rented item, and at the end says what the amounts are out of', () => {
    show(deposit('charged', { chargeAmount: 3000, returnAmount: 6900 }))
    expect(textsOf('deposit__title')).toEqual([deposit('charged').title])
    expect(lines()).toEqual(['¥30.00 charged for damage, ¥69.00 returned', 'Deposit: ¥99.00'])
  })

  it('speaks Chinese too, amounts formatted the same way', () => {
    useLocaleStore.getState().setLocale('zh-CN')
    show(deposit('charged', { chargeAmount: 123456, returnAmount: 1 }))
    expect(lines()[0]).toBe('已扣除损坏赔偿 ¥1,234.56，已退还 ¥0.01')
  })

  it('polls while the shop’s unfreeze waits for Alipay, and stops once it is returned', async () => {
    jest.useFakeTimers()
    const answers = [
      deposit('returning', { returnAmount: 9900 }),
      deposit('returned', { returnAmount: 9900 }),
    ]
    jest.mocked(fetchDeposit).mockImplementation(async () => answers.shift() ?? deposit('returned'))
    function Page() {
      const { deposit: shown } = useDeposit({ depositId: 'D2026120200000001' })
      return shown ? <DepositStatusView deposit={shown} onCheckAgain={() => {}} /> : null
    }
    await act(async () => {
      renderer = create(<Page />)
    })
    expect(lines()[0]).toContain('on its way back')
    expect(fetchDeposit).toHaveBeenCalledTimes(1)
    await act(async () => {
      jest.advanceTimersByTime(DEPOSIT_POLL_MS[0])
    })
    expect(fetchDeposit).toHaveBeenCalledTimes(2)
    expect(lines()[0]).toBe('Deposit returned in full: ¥99.00')
    await act(async () => {
      jest.advanceTimersByTime(60_000)
    })
    expect(fetchDeposit).toHaveBeenCalledTimes(2)
  })
})
