/**
 * After-sales requests as the API shows them (contract/after-sales.ts): rows from repository.ts
 * with their lines (localized like order lines: the order's snapshot in both languages), timeline
 * and refund. Staff also see who decided; buyers do not.
 */
import type {
  AfterSalesKind,
  AfterSalesLine,
  AfterSalesRequest,
  MerchantAfterSalesRequest,
  OrderAfterSales,
  OrderStatus,
} from '../../contract'
import type { Queryable } from '../db/types'
import type { Language } from '../http/language'
import type { ImageUrl } from '../http/public-urls'
import { iso } from '../orders/repository'
import {
  detailsOf,
  lineAllowances,
  refundedFen,
  requestRowsOfOrder,
  type LineAllowance,
  type LineRow,
  type RequestRow,
} from './repository'

export interface Localized {
  lang: Language
  imageUrl: ImageUrl
}

function toLine(row: LineRow, { lang, imageUrl }: Localized): AfterSalesLine {
  const en = lang === 'en'
  return {
    lineNo: row.line_no,
    skuId: row.sku_id,
    title: en ? row.title_en : row.title_zh,
    skuLabel: en ? row.sku_label_en : row.sku_label_zh,
    image: imageUrl(row.image_file),
    unitPrice: row.unit_price_fen,
    quantity: row.quantity,
    refundAmount: row.unit_price_fen * row.quantity,
  }
}

/** The requests of these rows, in their order, as staff see them. */
export async function showRequests(
  db: Queryable,
  rows: RequestRow[],
  localized: Localized,
): Promise<MerchantAfterSalesRequest[]> {
  const { lines, events, refunds } = await detailsOf(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => {
    const refund = refunds.find((r) => r.request_id === row.id)
    return {
      id: row.id,
      orderId: row.order_id,
      kind: row.kind,
      status: row.status,
      reason: row.reason,
      ...(row.note ? { note: row.note } : {}),
      lines: lines.filter((line) => line.request_id === row.id).map((line) => toLine(line, localized)),
      refundAmount: row.refund_fen,
      ...(refund
        ? {
            refund: {
              amount: refund.amount_fen,
              status: refund.status,
              outRequestNo: refund.out_request_no,
              ...(refund.refunded_at ? { refundedAt: iso(refund.refunded_at) } : {}),
            },
          }
        : {}),
      ...(row.return_carrier && row.return_tracking_no
        ? { returnShipment: { carrier: row.return_carrier, trackingNo: row.return_tracking_no } }
        : {}),
      ...(row.reject_reason ? { rejectReason: row.reject_reason } : {}),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      events: events
        .filter((event) => event.request_id === row.id)
        .map((event) => ({
          type: event.type,
          at: iso(event.at),
          by: event.by,
          ...(event.note ? { note: event.note } : {}),
        })),
      ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    }
  })
}

/** A request as its buyer sees it: without who decided. */
export function forBuyer(request: MerchantAfterSalesRequest): AfterSalesRequest {
  const { decidedBy: _staff, ...shown } = request
  return shown
}

/** The kinds an order in this status allows: refunds once paid, returns once shipped, none once completed. */
export function kindsAllowed(status: OrderStatus): AfterSalesKind[] {
  if (status === 'paid') return ['refund_only']
  if (status === 'shipped' || status === 'received') return ['refund_only', 'return_and_refund']
  return []
}

/** Units of a line not in a request that is open or refunded. */
export const claimable = (line: LineAllowance) => Math.max(0, line.bought - line.claimed)

/** GET /api/orders/:id/after-sales: what can still be asked, what was refunded, and the requests. */
export async function showOrderAfterSales(
  db: Queryable,
  orderId: string,
  status: OrderStatus,
  localized: Localized,
): Promise<OrderAfterSales> {
  const allowances = await lineAllowances(db, orderId)
  const anythingLeft = allowances.some((line) => claimable(line) > 0)
  const requests = await showRequests(db, await requestRowsOfOrder(db, orderId), localized)
  return {
    orderId,
    kinds: anythingLeft ? kindsAllowed(status) : [],
    lines: allowances.map((line) => ({ lineNo: line.line_no, claimable: claimable(line), open: line.open })),
    refunded: await refundedFen(db, orderId),
    requests: requests.map(forBuyer),
  }
}
