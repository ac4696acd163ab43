import { Type, type Static } from '@sinclair/typebox'
import { DateTime, Fen, OrderId, PageQueryFields, Paged, withDefaultsOptional } from './common'
import {
  ADDRESS_FIELD_LENGTHS,
  ADDRESS_TEXT_PATTERN,
  CARRIER_LENGTH,
  ORDER_LINES_MAX,
  PHONE_PATTERN,
  QUANTITY_PER_LINE_MAX,
  TRACKING_NO_LENGTH,
  TRACKING_NO_PATTERN,
  VISIBLE_TEXT_PATTERN,
} from './limits'

const addressText = (field: keyof typeof ADDRESS_FIELD_LENGTHS, description?: string) =>
  Type.String({
    minLength: ADDRESS_FIELD_LENGTHS[field].min,
    maxLength: ADDRESS_FIELD_LENGTHS[field].max,
    pattern: ADDRESS_TEXT_PATTERN,
    ...(description ? { description } : {}),
  })

export const Address = Type.Object(
  {
    name: addressText('name'),
    phone: Type.String({ pattern: PHONE_PATTERN }),
    region: addressText('region', 'Province / city / district'),
    detail: addressText('detail', 'Street, building, room'),
  },
  { title: 'Address', additionalProperties: false },
)
export type Address = Static<typeof Address>

export const OrderLineInput = Type.Object(
  {
    skuId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' }),
    quantity: Type.Integer({ minimum: 1, maximum: QUANTITY_PER_LINE_MAX }),
  },
  // Anything else the client sends for a line (a price, a title) is dropped, not refused (Ajv's
  // removeAdditional strips properties where additionalProperties is false): the server prices
  // every line from its own catalog.
  { title: 'OrderLineInput', additionalProperties: false },
)

export const CreateOrderRequest = Type.Object(
  {
    /** A SKU may appear on several lines: they are merged (at most QUANTITY_PER_LINE_MAX per SKU in all). */
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: ORDER_LINES_MAX }),
    address: Address,
  },
  { title: 'CreateOrderRequest', additionalProperties: false },
)
export type CreateOrderRequest = Static<typeof CreateOrderRequest>

/** Header that makes POST /api/orders safe to retry: the same key returns the same order. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key'
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,64}$'

/**
 * awaiting_payment → paid → shipped → received → completed; an unpaid order may instead be closed.
 * `received`: the buyer confirmed receipt, or it was assumed a set number of days after shipping.
 * `completed`: the after-sales window after receipt ended with nothing open.
 */
export const OrderStatus = Type.Union(
  [
    Type.Literal('awaiting_payment'),
    Type.Literal('paid'),
    Type.Literal('shipped'),
    Type.Literal('received'),
    Type.Literal('completed'),
    Type.Literal('closed'),
  ],
  { title: 'OrderStatus' },
)
export type OrderStatus = Static<typeof OrderStatus>

export const CloseReason = Type.Union([Type.Literal('expired'), Type.Literal('cancelled')])
export type CloseReason = Static<typeof CloseReason>

/** What the merchant enters to ship an order. */
export const ShipmentInput = Type.Object(
  {
    carrier: Type.String({
      minLength: CARRIER_LENGTH.min,
      maxLength: CARRIER_LENGTH.max,
      pattern: VISIBLE_TEXT_PATTERN,
      description: 'The carrier, e.g. 顺丰速运',
    }),
    trackingNo: Type.String({
      minLength: TRACKING_NO_LENGTH.min,
      maxLength: TRACKING_NO_LENGTH.max,
      pattern: TRACKING_NO_PATTERN,
      description: "The carrier's tracking number",
    }),
  },
  { title: 'ShipmentInput', additionalProperties: false },
)
export type ShipmentInput = Static<typeof ShipmentInput>

export const Shipment = Type.Object(
  { carrier: Type.String(), trackingNo: Type.String(), shippedAt: DateTime },
  { title: 'Shipment' },
)
export type Shipment = Static<typeof Shipment>

export const OrderLine = Type.Object(
  {
    /** The line's number in its order, from 1: what after-sales requests name. */
    lineNo: Type.Integer({ minimum: 1 }),
    skuId: Type.String(),
    productId: Type.String(),
    title: Type.String(),
    skuLabel: Type.String(),
    image: Type.String(),
    unitPrice: Fen,
    quantity: Type.Integer({ minimum: 1 }),
    lineTotal: Fen,
  },
  { title: 'OrderLine' },
)
export type OrderLine = Static<typeof OrderLine>

export const Order = Type.Object(
  {
    /** The order number; also the `out_trade_no` given to Alipay. */
    id: Type.String(),
    status: OrderStatus,
    closeReason: Type.Optional(CloseReason),
    lines: Type.Array(OrderLine),
    itemCount: Type.Integer({ minimum: 1 }),
    total: Fen,
    address: Address,
    createdAt: DateTime,
    /** While awaiting payment: when the order closes unpaid and its stock returns. */
    expiresAt: DateTime,
    paidAt: Type.Optional(DateTime),
    closedAt: Type.Optional(DateTime),
    /** From shipped on. */
    shipment: Type.Optional(Shipment),
    /** From received on: when the buyer confirmed receipt, or it was assumed. */
    receivedAt: Type.Optional(DateTime),
    completedAt: Type.Optional(DateTime),
  },
  { title: 'Order' },
)
export type Order = Static<typeof Order>

/** Query of `GET /api/orders`. */
export const OrderListQuery = withDefaultsOptional(
  Type.Object({ status: Type.Optional(OrderStatus), ...PageQueryFields }, { additionalProperties: false }),
)
export type OrderListQuery = Static<typeof OrderListQuery>

export const OrderPage = Paged(Order, 'OrderPage')
export type OrderPage = Static<typeof OrderPage>

/**
 * `GET /api/orders/counts`: what the "me" tab shows beside its shortcuts. Orders awaiting payment,
 * paid (to ship) and shipped, by status; and the after-sales requests still open (requested,
 * awaiting or on their way back, refunding). Keys are the orders page's tabs.
 */
export const OrderCounts = Type.Object(
  {
    awaiting_payment: Type.Integer({ minimum: 0 }),
    paid: Type.Integer({ minimum: 0 }),
    shipped: Type.Integer({ minimum: 0 }),
    after_sales: Type.Integer({ minimum: 0 }),
  },
  { title: 'OrderCounts', additionalProperties: false },
)
export type OrderCounts = Static<typeof OrderCounts>

export const OrderIdParams = Type.Object({ id: OrderId })
export type OrderIdParams = Static<typeof OrderIdParams>
