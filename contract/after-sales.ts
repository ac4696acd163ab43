import { Type, type Static } from '@sinclair/typebox'
import { DateTime, Fen, OrderId, PageQueryFields, Paged, withDefaultsOptional } from './common'
import {
  AFTER_SALES_NOTE_MAX,
  AFTER_SALES_REASONS,
  AFTER_SALES_REJECT_REASON_LENGTH,
  OPTIONAL_VISIBLE_TEXT_PATTERN,
  ORDER_LINES_MAX,
  QUANTITY_PER_LINE_MAX,
  VISIBLE_TEXT_PATTERN,
} from './limits'
import { ShipmentInput } from './orders'
import { StaffName } from './merchant'

/**
 * After-sales (售后) on a paid order: the buyer asks for money back on some of its lines, and the
 * shop refunds through Alipay (alipay.trade.refund, one out_request_no per request).
 *
 * - `refund_only` (仅退款): the goods stay with the buyer, or were never shipped. On an order not
 *   yet shipped it is approved at once (unless the shop turned that off) and its stock returns.
 * - `return_and_refund` (退货退款): after shipping. Once approved the buyer sends the goods back
 *   and enters the parcel's tracking number; the merchant confirms the parcel came back, then the
 *   refund runs and the stock returns.
 *
 * The server computes every amount from the order's own lines; a client never sends one.
 */

export const AfterSalesKind = Type.Union([Type.Literal('refund_only'), Type.Literal('return_and_refund')], {
  title: 'AfterSalesKind',
})
export type AfterSalesKind = Static<typeof AfterSalesKind>

/**
 * requested ──approve──▶ refunding (refund_only) | awaiting_return (return_and_refund)
 * awaiting_return ──buyer enters the return parcel──▶ returning ──merchant confirms it──▶ refunding
 * refunding ──Alipay confirms the refund──▶ refunded
 * requested ──reject──▶ rejected;  requested | awaiting_return | returning ──buyer cancels──▶ cancelled
 *
 * Open: requested, awaiting_return, returning, refunding. Final: refunded, rejected, cancelled.
 * A refund Alipay refused stays `refunding` with `refund.status: 'failed'` until staff send it again.
 */
export const AfterSalesStatus = Type.Union(
  [
    Type.Literal('requested'),
    Type.Literal('awaiting_return'),
    Type.Literal('returning'),
    Type.Literal('refunding'),
    Type.Literal('refunded'),
    Type.Literal('rejected'),
    Type.Literal('cancelled'),
  ],
  { title: 'AfterSalesStatus' },
)
export type AfterSalesStatus = Static<typeof AfterSalesStatus>

/**
 * Why the buyer asks; the app shows each in words (i18n), the server stores the code. A union of
 * literals (not Type.Unsafe): the server's strict body check (TypeBox's Value.Check) must know it.
 */
export const AfterSalesReason = Type.Union(
  AFTER_SALES_REASONS.map((reason) => Type.Literal(reason)),
  { title: 'AfterSalesReason' },
)
export type AfterSalesReason = Static<typeof AfterSalesReason>

export const AfterSalesLineInput = Type.Object(
  {
    /** The order line's number (OrderLine.lineNo). */
    lineNo: Type.Integer({ minimum: 1, maximum: ORDER_LINES_MAX }),
    quantity: Type.Integer({ minimum: 1, maximum: QUANTITY_PER_LINE_MAX }),
  },
  { title: 'AfterSalesLineInput', additionalProperties: false },
)

/** Body of `POST /api/orders/:id/after-sales`. Amounts are not part of it: the server computes them. */
export const CreateAfterSalesRequest = Type.Object(
  {
    kind: AfterSalesKind,
    lines: Type.Array(AfterSalesLineInput, { minItems: 1, maxItems: ORDER_LINES_MAX }),
    reason: AfterSalesReason,
    note: Type.Optional(
      Type.String({ maxLength: AFTER_SALES_NOTE_MAX, pattern: OPTIONAL_VISIBLE_TEXT_PATTERN }),
    ),
  },
  { title: 'CreateAfterSalesRequest', additionalProperties: false },
)
export type CreateAfterSalesRequest = Static<typeof CreateAfterSalesRequest>

export const AfterSalesLine = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1 }),
    skuId: Type.String(),
    title: Type.String(),
    skuLabel: Type.String(),
    image: Type.String(),
    unitPrice: Fen,
    quantity: Type.Integer({ minimum: 1 }),
    /** unitPrice × quantity: what this line adds to the refund. */
    refundAmount: Fen,
  },
  { title: 'AfterSalesLine' },
)
export type AfterSalesLine = Static<typeof AfterSalesLine>

/** The refund of a request, as the shop's ledger has it: `refunded` only once Alipay confirmed it. */
export const AfterSalesRefund = Type.Object(
  {
    amount: Fen,
    status: Type.Union([Type.Literal('pending'), Type.Literal('refunded'), Type.Literal('failed')]),
    /** alipay.trade.refund's out_request_no: what to quote to Alipay about this refund. */
    outRequestNo: Type.String(),
    refundedAt: Type.Optional(DateTime),
  },
  { title: 'AfterSalesRefund' },
)
export type AfterSalesRefund = Static<typeof AfterSalesRefund>

export const AfterSalesEventType = Type.Union(
  [
    Type.Literal('requested'),
    Type.Literal('approved'),
    Type.Literal('rejected'),
    Type.Literal('return_shipped'),
    Type.Literal('return_received'),
    Type.Literal('refund_sent'),
    Type.Literal('refunded'),
    Type.Literal('refund_failed'),
    Type.Literal('cancelled'),
  ],
  { title: 'AfterSalesEventType' },
)
export type AfterSalesEventType = Static<typeof AfterSalesEventType>

/** One step of a request's timeline, oldest first. */
export const AfterSalesEvent = Type.Object(
  {
    type: AfterSalesEventType,
    at: DateTime,
    /** Who: the buyer, a staff member, or the shop itself (automatic approval, Alipay's confirmation). */
    by: Type.Union([Type.Literal('buyer'), Type.Literal('staff'), Type.Literal('system')]),
    /** A rejection's reason, a return parcel's carrier and number, a refusal from Alipay. */
    note: Type.Optional(Type.String()),
  },
  { title: 'AfterSalesEvent' },
)
export type AfterSalesEvent = Static<typeof AfterSalesEvent>

export const AfterSalesRequest = Type.Object(
  {
    id: Type.String(),
    orderId: Type.String(),
    kind: AfterSalesKind,
    status: AfterSalesStatus,
    reason: AfterSalesReason,
    note: Type.Optional(Type.String()),
    lines: Type.Array(AfterSalesLine),
    /** Sum of the lines' refundAmount: what the refund will be. */
    refundAmount: Fen,
    /** Present from approval (refund_only) or from the returned parcel's arrival (return_and_refund). */
    refund: Type.Optional(AfterSalesRefund),
    /** The parcel the buyer sent back (return_and_refund, from `returning` on). */
    returnShipment: Type.Optional(Type.Object({ carrier: Type.String(), trackingNo: Type.String() })),
    rejectReason: Type.Optional(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
    events: Type.Array(AfterSalesEvent),
  },
  { title: 'AfterSalesRequest' },
)
export type AfterSalesRequest = Static<typeof AfterSalesRequest>

/** What the buyer may still ask for on one order line. */
export const AfterSalesLineAllowance = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1 }),
    /** Units not yet in a request that is open or refunded. */
    claimable: Type.Integer({ minimum: 0 }),
    /** An open request holds this line: no second one until it ends. */
    open: Type.Boolean(),
  },
  { title: 'AfterSalesLineAllowance' },
)

/** `GET /api/orders/:id/after-sales`: an order's requests and what can still be asked. */
export const OrderAfterSales = Type.Object(
  {
    orderId: Type.String(),
    /** The kinds the order's status allows now (none once completed, or before payment). */
    kinds: Type.Array(AfterSalesKind),
    lines: Type.Array(AfterSalesLineAllowance),
    /** Refunds Alipay confirmed, in all. */
    refunded: Fen,
    requests: Type.Array(AfterSalesRequest),
  },
  { title: 'OrderAfterSales' },
)
export type OrderAfterSales = Static<typeof OrderAfterSales>

export const AfterSalesIdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }) })
export type AfterSalesIdParams = Static<typeof AfterSalesIdParams>

export const AfterSalesOrderParams = Type.Object({ id: OrderId })

/** Query of `GET /api/after-sales` (the buyer's) and `GET /api/merchant/after-sales` (everyone's). */
export const AfterSalesListQuery = withDefaultsOptional(
  Type.Object(
    { status: Type.Optional(AfterSalesStatus), ...PageQueryFields },
    { additionalProperties: false },
  ),
)
export type AfterSalesListQuery = Static<typeof AfterSalesListQuery>

export const AfterSalesPage = Paged(AfterSalesRequest, 'AfterSalesPage')
export type AfterSalesPage = Static<typeof AfterSalesPage>

/** Body of `POST /api/after-sales/:id/return-shipment`: the parcel the buyer sent back. */
export const ReturnShipmentInput = Type.Object(ShipmentInput.properties, {
  title: 'ReturnShipmentInput',
  additionalProperties: false,
})
export type ReturnShipmentInput = Static<typeof ReturnShipmentInput>

/** Body of `POST /api/merchant/after-sales/:id/reject`. */
export const RejectAfterSalesInput = Type.Object(
  {
    reason: Type.String({
      minLength: AFTER_SALES_REJECT_REASON_LENGTH.min,
      maxLength: AFTER_SALES_REJECT_REASON_LENGTH.max,
      pattern: VISIBLE_TEXT_PATTERN,
    }),
  },
  { title: 'RejectAfterSalesInput', additionalProperties: false },
)
export type RejectAfterSalesInput = Static<typeof RejectAfterSalesInput>

/** A request as staff see it: who decided it. */
export const MerchantAfterSalesRequest = Type.Object(
  {
    ...AfterSalesRequest.properties,
    /** The staff member who approved or rejected it; absent when approved automatically. */
    decidedBy: Type.Optional(StaffName),
  },
  { title: 'MerchantAfterSalesRequest' },
)
export type MerchantAfterSalesRequest = Static<typeof MerchantAfterSalesRequest>

export const MerchantAfterSalesPage = Paged(MerchantAfterSalesRequest, 'MerchantAfterSalesPage')
export type MerchantAfterSalesPage = Static<typeof MerchantAfterSalesPage>
