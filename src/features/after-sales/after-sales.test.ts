import type { AfterSalesStatus } from '@contract'
import { AFTER_SALES_NOTE_MAX, AFTER_SALES_REASONS, CARRIER_LENGTH } from '@contract/limits'
import { afterSalesRequest, allowance, shippedOrder } from '../../../tests/support/after-sales'
import { claimRows, cleanNote, estimateRefund, initialDraft, requestBody, type ClaimDraft } from './claim'
import { returnShipmentErrors } from './return-shipment'
import { REASON_WORDS, canCancel, confirmedRefund, newestFirst, refundWords } from './status'

const rowsOf = (lines = allowance().lines) => claimRows(shippedOrder(), allowance({ lines }))
const draft = (change: Partial<ClaimDraft> = {}): ClaimDraft => ({
  kind: 'refund_only',
  reason: 'damaged',
  quantities: { 1: 1 },
  note: '',
  ...change,
})

describe('what each order line allows', () => {
  it('holds a line an open request holds, and never offers more than was bought', () => {
    const rows = rowsOf([
      { lineNo: 1, claimable: 5, open: false },
      { lineNo: 2, claimable: 1, open: true },
    ])
    expect(rows.map(({ line, claimable, open }) => [line.lineNo, claimable, open])).toEqual([
      [1, 2, false],
      [2, 0, true],
    ])
  })

  it('offers nothing on a line the server did not mention', () => {
    expect(rowsOf([{ lineNo: 1, claimable: 2, open: false }])[1]).toMatchObject({ claimable: 0, open: false })
  })
})

describe('a fresh draft', () => {
  it('chooses the only kind allowed, and all units of the only claimable line', () => {
    const rows = rowsOf([
      { lineNo: 1, claimable: 0, open: true },
      { lineNo: 2, claimable: 1, open: false },
    ])
    expect(initialDraft(rows, ['refund_only'])).toEqual({
      kind: 'refund_only',
      quantities: { 2: 1 },
      note: '',
    })
  })

  it('leaves the choices to the buyer when there are several', () => {
    expect(initialDraft(rowsOf(), ['refund_only', 'return_and_refund'])).toEqual({ quantities: {}, note: '' })
  })
})

describe('the refund estimate', () => {
  it('is unit price × quantity over the chosen lines, each quantity within its allowance', () => {
    const rows = rowsOf()
    expect(estimateRefund(rows, {})).toBe(0)
    expect(estimateRefund(rows, { 1: 1 })).toBe(7900)
    expect(estimateRefund(rows, { 1: 2, 2: 1 })).toBe(2 * 7900 + 12900)
    expect(estimateRefund(rows, { 1: 9, 2: 9 })).toBe(2 * 7900 + 12900)
    expect(estimateRefund(rowsOf([{ lineNo: 1, claimable: 1, open: false }]), { 1: 2, 2: 1 })).toBe(7900)
  })
})

describe('the request body', () => {
  const kinds = ['refund_only', 'return_and_refund'] as const

  it('names the chosen lines by lineNo with their quantities, and no amount', () => {
    expect(requestBody(rowsOf(), draft({ quantities: { 1: 2, 2: 0 } }), kinds)).toEqual({
      kind: 'refund_only',
      reason: 'damaged',
      lines: [{ lineNo: 1, quantity: 2 }],
    })
  })

  it('is not ready without a kind the order allows, a reason, or any unit', () => {
    expect(requestBody(rowsOf(), draft({ kind: undefined }), kinds)).toBeUndefined()
    expect(requestBody(rowsOf(), draft(), ['return_and_refund'])).toBeUndefined()
    expect(requestBody(rowsOf(), draft({ reason: undefined }), kinds)).toBeUndefined()
    expect(requestBody(rowsOf(), draft({ quantities: { 1: 0 } }), kinds)).toBeUndefined()
    const held = rowsOf([
      { lineNo: 1, claimable: 0, open: true },
      { lineNo: 2, claimable: 1, open: false },
    ])
    expect(requestBody(held, draft({ quantities: { 1: 1 } }), kinds)).toBeUndefined()
  })

  it('sends the note on one line, trimmed, and no note when blank', () => {
    expect(requestBody(rowsOf(), draft({ note: '  box\r\ncrushed\t ' }), kinds)?.note).toBe('box crushed')
    expect(requestBody(rowsOf(), draft({ note: ' \n ' }), kinds)).not.toHaveProperty('note')
  })
})

describe('the note', () => {
  it('keeps at most AFTER_SALES_NOTE_MAX code points, as the server counts them', () => {
    const note = cleanNote('😀'.repeat(AFTER_SALES_NOTE_MAX + 5))
    expect([...note]).toHaveLength(AFTER_SALES_NOTE_MAX)
    expect(note.length).toBe(2 * AFTER_SALES_NOTE_MAX)
  })
})

describe('the return parcel', () => {
  it('takes a carrier of CARRIER_LENGTH code points and a tracking number of letters, digits and -', () => {
    expect(returnShipmentErrors({ carrier: '顺丰速运', trackingNo: 'SF-1234567890' })).toEqual({})
    expect(returnShipmentErrors({ carrier: ' 顺丰 ', trackingNo: ' sf1234 ' })).toEqual({})
    expect(returnShipmentErrors({ carrier: '中'.repeat(CARRIER_LENGTH.max), trackingNo: 'AB12' })).toEqual({})
  })

  it('refuses what the server would refuse', () => {
    expect(returnShipmentErrors({ carrier: '顺', trackingNo: 'SF1234' })).toEqual({ carrier: true })
    expect(
      returnShipmentErrors({ carrier: '中'.repeat(CARRIER_LENGTH.max + 1), trackingNo: 'SF1234' }),
    ).toEqual({
      carrier: true,
    })
    expect(returnShipmentErrors({ carrier: '   ', trackingNo: 'SF1234' })).toEqual({ carrier: true })
    expect(returnShipmentErrors({ carrier: '顺丰速运', trackingNo: 'SF 1234' })).toEqual({ trackingNo: true })
    expect(returnShipmentErrors({ carrier: '顺丰速运', trackingNo: 'SF1' })).toEqual({ trackingNo: true })
    expect(returnShipmentErrors({ carrier: '', trackingNo: '' })).toEqual({ carrier: true, trackingNo: true })
  })
})

describe('words for requests', () => {
  it('has words for every reason of the contract', () => {
    expect(Object.keys(REASON_WORDS)).toEqual([...AFTER_SALES_REASONS])
  })

  it('lets the buyer cancel only before the refund starts', () => {
    const all: AfterSalesStatus[] = [
      'requested',
      'awaiting_return',
      'returning',
      'refunding',
      'refunded',
      'rejected',
      'cancelled',
    ]
    expect(all.filter(canCancel)).toEqual(['requested', 'awaiting_return', 'returning'])
  })

  it('says the money is back only once Alipay confirmed the refund', () => {
    const refund = { amount: 7900, outRequestNo: 'AS42' }
    const withRefund = (status: 'pending' | 'refunded' | 'failed') =>
      afterSalesRequest({ status: 'refunding', refund: { ...refund, status } })
    expect(refundWords(afterSalesRequest())).toBe('afterSales.refund.requested')
    expect(refundWords(afterSalesRequest({ status: 'awaiting_return' }))).toBe(
      'afterSales.refund.afterReturn',
    )
    expect(refundWords(afterSalesRequest({ status: 'returning' }))).toBe('afterSales.refund.afterReturn')
    expect(refundWords(afterSalesRequest({ status: 'rejected' }))).toBe('afterSales.refund.none')
    expect(refundWords(afterSalesRequest({ status: 'cancelled' }))).toBe('afterSales.refund.none')
    expect(refundWords(withRefund('pending'))).toBe('afterSales.refund.pending')
    expect(refundWords(withRefund('failed'))).toBe('afterSales.refund.failed')
    expect(refundWords(withRefund('refunded'))).toBe('afterSales.refund.refunded')
    expect(confirmedRefund(withRefund('pending'))).toBeUndefined()
    expect(confirmedRefund(withRefund('failed'))).toBeUndefined()
    expect(confirmedRefund(withRefund('refunded'))).toBe(7900)
  })

  it('shows the timeline newest first, steps at the same instant in reverse server order', () => {
    const at = (minute: number) => `2026-12-01T08:0${minute}:00.000Z`
    const events = newestFirst([
      { type: 'requested', at: at(0), by: 'buyer' },
      { type: 'approved', at: at(1), by: 'system' },
      { type: 'refund_sent', at: at(1), by: 'system' },
      { type: 'refunded', at: at(2), by: 'system' },
    ])
    expect(events.map((event) => event.type)).toEqual(['refunded', 'refund_sent', 'approved', 'requested'])
  })
})
