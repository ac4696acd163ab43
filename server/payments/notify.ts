/**
 * POST /api/alipay/notify: Alipay's asynchronous notifications (no session: trust comes from the
 * signature alone). Form-encoded, parsed by a parser scoped to this plugin.
 *
 * A notify is acted on only when ALL of these hold, checked in this order (the official demo's
 * list): the RSA2 signature verifies with Alipay's public key (checkNotifySignV2, over the fields
 * exactly as sent); app_id is ours; the referenced order/deposit is ours; the amount equals ours;
 * for trades, seller_id is our merchant. Anything refused changes NOTHING and is answered `fail`
 * (Alipay retries; a forger learns nothing) with a warning in the log. Each notify_id is acted on
 * once; a replay answers `success` and changes nothing. Only TRADE_SUCCESS / TRADE_FINISHED pay,
 * and never a refund's notify.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { ServerConfig } from '../config'
import { publicOrigin } from '../http/public-urls'
import { handleChargeNotify, handleUnfreezeNotify } from './deposit-confirm'
import { isChargeTradeNo } from './deposit-transitions'
import { handleFreezeNotify } from './deposits'
import type { PaymentDeps } from './deps'
import { Refusal, parseNotifyForm, readTradeNotify, type NotifyFields } from './notify-fields'
import {
  findOrderForPayment,
  findPayment,
  isNotifyRecorded,
  isPaidStatus,
  recordNotify,
  setTradeStatus,
  TRADE_STATUSES,
} from './repository'
import { handleRefundNotify } from './refund-notify'
import { settlePaidTrade } from './settle'

/** Where Alipay posts notifies: the route below, under /api. */
export const notifyUrlFor = (config: ServerConfig) => `${publicOrigin(config)}/api/alipay/notify`

/** The body Alipay stops redelivering on: exactly these 7 characters. */
export const NOTIFY_SUCCESS = 'success'

type Handled = 'handled' | Refusal

async function handleTradeNotify(deps: PaymentDeps, fields: NotifyFields): Promise<Handled> {
  const notify = readTradeNotify(fields)
  if (notify instanceof Refusal) return notify
  if (notify.sellerId !== deps.settings.sellerId)
    return new Refusal(`seller_id ${notify.sellerId} is not ours`)
  const order = await findOrderForPayment(deps.db, notify.outTradeNo)
  if (!order) return new Refusal(`no order ${notify.outTradeNo}`)
  if (notify.totalFen !== order.totalFen) {
    return new Refusal(
      `total_amount ${fields.total_amount} differs from order ${order.id}'s ${order.totalFen} fen`,
    )
  }
  const payment = await findPayment(deps.db, order.id)
  if (payment && payment.tradeNo !== notify.tradeNo)
    return new Refusal(`trade_no is not order ${order.id}'s trade`)
  const status = TRADE_STATUSES.find((known) => known === notify.tradeStatus)
  if (!status) return new Refusal(`unknown trade_status ${notify.tradeStatus}`)

  if (await isNotifyRecorded(deps.db, notify.notifyId)) return 'handled' // a replay: nothing to do
  const record = {
    notifyId: notify.notifyId,
    notifyType: 'trade_status_sync',
    subjectId: order.id,
    status,
  }
  if (notify.refundRequestNo !== undefined) {
    // A refund's notify never settles an order or triggers another refund, whatever its
    // trade_status; it may record TRADE_CLOSED and confirm our refund (refund-notify.ts).
    await handleRefundNotify(deps, { ...record, notifyType: 'trade_refund' }, notify.refundRequestNo)
    return 'handled'
  }
  if (isPaidStatus(status)) {
    const trade = { orderId: order.id, tradeNo: notify.tradeNo, amountFen: notify.totalFen, status }
    await settlePaidTrade(deps, { ...trade, paidAt: notify.paidAt }, record)
    return 'handled'
  }
  // WAIT_BUYER_PAY or TRADE_CLOSED: worth knowing, never a payment.
  await deps.db.transaction(async (tx) => {
    // Only an open trade learns it closed: a late notify never rewinds a settled one.
    if (status === 'TRADE_CLOSED' && payment?.tradeStatus === 'WAIT_BUYER_PAY') {
      await setTradeStatus(tx, order.id, status)
    }
    await recordNotify(tx, record)
  })
  return 'handled'
}

function verified(deps: PaymentDeps, fields: NotifyFields): boolean {
  try {
    return deps.alipay.verifyNotify(fields)
  } catch {
    return false // a malformed signature is a failed one
  }
}

async function handleNotify(deps: PaymentDeps, body: unknown, notifyUrl: string): Promise<Handled> {
  if (typeof body !== 'string') return new Refusal('not an application/x-www-form-urlencoded body')
  const fields = parseNotifyForm(body)
  if (fields instanceof Refusal) return fields
  // checkNotifySignV2 picks the hash from the notify's own sign_type: accept RSA2 (SHA256) only,
  // so nobody can downgrade a notify to SHA1.
  if (fields.sign_type !== 'RSA2') return new Refusal(`sign_type ${fields.sign_type} is not RSA2`)
  if (!verified(deps, fields)) return new Refusal('signature does not verify with Alipay’s public key')
  if (fields.app_id !== deps.alipay.appId) return new Refusal(`app_id ${fields.app_id} is not ours`)
  // One URL receives every kind of notify: route on its type.
  if (fields.notify_type === 'trade_status_sync' && isChargeTradeNo(fields.out_trade_no))
    return handleChargeNotify(deps, fields, notifyUrl) // a payment from a deposit, not an order
  if (fields.notify_type === 'trade_status_sync') return handleTradeNotify(deps, fields)
  if (fields.notify_type === 'fund_auth_freeze') return handleFreezeNotify(deps, fields)
  if (fields.notify_type === 'fund_auth_unfreeze') return handleUnfreezeNotify(deps, fields)
  return new Refusal(`unexpected notify_type ${fields.notify_type}`)
}

export interface NotifyRoutesOptions {
  /** Undefined without an Alipay client: every notify is refused. */
  deps?: PaymentDeps
  /** This route's own URL (notifyUrlFor): follow-up calls (a deposit's unfreeze) name it too. */
  notifyUrl: string
}

export const notifyRoutes: FastifyPluginAsync<NotifyRoutesOptions> = async (app, { deps, notifyUrl }) => {
  // Scoped to this plugin: the rest of the API accepts JSON only. Kept as the raw string so the
  // fields reach the signature check exactly as Alipay sent them.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  )

  const answer = (reply: FastifyReply, status: number, text: string) =>
    reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(text)

  app.post('/alipay/notify', { schema: { hide: true } }, async (request, reply) => {
    if (!deps) return answer(reply, 503, 'fail')
    let handled: Handled
    try {
      handled = await handleNotify(deps, request.body, notifyUrl)
    } catch (error) {
      // Not refused, just not done (database or refund trouble): Alipay redelivers later.
      request.log.error({ err: error }, 'alipay notify failed; Alipay will redeliver it')
      return answer(reply, 500, 'fail')
    }
    if (handled instanceof Refusal) {
      request.log.warn({ reason: handled.reason }, 'alipay notify refused')
      return answer(reply, 400, 'fail')
    }
    return answer(reply, 200, NOTIFY_SUCCESS)
  })
}
