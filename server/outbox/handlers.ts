/**
 * Which handler runs each outbox kind (worker.ts). Adding a kind is one entry here plus an
 * enqueueOutbox(tx, { kind, aggregateId, payload }) in the transaction of the change it reports.
 * A kind without a handler here stays pending (nothing is lost; an instance that has it runs it).
 */
import type { AlipayClient } from '../alipay/client'
import type { Queryable } from '../db/types'
import { SHIPPED_MESSAGE_KIND, shippedMessageHandler } from '../messages/outbox'
import type { MessageSettings } from '../messages/settings'
import { discardOrderSync, orderSyncHandler } from '../order-center/handler'
import { ORDER_SYNC_KIND } from '../order-center/record'
import type { OutboxSettings } from './settings'
import type { OutboxHandler, OutboxHandlers } from './worker'

export interface OutboxHandlerDeps {
  settings: OutboxSettings
  /** The database the handlers read from (a shipped message reads its shipment). */
  db: Queryable
  /** ALIPAY_TEMPLATE_SHIPPED and friends (server/messages/settings.ts). */
  messages: MessageSettings
  /** Absent without Alipay (tests of other parts): Alipay jobs then wait. */
  alipay?: AlipayClient
}

export function outboxHandlers({ settings, db, messages, alipay }: OutboxHandlerDeps): OutboxHandlers {
  const handlers = new Map<string, OutboxHandler>()
  if (alipay) {
    handlers.set(ORDER_SYNC_KIND, settings.orderSync ? orderSyncHandler(alipay) : discardOrderSync)
    handlers.set(SHIPPED_MESSAGE_KIND, shippedMessageHandler(db, alipay, messages))
  }
  return handlers
}
