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
 * Each step is recorded first (deposit-transitions.ts) with its fixed out_trade_no /
 * out_request_no, then sent; a 10000 proves nothing (the step is done only when the notify or
 * the query says so: deposit-confirm.ts). Repeating a request re-sends the same numbers, which
 * Alipay answers without moving money twice.
 */
import type { DepositStatus } from '../../contract'
import { fenToYuan, idField } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { buyerFromRow, type UserRow } from '../session/repository'
import { audit } from '../staff/repository'
import { findDeposit, type DepositRow } from './deposits'
import {
  cancelCharge,
  cancelReturn,
  chargeTradeNoOf,
  startCharge,
  startReturn,
  unfreezeRequestNoOf,
} from './deposit-transitions'
import { alipaySubCode, type PaymentDeps } from './deps'

/** Sub codes with which Alipay refuses an unfreeze outright: nothing was unfrozen. */
const UNFREEZE_REFUSALS = new Set([
  'ILLEGAL_ARGUMENT',
  'AUTH_ORDER_NOT_EXIST',
  'REQUEST_AMOUNT_EXCEED',
  'ORDER_ALREADY_FINISH',
  'ORDER_ALREADY_CLOSED',
  'UNIQUE_VIOLATION',
])
/** Sub codes with which Alipay refuses a payment from a freeze outright: no trade was made. */
const CHARGE_REFUSALS = new Set([
  'ACQ.INVALID_PARAMETER',
  'ACQ.AUTH_NO_ERROR',
  'ACQ.AUTH_AMOUNT_NOT_ENOUGH',
  'ACQ.AUTH_ORDER_HAS_FINISHED',
  'ACQ.AUTH_ORDER_HAS_CLOSED',
  'ACQ.PRE_AUTH_PROD_CODE_INCONSISTENT',
  'ACQ.ACCESS_FORBIDDEN',
])

/** What a call came to: sent (Alipay will confirm, or already did), refused outright, or unknown. */
export type Sent = { outcome: 'sent' } | { outcome: 'refused'; subCode: string } | { outcome: 'in_doubt' }

export async function sendUnfreeze(deps: PaymentDeps, row: DepositRow, notifyUrl: string): Promise<Sent> {
  if (row.unfreeze_fen === null || row.auth_no === null) return { outcome: 'sent' } // nothing to give back
  try {
    await deps.alipay.exec(
      'alipay.fund.auth.order.unfreeze',
      {
        auth_no: row.auth_no,
        out_request_no: row.unfreeze_request_no ?? unfreezeRequestNoOf(row.id),
        amount: fenToYuan(row.unfreeze_fen),
        remark: row.charge_fen === null ? '租借结束，退还押金' : '扣除损坏赔偿后退还剩余押金',
      },
      { notify_url: notifyUrl },
    )
    return { outcome: 'sent' }
  } catch (error) {
    const subCode = alipaySubCode(error)
    if (subCode !== undefined && UNFREEZE_REFUSALS.has(subCode)) return { outcome: 'refused', subCode }
    deps.log.warn({ err: error, depositId: row.id }, 'unfreeze not confirmed sent; the next read asks again')
    return { outcome: 'in_doubt' }
  }
}

/**
 * The buyer of a payment from the freeze: the freeze's payer as Alipay reported it (it must be the
 * same account); for a deposit frozen before that was stored, the renter's own Alipay id.
 */
async function buyerIdOf(db: Queryable, row: DepositRow): Promise<Record<string, string>> {
  if (row.payer_kind !== null && row.payer_id !== null)
    return idField('tradeBuyer', row.payer_kind, row.payer_id)
  const [user] = await db.query<UserRow>(
    'select id, alipay_user_id, alipay_open_id from users where id = $1',
    [row.user_id],
  )
  const { alipay } = buyerFromRow(user)
  return idField('tradeBuyer', alipay.kind, alipay.value)
}

export async function sendCharge(deps: PaymentDeps, row: DepositRow, notifyUrl: string): Promise<Sent> {
  if (row.charge_fen === null || row.auth_no === null) return { outcome: 'sent' }
  try {
    await deps.alipay.exec(
      'alipay.trade.pay',
      {
        out_trade_no: row.charge_out_trade_no ?? chargeTradeNoOf(row.id),
        total_amount: fenToYuan(row.charge_fen),
        subject: `${row.title}·损坏赔偿`,
        product_code: 'PREAUTH_PAY',
        auth_no: row.auth_no,
        auth_confirm_mode: 'NOT_COMPLETE',
        ...(await buyerIdOf(deps.db, row)),
      },
      { notify_url: notifyUrl },
    )
    return { outcome: 'sent' }
  } catch (error) {
    const subCode = alipaySubCode(error)
    // Already paid under this out_trade_no (an earlier try went through): the query confirms it.
    if (subCode === 'ACQ.TRADE_HAS_SUCCESS') return { outcome: 'sent' }
    if (subCode !== undefined && CHARGE_REFUSALS.has(subCode)) return { outcome: 'refused', subCode }
    deps.log.warn({ err: error, depositId: row.id }, 'charge not confirmed sent; the next read asks again')
    return { outcome: 'in_doubt' }
  }
}

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
 * POST …/return: the whole deposit back. Again while `returning` re-sends the same unfreeze;
 * once `returned` answers the deposit as it is.
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
  }
  const sent = await sendUnfreeze(deps, row, notifyUrl)
  if (sent.outcome === 'refused') {
    deps.log.error({ depositId, subCode: sent.subCode }, 'Alipay refused to unfreeze a deposit')
    await deps.db.transaction((tx) => cancelReturn(tx, depositId))
    throw refused(depositId, 'unfreeze', sent.subCode)
  }
  return reread(deps, depositId)
}

/**
 * POST …/charge: `chargeFen` (1 … the deposit) taken for damage, then the rest back. Again with
 * the same amount re-sends the same payment (or, once it is confirmed, the unfreeze of the rest);
 * another amount is a conflict.
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
    if (sameCharge && row.status === 'returning') {
      await sendUnfreeze(deps, row, notifyUrl) // the rest; confirmed by notify or query
      return reread(deps, depositId)
    }
    if (!sameCharge || row.status !== 'charging')
      throw notEndable(depositId, row.status, `charged ${chargeFen} fen`)
  }
  const sent = await sendCharge(deps, row, notifyUrl)
  if (sent.outcome === 'refused') {
    deps.log.error({ depositId, subCode: sent.subCode }, 'Alipay refused a payment from a deposit')
    await deps.db.transaction((tx) => cancelCharge(tx, depositId))
    throw refused(depositId, 'charge', sent.subCode)
  }
  return reread(deps, depositId)
}
