/**
 * The end of a rental, decided by the merchant (server/merchant/deposits-plugin.ts):
 * - return: alipay.fund.auth.order.unfreeze of the whole deposit;
 * - damage: alipay.trade.pay from the freeze (product_code PREAUTH_PAY, auth_no, the buyer's id,
 *   auth_confirm_mode NOT_COMPLETE), then an unfreeze of the rest once the payment is confirmed.
 * Sources: AlipayDocs/open-docs mini/server-api/服务端 API 概览.md (支付宝预授权: unfreeze
 * https://opendocs.alipay.com/mini/02f1pm, trade.pay https://opendocs.alipay.com/mini/02cth5?scene=34,
 * detail query https://opendocs.alipay.com/mini/02f0g1).
 *
 * NOT_COMPLETE, not COMPLETE: with COMPLETE Alipay unfreezes the rest itself and no unfreeze of
 * ours exists to confirm; our own unfreeze has an out_request_no, a notify and a query, so "the
 * rest is back" is confirmed like a return.
 *
 * Each step is recorded first (deposit-transitions.ts) with its attempt's out_trade_no /
 * out_request_no, then sent; a 10000 proves nothing (the step is done only when the notify or
 * the query says so: deposit-confirm.ts). Repeating a request asks Alipay first, as a read does
 * (an earlier send may have gone through with its answer lost), and sends again, with the same
 * numbers, only what Alipay never got; only a refusal of that send cancels the step.
 */
import type { DepositStatus } from '../../contract'
import type { Queryable } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { audit } from '../staff/repository'
import { askAboutCharge, askAboutUnfreeze, type Cancelled } from './deposit-confirm'
import { sendCharge, sendUnfreeze } from './deposit-send'
import { findDeposit, type DepositRow } from './deposits'
import { cancelCharge, cancelReturn, startCharge, startReturn } from './deposit-transitions'
import type { PaymentDeps } from './deps'

/** The row as it stands; it exists (the caller found it before). */
async function reread(deps: PaymentDeps, depositId: string): Promise<DepositRow> {
  const row = await findDeposit(deps.db, depositId)
  if (!row) throw notFound(`No deposit ${depositId}.`)
  return row
}

const notEndable = (id: string, status: DepositStatus, wanted: string) =>
  new HttpError(409, 'deposit_not_endable', `Deposit ${id} is ${status}; it cannot be ${wanted} now.`)

const refused = (id: string, step: string, subCode: string) =>
  new HttpError(
    409,
    'alipay_refused',
    `Alipay refused the ${step} of deposit ${id} (${subCode}); nothing changed.`,
  )

const auditState = (row: DepositRow) => ({
  status: row.status,
  chargeFen: row.charge_fen,
  unfreezeFen: row.unfreeze_fen,
})

/**
 * A repeated click while the step is unconfirmed: ask Alipay like a read (deposit-confirm.ts).
 * A step cancelled on Alipay's refusal is the merchant's 409; an unreachable Alipay leaves the
 * step as it is (the next read asks again).
 */
async function askOnRepeat(
  deps: PaymentDeps,
  depositId: string,
  step: string,
  ask: () => Promise<Cancelled>,
): Promise<DepositRow> {
  let cancelled: Cancelled
  try {
    cancelled = await ask()
  } catch (error) {
    deps.log.warn({ err: error, depositId }, `could not ask Alipay about a deposit's ${step}; it stays`)
    return reread(deps, depositId)
  }
  if (cancelled !== undefined) throw refused(depositId, step, cancelled)
  return reread(deps, depositId)
}

/** Runs one transition and, when it happened, its audit entry, in one transaction. */
function startAudited(
  deps: PaymentDeps,
  staffId: string,
  action: 'deposit.return' | 'deposit.charge',
  before: DepositRow,
  transition: (tx: Queryable) => Promise<DepositRow | undefined>,
): Promise<DepositRow | undefined> {
  return deps.db.transaction(async (tx) => {
    const row = await transition(tx)
    if (row) {
      const target = { type: 'deposit', id: before.id }
      await audit(tx, { staffId, action, target, before: auditState(before), after: auditState(row) })
    }
    return row
  })
}

/**
 * POST …/return: the whole deposit back. Again while `returning` asks Alipay about the unfreeze
 * (and sends it again, same number, only if Alipay never got it); once `returned` answers the
 * deposit as it is.
 */
export async function returnDeposit(
  deps: PaymentDeps,
  depositId: string,
  staffId: string,
  notifyUrl: string,
): Promise<DepositRow> {
  const before = await reread(deps, depositId)
  const started = await startAudited(deps, staffId, 'deposit.return', before, (tx) =>
    startReturn(tx, depositId),
  )
  const row = started ?? (await reread(deps, depositId))
  if (!started) {
    if (row.status === 'returned') return row
    if (row.status !== 'returning' || row.charge_fen !== null)
      throw notEndable(depositId, row.status, 'returned')
    return askOnRepeat(deps, depositId, 'unfreeze', () => askAboutUnfreeze(deps, row, notifyUrl))
  }
  // A new attempt: its numbers are new, so Alipay has not seen them and a refusal is final.
  const sent = await sendUnfreeze(deps, row, notifyUrl)
  if (sent.outcome === 'refused') {
    deps.log.error({ depositId, subCode: sent.subCode }, 'Alipay refused to unfreeze a deposit')
    await deps.db.transaction((tx) => cancelReturn(tx, depositId, row.unfreeze_request_no))
    throw refused(depositId, 'unfreeze', sent.subCode)
  }
  return reread(deps, depositId)
}

/**
 * POST …/charge: `chargeFen` (1 … the deposit) taken for damage, then the rest back. Again with
 * the same amount asks Alipay about the payment (or, once it is confirmed, the unfreeze of the
 * rest) and sends it again only if Alipay never got it; another amount is a conflict.
 */
export async function chargeDeposit(
  deps: PaymentDeps,
  depositId: string,
  staffId: string,
  chargeFen: number,
  notifyUrl: string,
): Promise<DepositRow> {
  const before = await reread(deps, depositId)
  if (chargeFen > before.amount_fen) {
    throw new HttpError(
      400,
      'charge_exceeds_deposit',
      `A charge of ${chargeFen} fen is more than deposit ${depositId}'s ${before.amount_fen} fen.`,
    )
  }
  const started = await startAudited(deps, staffId, 'deposit.charge', before, (tx) =>
    startCharge(tx, depositId, chargeFen),
  )
  const row = started ?? (await reread(deps, depositId))
  if (!started) {
    const sameCharge = row.charge_fen === chargeFen
    if (sameCharge && row.status === 'charged') return row
    if (sameCharge && row.status === 'returning')
      return askOnRepeat(deps, depositId, 'unfreeze', () => askAboutUnfreeze(deps, row, notifyUrl))
    if (!sameCharge || row.status !== 'charging')
      throw notEndable(depositId, row.status, `charged ${chargeFen} fen`)
    return askOnRepeat(deps, depositId, 'charge', () => askAboutCharge(deps, row, notifyUrl))
  }
  // A new attempt with new numbers: a refusal is final.
  const sent = await sendCharge(deps, row, notifyUrl)
  if (sent.outcome === 'refused') {
    deps.log.error({ depositId, subCode: sent.subCode }, 'Alipay refused a payment from a deposit')
    await deps.db.transaction((tx) => cancelCharge(tx, depositId, row.charge_out_trade_no))
    throw refused(depositId, 'charge', sent.subCode)
  }
  return reread(deps, depositId)
}
