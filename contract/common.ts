/** Schema pieces every part of the contract uses: money, times, order ids and paged lists. */
import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox'
import { PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './limits'

/** Money is always an integer number of fen (1/100 yuan). */
export const Fen = Type.Integer({ minimum: 0, description: 'Amount in integer fen (1 yuan = 100 fen)' })

/** An instant, as ISO 8601 with its offset (the server sends UTC, e.g. 2024-06-11T02:00:00.000Z). */
export const DateTime = Type.String({ format: 'date-time' })

/** Order numbers: digits only, as Alipay's `out_trade_no` allows (see server/orders/order-number.ts). */
export const ORDER_ID_PATTERN = '^[0-9]{8,32}$'
export const OrderId = Type.String({ pattern: ORDER_ID_PATTERN })

/**
 * Makes the properties that have a `default` optional on the wire (and in the OpenAPI document)
 * while their static type stays required: Fastify's Ajv (`useDefaults`) fills them in before a
 * handler runs, so the handler sees a value. The static type is the query AFTER validation.
 */
export function withDefaultsOptional<T extends TObject>(schema: T): T {
  const properties: TProperties = schema.properties
  const required = (schema.required ?? []).filter((key) => !('default' in properties[key]))
  const { required: _all, ...rest } = schema
  return (required.length ? { ...rest, required } : rest) as unknown as T
}

/** Query fields of every paged list; use inside `withDefaultsOptional`. */
export const PageQueryFields = {
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
}

/** One page of a list: its items, where it is, and whether another page follows. */
export function Paged<T extends TSchema>(item: T, title: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      page: Type.Integer({ minimum: 1 }),
      pageSize: Type.Integer({ minimum: 1 }),
      total: Type.Integer({ minimum: 0 }),
      hasMore: Type.Boolean(),
    },
    { title },
  )
}
