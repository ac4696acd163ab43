/**
 * The simulator's 小程序订单中心: what alipay.merchant.order.sync (methods/order-sync.ts) accepted,
 * per (app, out_biz_no), with every accepted sync in order. Development only, like the bill:
 * - `GET /order-center/:outBizNo` (JSON, hidden from the API docs), optionally `?appId=`: the
 *   synced state and its history, so a test (or a person) can compare it with the shop's order;
 * - POST /control `{ orderSync: 'fail' }` answers 20000 to every sync (an outage), `normal` again.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody } from '../../contract'
import { ORDER_CENTER_STATUSES } from '../alipay/order-center-format'
import { MERCHANT_NUMBER } from '../alipay/wire-format'
import { HttpError } from '../http/errors'

export const ORDER_SYNC_MODES = ['normal', 'fail'] as const
export type OrderSyncMode = (typeof ORDER_SYNC_MODES)[number]

const StatusLiteral = Type.Union(ORDER_CENTER_STATUSES.map((status) => Type.Literal(status)))

const SyncedState = Type.Object({
  recordId: Type.String(),
  status: StatusLiteral,
  /** Yuan strings, as sent. */
  amount: Type.Optional(Type.String()),
  payAmount: Type.Optional(Type.String()),
  discountAmount: Type.Optional(Type.String()),
  tradeNo: Type.Optional(Type.String()),
  trackingNo: Type.Optional(Type.String()),
  orderModifiedTime: Type.Optional(Type.String()),
  /** When the simulator accepted it (epoch ms). */
  syncedAt: Type.Integer(),
})
export type SyncedState = Static<typeof SyncedState>

export const OrderCenterEntry = Type.Object({
  appId: Type.String(),
  outBizNo: Type.String(),
  buyerId: Type.String(),
  /** The latest accepted state. */
  status: StatusLiteral,
  recordId: Type.String(),
  /** Every accepted sync, oldest first. */
  history: Type.Array(SyncedState),
  /** Syncs refused (ORDER_ERROR_STATUS, INVALID_PARAMETER…), oldest first. */
  refusals: Type.Array(Type.Object({ subCode: Type.String(), status: Type.Optional(Type.String()) })),
})
export type OrderCenterEntry = Static<typeof OrderCenterEntry>

export interface OrderCenterBook {
  mode: OrderSyncMode
  get(appId: string, outBizNo: string): OrderCenterEntry | undefined
  save(entry: OrderCenterEntry): void
  refuse(appId: string, outBizNo: string, subCode: string, status: string | undefined): void
  /** The out_biz_no a trade_no was synced with (each trade belongs to one order). */
  orderOfTrade(appId: string, tradeNo: string): string | undefined
}

const key = (appId: string, outBizNo: string) => `${appId}\u0000${outBizNo}`
const copy = (entry: OrderCenterEntry): OrderCenterEntry => structuredClone(entry)

export function createOrderCenterBook(): OrderCenterBook {
  const entries = new Map<string, OrderCenterEntry>()
  // Refusals of orders never accepted, kept until one is.
  const early = new Map<string, OrderCenterEntry['refusals']>()
  const tradeOrders = new Map<string, string>()
  return {
    mode: 'normal',
    get: (appId, outBizNo) => {
      const entry = entries.get(key(appId, outBizNo))
      return entry && copy(entry)
    },
    orderOfTrade: (appId, tradeNo) => tradeOrders.get(key(appId, tradeNo)),
    save(entry) {
      const id = key(entry.appId, entry.outBizNo)
      for (const state of entry.history)
        if (state.tradeNo) tradeOrders.set(key(entry.appId, state.tradeNo), entry.outBizNo)
      const refusals = early.get(id) ?? []
      early.delete(id)
      entries.set(id, copy({ ...entry, refusals: [...refusals, ...entry.refusals] }))
    },
    refuse(appId, outBizNo, subCode, status) {
      const id = key(appId, outBizNo)
      const entry = entries.get(id)
      if (entry) entry.refusals.push({ subCode, ...(status ? { status } : {}) })
      else early.set(id, [...(early.get(id) ?? []), { subCode, ...(status ? { status } : {}) }])
    },
  }
}

export const orderCenterRoutes: FastifyPluginAsyncTypebox<{
  book: OrderCenterBook
  defaultAppId: string
}> = async (app, { book, defaultAppId }) => {
  app.get(
    '/order-center/:outBizNo',
    {
      schema: {
        hide: true,
        params: Type.Object({ outBizNo: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ appId: Type.Optional(Type.String({ maxLength: 32 })) }),
        response: { 200: OrderCenterEntry, 400: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request) => {
      const { outBizNo } = request.params
      if (!MERCHANT_NUMBER.test(outBizNo)) throw new HttpError(400, 'bad_request', 'Not an out_biz_no.')
      const entry = book.get(request.query.appId ?? defaultAppId, outBizNo)
      if (!entry) throw new HttpError(404, 'not_found', `No order ${outBizNo} in the order center.`)
      return entry
    },
  )
}
