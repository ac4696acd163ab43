/**
 * Sending a step of a deposit's end to Alipay: the unfreeze (alipay.fund.auth.order.unfreeze) and
 * the payment from the freeze (alipay.trade.pay, product_code PREAUTH_PAY). Shared by the
 * merchant's first send (deposit-end.ts) and the resend after Alipay said it never got the call
 * (deposit-confirm.ts). Sources: AlipayDocs/open-docs mini/server-api/服务端 API 概览.md
 * (支付宝预授权: unfreeze https://opendocs.alipay.com/mini/02f1pm, trade.pay
 * https://opendocs.alipay.com/mini/02cth5?scene=34).
 */
import { fenToYuan, idField } from '../alipay/wire-format'
import type { Queryable } from '../db/types'
import { buyerFromRow, type UserRow } from '../session/repository'
import type { DepositRow } from './deposits'
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
/**
 * Sub codes with which Alipay refuses a payment from a freeze outright: nothing was paid under
 * this out_trade_no. ACQ.TRADE_HAS_CLOSE: the trade of that number is closed, and Alipay keeps it
 * closed (a new attempt needs a new number: deposit-transitions.ts).
 */
const CHARGE_REFUSALS = new Set([
  'ACQ.INVALID_PARAMETER',
  'ACQ.AUTH_NO_ERROR',
  'ACQ.AUTH_AMOUNT_NOT_ENOUGH',
  'ACQ.AUTH_ORDER_HAS_FINISHED',
  'ACQ.AUTH_ORDER_HAS_CLOSED',
  'ACQ.PRE_AUTH_PROD_CODE_INCONSISTENT',
  'ACQ.ACCESS_FORBIDDEN',
  'ACQ.TRADE_HAS_CLOSE',
])

/** What a call came to: sent (Alipay will confirm, or already did), refused outright, or unknown. */
export type Sent = { outcome: 'sent' } | { outcome: 'refused'; subCode: string } | { outcome: 'in_doubt' }

export async function sendUnfreeze(deps: PaymentDeps, row: DepositRow, notifyUrl: string): Promise<Sent> {
  // Nothing to give back (the whole deposit was charged), or not a step in progress.
  if (row.unfreeze_fen === null || row.unfreeze_request_no === null || row.auth_no === null)
    return { outcome: 'sent' }
  try {
    await deps.alipay.exec(
      'alipay.fund.auth.order.unfreeze',
      {
        auth_no: row.auth_no,
        out_request_no: row.unfreeze_request_no,
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
  if (row.charge_fen === null || row.charge_out_trade_no === null || row.auth_no === null)
    return { outcome: 'sent' }
  try {
    await deps.alipay.exec(
      'alipay.trade.pay',
      {
        out_trade_no: row.charge_out_trade_no,
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
