import { Type, type Static } from '@sinclair/typebox'
import { Fen, NO_CONTROL_CHARACTERS_PATTERN } from './catalog'

/**
 * Text a person types into an address: not blank, no control characters (NUL cannot even be
 * stored in PostgreSQL text).
 */
const ADDRESS_TEXT_PATTERN = `^(?=.*\\S)${NO_CONTROL_CHARACTERS_PATTERN.slice(1)}`
const addressText = (minLength: number, maxLength: number, description?: string) =>
  Type.String({
    minLength,
    maxLength,
    pattern: ADDRESS_TEXT_PATTERN,
    ...(description ? { description } : {}),
  })

export const Address = Type.Object(
  {
    name: addressText(1, 40),
    /** Mainland mobile number (11 digits starting with 1) or an international number with +. */
    phone: Type.String({ pattern: '^(1\\d{10}|\\+\\d{6,15})$' }),
    region: addressText(2, 80, 'Province / city / district'),
    detail: addressText(4, 120, 'Street, building, room'),
  },
  { title: 'Address', additionalProperties: false },
)
export type Address = Static<typeof Address>

export const OrderLineInput = Type.Object(
  {
    skuId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' }),
    quantity: Type.Integer({ minimum: 1, maximum: 99 }),
  },
  // Anything else the client sends for a line (a price, a title) is dropped, not refused (Ajv's
  // removeAdditional strips properties where additionalProperties is false): the server prices
  // every line from its own catalog.
  { title: 'OrderLineInput', additionalProperties: false },
)

export const ORDER_LINES_MAX = 50

export const CreateOrderRequest = Type.Object(
  {
    /** A SKU may appear on several lines: they are merged (at most 99 per SKU in all). */
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: ORDER_LINES_MAX }),
    address: Address,
  },
  { title: 'CreateOrderRequest', additionalProperties: false },
)
export type CreateOrderRequest = Static<typeof CreateOrderRequest>

/** Header that makes POST /api/orders safe to retry: the same key returns the same order. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key'
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,64}$'

export const OrderStatus = Type.Union(
  [Type.Literal('awaiting_payment'), Type.Literal('paid'), Type.Literal('closed')],
  { title: 'OrderStatus' },
)
export type OrderStatus = Static<typeof OrderStatus>

export const CloseReason = Type.Union([Type.Literal('expired'), Type.Literal('cancelled')])
export type CloseReason = Static<typeof CloseReason>

export const OrderLine = Type.Object(
  {
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
    createdAt: Type.String({ format: 'date-time' }),
    /** While awaiting payment: when the order closes unpaid and its stock returns. */
    expiresAt: Type.String({ format: 'date-time' }),
    paidAt: Type.Optional(Type.String({ format: 'date-time' })),
    closedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { title: 'Order' },
)
export type Order = Static<typeof Order>

export const OrderListQuery = Type.Object(
  {
    status: Type.Optional(OrderStatus),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type OrderListQuery = Static<typeof OrderListQuery>

export const OrderPage = Type.Object(
  {
    items: Type.Array(Order),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
    total: Type.Integer({ minimum: 0 }),
    hasMore: Type.Boolean(),
  },
  { title: 'OrderPage' },
)
export type OrderPage = Static<typeof OrderPage>

export const OrderIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{8,32}$' }) })
export type OrderIdParams = Static<typeof OrderIdParams>
