/**
 * The "shipped" message as an outbox job: enqueued in the transaction that ships the order (so a
 * shipment always gets its job, and a rolled-back one none), sent later by the worker, so Alipay
 * being slow or down never fails a shipment. Outcomes (shipped.ts): sent, not subscribed, not
 * configured and not shipped are all final; no trustworthy answer is retried with the outbox's
 * backoff; a template setup error fails the job for good, kept with its error for an operator.
 */
import type { AlipayClient } from '../alipay/client'
import { isRefusal } from '../alipay/errors'
import type { Queryable } from '../db/types'
import { enqueueOutbox } from '../outbox/queue'
import { PermanentJobError, type OutboxHandler } from '../outbox/worker'
import type { MessageSettings } from './settings'
import { sendShippedMessageForOrder } from './shipped'

/** The outbox kind of "shipped" subscription messages. */
export const SHIPPED_MESSAGE_KIND = 'alipay.shipped.message'

/** One job per shipment; the order id is all it needs (the shipment is read when it is sent). */
export function enqueueShippedMessage(tx: Queryable, orderId: string): Promise<string> {
  return enqueueOutbox(tx, { kind: SHIPPED_MESSAGE_KIND, aggregateId: orderId, payload: { orderId } })
}

export function shippedMessageHandler(
  db: Queryable,
  client: AlipayClient,
  settings: MessageSettings,
): OutboxHandler {
  return async (job) => {
    try {
      await sendShippedMessageForOrder(db, client, settings, String(job.payload.orderId))
    } catch (error) {
      if (isRefusal(error)) throw new PermanentJobError(error.message, { cause: error })
      throw error
    }
  }
}
