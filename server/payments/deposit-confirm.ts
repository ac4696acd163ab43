/**
 * How a deposit's end is confirmed — only by Alipay (a 10000 is never proof):
 * - the payment from the freeze: its verified `trade_status_sync` notify (out_trade_no = the
 *   charge's, TRADE_SUCCESS, the charged amount), or alipay.trade.query;
 * - the unfreeze: its verified `fund_auth_unfreeze` notify (the deposit's out_order_no, auth_no,
 *   our out_request_no and amount, status SUCCESS), or alipay.fund.auth.operation.detail.query
 *   (operation_type UNFREEZE, status SUCCESS).
 * Once the payment is confirmed, the rest (if any) is unfrozen. On a read while a step is
 * unconfirmed, the query asks; a step Alipay has never heard of (the call was lost) is sent again
 * with the same number, and only a refusal of that resend cancels the step (→ frozen). A repeated
 * merchant click asks the same way (deposit-end.ts): an earlier send may have gone through with
 * its answer lost, and a refusal of a blind resend would cancel money that moved. Fields per AlipayDocs/open-docs mini/server-api/服务端 API 概览.md
 * (支付宝预授权 section) and the simulator that follows it (server/alipay-simulator/fund-auth.ts).
 */
import { fromChinaTime, yuanToFen } from '../alipay/wire-format'
import { findDeposit, findDepositByRequestNo, type DepositRow } from './deposits'
import { cancelCharge, cancelReturn, confirmCharge, confirmUnfreeze } from './deposit-transitions'
import { sendCharge, sendUnfreeze } from './deposit-send'
import { alipaySubCode, type PaymentDeps } from './deps'
import { Refusal, readTradeNotify, type NotifyFields } from './notify-fields'
import { isNotifyRecorded, isPaidStatus, recordNotify, TRADE_STATUSES } from './repository'

/** After the payment is confirmed: the rest goes back (best effort; a read retries). */
async function unfreezeRest(deps: PaymentDeps, row: DepositRow | undefined, notifyUrl: string) {
  if (row?.status !== 'returning') return
  const sent = await sendUnfreeze(deps, row, notifyUrl)
  if (sent.outcome === 'refused')
    deps.log.error(
      { depositId: row.id, subCode: sent.subCode },
      'Alipay refused to unfreeze the rest of a deposit',
    )
}

/** The trade notify of a deposit's charge (signature and app_id already checked by notify.ts). */
export async function handleChargeNotify(
  deps: PaymentDeps,
  fields: NotifyFields,
  notifyUrl: string,
): Promise<'handled' | Refusal> {
  const notify = readTradeNotify(fields)
  if (notify instanceof Refusal) return notify
  if (notify.sellerId !== deps.settings.sellerId)
    return new Refusal(`seller_id ${notify.sellerId} is not ours`)
  if (notify.refundRequestNo !== undefined) return new Refusal('a deposit charge is never refunded here')
  const deposit = await findDepositByRequestNo(deps.db, 'charge_out_trade_no', notify.outTradeNo)
  if (!deposit) return new Refusal(`no deposit charge ${notify.outTradeNo}`)
  if (notify.totalFen !== deposit.charge_fen)
    return new Refusal(`total_amount ${fields.total_amount} differs from deposit ${deposit.id}'s charge`)
  const status = TRADE_STATUSES.find((known) => known === notify.tradeStatus)
  if (!status) return new Refusal(`unknown trade_status ${notify.tradeStatus}`)
  if (await isNotifyRecorded(deps.db, notify.notifyId)) return 'handled' // a replay
  const confirmed = await deps.db.transaction(async (tx) => {
    const row = isPaidStatus(status)
      ? await confirmCharge(tx, deposit.id, notify.tradeNo, notify.paidAt)
      : undefined
    await recordNotify(tx, {
      notifyId: notify.notifyId,
      notifyType: 'trade_status_sync',
      subjectId: deposit.id,
      status,
    })
    return row
  })
  if (confirmed) deps.log.info({ depositId: deposit.id, tradeNo: notify.tradeNo }, 'deposit charged')
  await unfreezeRest(deps, confirmed, notifyUrl)
  return 'handled'
}

/** The fund_auth_unfreeze notify (signature and app_id already checked by notify.ts). */
export async function handleUnfreezeNotify(
  deps: PaymentDeps,
  fields: NotifyFields,
): Promise<'handled' | Refusal> {
  const required = ['notify_id', 'out_order_no', 'out_request_no', 'auth_no', 'amount', 'status']
  const missing = required.filter((name) => !fields[name])
  if (missing.length) return new Refusal(`missing ${missing.join(', ')}`)
  const deposit = await findDeposit(deps.db, fields.out_order_no)
  if (!deposit) return new Refusal(`no deposit ${fields.out_order_no}`)
  if (deposit.unfreeze_request_no === null || fields.out_request_no !== deposit.unfreeze_request_no)
    return new Refusal(`out_request_no is not deposit ${deposit.id}'s unfreeze`)
  if (fields.auth_no !== deposit.auth_no) return new Refusal(`auth_no is not deposit ${deposit.id}'s`)
  if (yuanToFen(fields.amount) !== deposit.unfreeze_fen)
    return new Refusal(`amount ${fields.amount} differs from deposit ${deposit.id}'s unfreeze`)
  if (await isNotifyRecorded(deps.db, fields.notify_id)) return 'handled'
  await deps.db.transaction(async (tx) => {
    const at = fromChinaTime(fields.gmt_trans) ?? new Date()
    if (fields.status === 'SUCCESS' && (await confirmUnfreeze(tx, deposit.id, at)))
      deps.log.info({ depositId: deposit.id }, 'deposit unfrozen')
    await recordNotify(tx, {
      notifyId: fields.notify_id,
      notifyType: 'fund_auth_unfreeze',
      subjectId: deposit.id,
      status: fields.status,
    })
  })
  return 'handled'
}

/**
 * A step Alipay refused (its sub_code), after which the step was cancelled (→ frozen); undefined
 * when the step stands (sent, confirmed, or still in doubt).
 */
export type Cancelled = string | undefined

/**
 * While `charging`: asks alipay.trade.query about the charge's out_trade_no. Not there: sends it
 * again (same number). TRADE_CLOSED: nothing was paid and Alipay keeps that number closed, so the
 * charge is cancelled (a new attempt gets a new number).
 */
export async function askAboutCharge(
  deps: PaymentDeps,
  row: DepositRow,
  notifyUrl: string,
): Promise<Cancelled> {
  let answer: { tradeStatus?: string; tradeNo?: string; totalAmount?: string }
  try {
    answer = await deps.alipay.exec('alipay.trade.query', { out_trade_no: row.charge_out_trade_no })
  } catch (error) {
    if (alipaySubCode(error) !== 'ACQ.TRADE_NOT_EXIST') throw error
    // Alipay never got the payment (the call was lost): send it again, same out_trade_no.
    const sent = await sendCharge(deps, row, notifyUrl)
    if (sent.outcome !== 'refused') return undefined
    deps.log.error({ depositId: row.id, subCode: sent.subCode }, 'Alipay refused a deposit charge')
    const cancelled = await deps.db.transaction((tx) => cancelCharge(tx, row.id, row.charge_out_trade_no))
    return cancelled ? sent.subCode : undefined
  }
  if (answer.tradeStatus === 'TRADE_CLOSED') {
    deps.log.error(
      { depositId: row.id },
      'Alipay closed the trade of a deposit charge; the charge is cancelled',
    )
    const cancelled = await deps.db.transaction((tx) => cancelCharge(tx, row.id, row.charge_out_trade_no))
    return cancelled ? 'TRADE_CLOSED' : undefined
  }
  const paid = answer.tradeStatus === 'TRADE_SUCCESS' || answer.tradeStatus === 'TRADE_FINISHED'
  if (!paid || !answer.tradeNo) return undefined
  if (yuanToFen(answer.totalAmount) !== row.charge_fen) {
    deps.log.error(
      { depositId: row.id, amount: answer.totalAmount },
      'charged amount differs from the request',
    )
    return undefined
  }
  const tradeNo = answer.tradeNo
  const confirmed = await deps.db.transaction((tx) => confirmCharge(tx, row.id, tradeNo, new Date()))
  await unfreezeRest(deps, confirmed, notifyUrl)
  return undefined
}

/**
 * While `returning`: asks alipay.fund.auth.operation.detail.query about our unfreeze. Not there:
 * sends it again (same number); a refusal then cancels a return (never the rest after a charge,
 * which stays `returning` for staff to look at).
 */
export async function askAboutUnfreeze(
  deps: PaymentDeps,
  row: DepositRow,
  notifyUrl: string,
): Promise<Cancelled> {
  let answer: { operationType?: string; status?: string; amount?: string }
  try {
    answer = await deps.alipay.exec('alipay.fund.auth.operation.detail.query', {
      out_order_no: row.id,
      out_request_no: row.unfreeze_request_no,
    })
  } catch (error) {
    if (alipaySubCode(error) !== 'AUTH_OPERATION_NOT_EXIST') throw error
    // Alipay never got the unfreeze: send it again, same out_request_no and amount.
    const sent = await sendUnfreeze(deps, row, notifyUrl)
    if (sent.outcome !== 'refused') return undefined
    deps.log.error({ depositId: row.id, subCode: sent.subCode }, 'Alipay refused a deposit unfreeze')
    const cancelled = await deps.db.transaction((tx) => cancelReturn(tx, row.id, row.unfreeze_request_no))
    return cancelled ? sent.subCode : undefined
  }
  if (answer.operationType !== 'UNFREEZE' || answer.status !== 'SUCCESS') return undefined
  if (yuanToFen(answer.amount) !== row.unfreeze_fen) {
    deps.log.error({ depositId: row.id, amount: answer.amount }, 'unfrozen amount differs from the request')
    return undefined
  }
  await deps.db.transaction((tx) => confirmUnfreeze(tx, row.id, new Date()))
  return undefined
}
