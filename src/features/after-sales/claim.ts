/**
 * The apply form's rules, without React: what each line allows, what the refund would be, and the
 * body to send. The server checks all of it again and computes the amount itself.
 */
import type {
  AfterSalesKind,
  AfterSalesReason,
  CreateAfterSalesRequest,
  Order,
  OrderAfterSales,
  OrderLine,
} from '@contract'
import { AFTER_SALES_NOTE_MAX } from '@contract/limits'
import { multiplyFen, sumFen, type Fen } from '../../shared/money'

/** An order line as the form shows it: how many units may be asked for, and why none may. */
export interface ClaimRow {
  line: OrderLine
  claimable: number
  /** An open request holds the line: no second one until it ends. */
  open: boolean
}

/** quantity asked per lineNo; a line left at 0 is not part of the request. */
export type Quantities = Record<number, number>

export interface ClaimDraft {
  kind?: AfterSalesKind
  quantities: Quantities
  reason?: AfterSalesReason
  note: string
}

/** Every line of the order, with the server's allowance for it (none known: nothing claimable). */
export function claimRows(
  order: Pick<Order, 'lines'>,
  allowance: Pick<OrderAfterSales, 'lines'>,
): ClaimRow[] {
  return order.lines.map((line) => {
    const allowed = allowance.lines.find((entry) => entry.lineNo === line.lineNo)
    const open = allowed?.open ?? false
    return { line, open, claimable: open ? 0 : Math.min(allowed?.claimable ?? 0, line.quantity) }
  })
}

/**
 * A fresh draft: the only kind, if only one is allowed; and when a single line can be claimed,
 * all of its units (the usual case: a one-line order).
 */
export function initialDraft(rows: readonly ClaimRow[], kinds: readonly AfterSalesKind[]): ClaimDraft {
  const available = rows.filter((row) => row.claimable > 0)
  return {
    kind: kinds.length === 1 ? kinds[0] : undefined,
    quantities: available.length === 1 ? { [available[0].line.lineNo]: available[0].claimable } : {},
    note: '',
  }
}

/** A quantity kept within what the line allows. */
export function boundedQuantity(row: ClaimRow, quantity: number): number {
  return Math.max(0, Math.min(row.claimable, Math.floor(quantity)))
}

/** The lines asked for, in the order's order, each within its allowance. */
function chosenLines(rows: readonly ClaimRow[], quantities: Quantities) {
  return rows
    .map((row) => ({ row, quantity: boundedQuantity(row, quantities[row.line.lineNo] ?? 0) }))
    .filter((entry) => entry.quantity > 0)
}

/** unit price × quantity over the chosen lines: an estimate, the server's amount decides. */
export function estimateRefund(rows: readonly ClaimRow[], quantities: Quantities): Fen {
  return sumFen(
    chosenLines(rows, quantities).map(({ row, quantity }) => multiplyFen(row.line.unitPrice, quantity)),
  )
}

/**
 * The note as the server takes it: one line (its text refuses control characters, which a
 * multi-line text box produces), trimmed, at most AFTER_SALES_NOTE_MAX code points.
 */
export function cleanNote(note: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = note.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim()
  return [...oneLine].slice(0, AFTER_SALES_NOTE_MAX).join('')
}

/** Code points, as the server counts lengths. */
export const textLength = (text: string) => [...text].length

/** The body to send, or undefined while the draft lacks a kind, a reason or any unit. */
export function requestBody(
  rows: readonly ClaimRow[],
  draft: ClaimDraft,
  kinds: readonly AfterSalesKind[],
): CreateAfterSalesRequest | undefined {
  const lines = chosenLines(rows, draft.quantities).map(({ row, quantity }) => ({
    lineNo: row.line.lineNo,
    quantity,
  }))
  if (!draft.kind || !kinds.includes(draft.kind) || !draft.reason || lines.length === 0) return undefined
  const note = cleanNote(draft.note)
  return { kind: draft.kind, lines, reason: draft.reason, ...(note ? { note } : {}) }
}
