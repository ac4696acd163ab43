/**
 * The "your order has shipped" subscription message: built from a shipped order and sent through
 * `alipay.open.app.mini.templatemessage.send` (server/alipay/template-message.ts has the docs).
 *
 * Meant to run from a durable job after the ship (the outbox), never inside the merchant's
 * request: Alipay being slow or down must not fail a shipment. The outcome tells the job what to
 * do next:
 * - 'sent': Alipay accepted it; done;
 * - 'not_subscribed': Alipay refused it because the buyer holds no subscription (never offered,
 *   declined, or a one-time subscription already used); done, retrying cannot change that;
 * - 'not_configured': no template configured (ALIPAY_TEMPLATE_SHIPPED), nothing was sent; done;
 * - throws AlipayUnavailableError: no trustworthy answer (network, 20000, bad signature); retry
 *   later. Sending again after a lost answer may deliver twice; Alipay takes no idempotency key.
 * - throws AlipayBusinessError: our template setup is wrong (TEMPLATE_SETUP_SUB_CODES); retrying
 *   cannot help, an operator must fix the configuration.
 */
import { pageUrl } from '../../src/shared/routes'
import type { AlipayClient } from '../alipay/client'
import { isRefusal } from '../alipay/errors'
import {
  keywordData,
  TEMPLATE_MESSAGE_SEND_METHOD,
  TEMPLATE_SETUP_SUB_CODES,
} from '../alipay/template-message'
import { toChinaTime, type AlipayIdKind } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import { buyerFromRow, type UserRow } from '../session/repository'
import type { MessageSettings } from './settings'

export type ShippedMessageOutcome = 'sent' | 'not_subscribed' | 'not_configured'

/** What the message says, and to whom. */
export interface ShippedMessage {
  buyer: { kind: AlipayIdKind; id: string }
  orderId: string
  carrier: string
  trackingNo: string
  shippedAt: Date
}

const SETUP_SUB_CODES: ReadonlySet<string> = new Set(Object.values(TEMPLATE_SETUP_SUB_CODES))

/**
 * The page "进入小程序查看" opens: the order's page, as app.json names it (no leading slash) with
 * its query URL-encoded as Alipay's FAQ advises (AlipayDocs/open-docs support/支付宝小程序/常见问题/
 * 实现模板消息带参跳转小程序.md), e.g. pages/order/detail/index?id%3D2024….
 */
export function shippedMessagePage(orderId: string): string {
  const [path, query] = pageUrl('order', { id: orderId }).slice(1).split('?')
  return query ? `${path}?${encodeURIComponent(query)}` : path
}

/**
 * The template's keywords, in the order they are chosen in the console (docs/ names them):
 * 1 order number, 2 carrier, 3 tracking number, 4 shipping time (China time).
 */
export function shippedMessageData(message: ShippedMessage): string {
  return JSON.stringify(
    keywordData([message.orderId, message.carrier, message.trackingNo, toChinaTime(message.shippedAt)]),
  )
}

export async function sendShippedMessage(
  client: AlipayClient,
  settings: MessageSettings,
  message: ShippedMessage,
): Promise<ShippedMessageOutcome> {
  const templateId = settings.templates.shipped
  if (!templateId) return 'not_configured'
  try {
    await client.exec(TEMPLATE_MESSAGE_SEND_METHOD, {
      [message.buyer.kind === 'user_id' ? 'to_user_id' : 'to_open_id']: message.buyer.id,
      user_template_id: templateId,
      page: shippedMessagePage(message.orderId),
      data: shippedMessageData(message),
    })
    return 'sent'
  } catch (error) {
    // 40004 is Alipay's verified "no" to this message; only our own setup mistakes are errors.
    // A "system error, try again" is no answer: it goes back to the outbox to be retried.
    if (isRefusal(error) && error.code === '40004' && !SETUP_SUB_CODES.has(error.subCode ?? ''))
      return 'not_subscribed'
    throw error
  }
}

/** An order's shipped message, from the database; undefined for an order with no shipment. */
export async function loadShippedMessage(
  db: Queryable,
  orderId: string,
): Promise<ShippedMessage | undefined> {
  const [row] = await db.query<
    UserRow & {
      order_id: string
      carrier: string | null
      tracking_no: string | null
      shipped_at: Date | string | null
    }
  >(
    `select u.id::text, u.alipay_user_id, u.alipay_open_id,
            o.id as order_id, o.carrier, o.tracking_no, o.shipped_at
       from orders o join users u on u.id = o.user_id
      where o.id = $1`,
    [orderId],
  )
  if (!row || !row.carrier || !row.tracking_no || !row.shipped_at) return undefined
  const { alipay } = buyerFromRow(row)
  return {
    buyer: { kind: alipay.kind, id: alipay.value },
    orderId: row.order_id,
    carrier: row.carrier,
    trackingNo: row.tracking_no,
    shippedAt: new Date(row.shipped_at),
  }
}

/**
 * What the outbox's handler calls with the order id it stored when the order shipped: loads the
 * shipment and sends it ('not_shipped', nothing sent, for an order without a shipment). An order
 * received or completed meanwhile still gets its message: it did ship.
 */
export async function sendShippedMessageForOrder(
  db: Queryable,
  client: AlipayClient,
  settings: MessageSettings,
  orderId: string,
): Promise<ShippedMessageOutcome | 'not_shipped'> {
  if (!settings.templates.shipped) return 'not_configured'
  const message = await loadShippedMessage(db, orderId)
  return message ? sendShippedMessage(client, settings, message) : 'not_shipped'
}
