import type {
  AfterSalesEvent,
  AfterSalesKind,
  AfterSalesReason,
  AfterSalesRequest,
  AfterSalesStatus,
} from '@contract'
import type { MessageKey } from '../../shared/i18n'
import { pageUrl } from '../../shared/routes'

/** Each status in words (the list, the order's section) and what it means for the buyer (the detail). */
export const STATUS_WORDS: Record<AfterSalesStatus, { label: MessageKey; hint: MessageKey }> = {
  requested: { label: 'afterSales.status.requested', hint: 'afterSales.hint.requested' },
  awaiting_return: { label: 'afterSales.status.awaiting_return', hint: 'afterSales.hint.awaiting_return' },
  returning: { label: 'afterSales.status.returning', hint: 'afterSales.hint.returning' },
  refunding: { label: 'afterSales.status.refunding', hint: 'afterSales.hint.refunding' },
  refunded: { label: 'afterSales.status.refunded', hint: 'afterSales.hint.refunded' },
  rejected: { label: 'afterSales.status.rejected', hint: 'afterSales.hint.rejected' },
  cancelled: { label: 'afterSales.status.cancelled', hint: 'afterSales.hint.cancelled' },
}

export const KIND_WORDS: Record<AfterSalesKind, { label: MessageKey; hint: MessageKey }> = {
  refund_only: { label: 'afterSales.kind.refund_only', hint: 'afterSales.kindHint.refund_only' },
  return_and_refund: {
    label: 'afterSales.kind.return_and_refund',
    hint: 'afterSales.kindHint.return_and_refund',
  },
}

/** Every reason the contract knows, in its order, with its words. */
export const REASON_WORDS: Record<AfterSalesReason, MessageKey> = {
  changed_mind: 'afterSales.reason.changed_mind',
  not_as_described: 'afterSales.reason.not_as_described',
  damaged: 'afterSales.reason.damaged',
  missing_items: 'afterSales.reason.missing_items',
  not_received: 'afterSales.reason.not_received',
  other: 'afterSales.reason.other',
}

export const EVENT_WORDS: Record<AfterSalesEvent['type'], MessageKey> = {
  requested: 'afterSales.event.requested',
  approved: 'afterSales.event.approved',
  rejected: 'afterSales.event.rejected',
  return_shipped: 'afterSales.event.return_shipped',
  return_received: 'afterSales.event.return_received',
  refund_sent: 'afterSales.event.refund_sent',
  refunded: 'afterSales.event.refunded',
  refund_failed: 'afterSales.event.refund_failed',
  cancelled: 'afterSales.event.cancelled',
}

export const ACTOR_WORDS: Record<AfterSalesEvent['by'], MessageKey> = {
  buyer: 'afterSales.by.buyer',
  staff: 'afterSales.by.staff',
  system: 'afterSales.by.system',
}

/** The states the buyer may still cancel from (contract/after-sales.ts's AfterSalesStatus). */
export const canCancel = (status: AfterSalesStatus) =>
  status === 'requested' || status === 'awaiting_return' || status === 'returning'

/**
 * What to say about the money. Before a refund exists it depends on the step (the shop's decision,
 * the return parcel) or says none is coming; afterwards the ledger's refund decides, and only
 * `refunded` (Alipay confirmed it) means the money is back.
 */
export function refundWords(request: Pick<AfterSalesRequest, 'status' | 'refund'>): MessageKey {
  switch (request.refund?.status) {
    case 'refunded':
      return 'afterSales.refund.refunded'
    case 'failed':
      return 'afterSales.refund.failed'
    case 'pending':
      return 'afterSales.refund.pending'
    default:
      if (request.status === 'requested') return 'afterSales.refund.requested'
      if (request.status === 'awaiting_return' || request.status === 'returning')
        return 'afterSales.refund.afterReturn'
      return request.status === 'rejected' || request.status === 'cancelled'
        ? 'afterSales.refund.none'
        : 'afterSales.refund.pending'
  }
}

/** The amount Alipay confirmed as refunded, if it did. */
export const confirmedRefund = (request: Pick<AfterSalesRequest, 'refund'>) =>
  request.refund?.status === 'refunded' ? request.refund.amount : undefined

/**
 * The timeline newest first (what happened last is what the buyer looks for); steps at the same
 * instant keep the server's order, reversed.
 */
export const newestFirst = (events: readonly AfterSalesEvent[]): AfterSalesEvent[] =>
  events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .sort((a, b) => b.at - a.at || b.index - a.index)
    .map(({ event }) => event)

export const afterSalesUrl = (id: string) => pageUrl('afterSales', { id })
export const applyUrl = (orderId: string) => pageUrl('afterSalesApply', { orderId })
