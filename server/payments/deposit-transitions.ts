/**
 * Every change of a deposit's end (migration 015) as ONE conditional UPDATE: it happens only from
 * the state it expects, so two requests, a notify and a query racing each other change it once.
 * Each returns the row after the change, or undefined when the deposit was not in that state.
 */
import type { Queryable } from '../db/types'
import { DEPOSIT_COLUMNS, type DepositRow } from './deposits'

/**
 * The numbers Alipay knows each step by: `<id>_P<n>` (the charge's out_trade_no) and `<id>_U<n>`
 * (the unfreeze's out_request_no), n = the deposit's end_attempt. They are recorded when an
 * attempt starts and every repeat of that attempt reuses them, so Alipay never moves money twice.
 * A cancelled attempt (Alipay refused it, or closed its trade) leaves its numbers to Alipay — it
 * keeps a closed trade under its out_trade_no — so the next attempt counts up and gets new ones.
 * The prefixes are here; the UPDATEs below append the attempt.
 */
const chargeTradeNoPrefix = (depositId: string) => `${depositId}_P`
const unfreezeRequestNoPrefix = (depositId: string) => `${depositId}_U`
/** A trade notify's out_trade_no that is a deposit's charge, not an order. */
export const isChargeTradeNo = (outTradeNo: string | undefined) =>
  /^D[0-9]{8,32}_P[0-9]{1,9}$/.test(outTradeNo ?? '')

async function one(tx: Queryable, sql: string, params: unknown[]): Promise<DepositRow | undefined> {
  const [row] = await tx.query<DepositRow>(`${sql} returning ${DEPOSIT_COLUMNS}`, params)
  return row && { ...row, user_id: String(row.user_id) }
}

/** frozen → returning: the whole deposit is to be unfrozen, as a new attempt with new numbers. */
export const startReturn = (tx: Queryable, depositId: string) =>
  one(
    tx,
    `update deposits set status = 'returning', end_attempt = end_attempt + 1, unfreeze_fen = amount_fen,
            unfreeze_request_no = $2::text || (end_attempt + 1)
      where id = $1 and status = 'frozen'`,
    [depositId, unfreezeRequestNoPrefix(depositId)],
  )

/** frozen → charging: `chargeFen` is to be paid from the freeze, and the rest (if any) unfrozen after. */
export const startCharge = (tx: Queryable, depositId: string, chargeFen: number) =>
  one(
    tx,
    `update deposits set status = 'charging', end_attempt = end_attempt + 1,
            charge_fen = $2, charge_out_trade_no = $3::text || (end_attempt + 1),
            unfreeze_fen = nullif(amount_fen - $2, 0),
            unfreeze_request_no = case when amount_fen > $2 then $4::text || (end_attempt + 1) end
      where id = $1 and status = 'frozen' and $2 <= amount_fen`,
    [depositId, chargeFen, chargeTradeNoPrefix(depositId), unfreezeRequestNoPrefix(depositId)],
  )

/**
 * returning → frozen, for a return Alipay refused outright (nothing was unfrozen). Only the attempt
 * that was refused (its out_request_no): a late refusal never cancels a newer attempt.
 */
export const cancelReturn = (tx: Queryable, depositId: string, unfreezeRequestNo: string | null) =>
  one(
    tx,
    `update deposits set status = 'frozen', unfreeze_fen = null, unfreeze_request_no = null
      where id = $1 and status = 'returning' and charge_fen is null and unfreeze_request_no = $2`,
    [depositId, unfreezeRequestNo],
  )

/**
 * charging → frozen, for a charge Alipay refused outright or whose trade it closed (nothing was
 * paid). Only the attempt in question (its out_trade_no).
 */
export const cancelCharge = (tx: Queryable, depositId: string, chargeOutTradeNo: string | null) =>
  one(
    tx,
    `update deposits set status = 'frozen', charge_fen = null, charge_out_trade_no = null,
            unfreeze_fen = null, unfreeze_request_no = null
      where id = $1 and status = 'charging' and charge_out_trade_no = $2`,
    [depositId, chargeOutTradeNo],
  )

/** charging → returning (the rest goes back next) or charged (nothing is left): Alipay confirmed the payment. */
export const confirmCharge = (tx: Queryable, depositId: string, tradeNo: string, at: Date) =>
  one(
    tx,
    `update deposits set status = case when unfreeze_fen is null then 'charged' else 'returning' end,
            charge_trade_no = $2, charged_at = $3::timestamptz
      where id = $1 and status = 'charging'`,
    [depositId, tradeNo, at.toISOString()],
  )

/** returning → returned (nothing charged) or charged: Alipay confirmed the unfreeze. */
export const confirmUnfreeze = (tx: Queryable, depositId: string, at: Date) =>
  one(
    tx,
    `update deposits set status = case when charge_fen is null then 'returned' else 'charged' end,
            unfrozen_at = $2::timestamptz
      where id = $1 and status = 'returning'`,
    [depositId, at.toISOString()],
  )
