/**
 * The soak's verdict on "does the shop agree with Alipay" (scripts/soak/agreement.ts): it must
 * see every kind of disagreement it claims to, or `npm run soak` could pass while money is wrong.
 * (The soak itself is not part of npm test: `npm run soak`.)
 */
import {
  orderDisagreement,
  refundDisagreements,
  type OrderRow,
  type RefundRow,
} from '../../scripts/soak/agreement'
import type { SimulatedTrade } from '../support/after-sales-e2e'

const order = (overrides: Partial<OrderRow> = {}): OrderRow => ({
  id: 'O1',
  status: 'paid',
  total_fen: 5000,
  trade_no: 'T1',
  trade_status: 'TRADE_SUCCESS',
  ...overrides,
})
const trade = (overrides: Partial<SimulatedTrade> = {}): SimulatedTrade => ({
  tradeNo: 'T1',
  outTradeNo: 'O1',
  tradeStatus: 'TRADE_SUCCESS',
  totalAmount: '50.00',
  refundedAmount: '0.00',
  refunds: [],
  pendingRefunds: [],
  ...overrides,
})
const refund = (overrides: Partial<RefundRow> = {}): RefundRow => ({
  out_request_no: 'R1',
  amount_fen: 1200,
  status: 'refunded',
  ...overrides,
})
const refundedAtAlipay = (amount: string, outRequestNo = 'R1') => ({
  refunds: [{ outRequestNo, refundAmount: amount, gmtRefund: '2026-01-01 00:00:00' }],
  refundedAmount: amount,
})

describe('soak: orders against the simulator’s trades', () => {
  it.each([
    ['paid, paid at Alipay', order(), trade()],
    ['received, paid at Alipay', order({ status: 'received' }), trade()],
    [
      'paid, fully refunded and closed at Alipay',
      order(),
      trade({ tradeStatus: 'TRADE_CLOSED', ...refundedAtAlipay('50.00') }),
    ],
    [
      'unpaid, trade waiting',
      order({ status: 'awaiting_payment' }),
      trade({ tradeStatus: 'WAIT_BUYER_PAY' }),
    ],
    ['unpaid, no trade', order({ status: 'awaiting_payment', trade_no: null }), undefined],
    ['closed, trade closed unpaid', order({ status: 'closed' }), trade({ tradeStatus: 'TRADE_CLOSED' })],
    [
      'closed, paid late and refunded',
      order({ status: 'closed' }),
      trade({ tradeStatus: 'TRADE_CLOSED', ...refundedAtAlipay('50.00') }),
    ],
  ])('agree: %s', (_name, ours, theirs) => {
    expect(orderDisagreement(ours, theirs)).toBeUndefined()
  })

  it.each([
    ['unpaid here, paid at Alipay', order({ status: 'awaiting_payment' }), trade(), /unpaid here, paid/],
    [
      'paid here, unpaid at Alipay',
      order(),
      trade({ tradeStatus: 'WAIT_BUYER_PAY' }),
      /paid here, WAIT_BUYER_PAY/,
    ],
    [
      'shipped here, closed unpaid at Alipay',
      order({ status: 'shipped' }),
      trade({ tradeStatus: 'TRADE_CLOSED' }),
      /shipped here/,
    ],
    ['closed here, paid and kept at Alipay', order({ status: 'closed' }), trade(), /closed here, paid/],
    [
      'closed here, partly refunded',
      order({ status: 'closed' }),
      trade(refundedAtAlipay('10.00')),
      /10 ?00 of 5000/,
    ],
    ['another total', order({ total_fen: 4999 }), trade(), /total 4999/],
    ['another trade number', order({ trade_no: 'T2' }), trade(), /trade_no T2/],
    ['a trade here, none at Alipay', order(), undefined, /Alipay none/],
  ])('disagree: %s', (_name, ours, theirs, why) => {
    expect(orderDisagreement(ours, theirs)).toMatch(why)
  })
})

describe('soak: refunds against the simulator’s', () => {
  it('agrees when every refund went through for the same amount', () => {
    expect(refundDisagreements('O1', [refund()], trade(refundedAtAlipay('12.00')))).toEqual([])
    expect(refundDisagreements('O1', [refund({ status: 'failed' })], trade())).toEqual([])
  })

  it.each([
    ['another amount', [refund()], trade(refundedAtAlipay('12.01'))],
    ['refunded here only', [refund()], trade()],
    ['refunded at Alipay only', [], trade(refundedAtAlipay('12.00'))],
    ['failed here, refunded at Alipay', [refund({ status: 'failed' })], trade(refundedAtAlipay('12.00'))],
    [
      'still pending at Alipay',
      [],
      trade({ pendingRefunds: [{ outRequestNo: 'R9', refundAmount: '1.00' }] }),
    ],
  ])('disagrees: %s', (_name, ours, theirs) => {
    expect(refundDisagreements('O1', ours, theirs)).toHaveLength(1)
  })
})
