/**
 * Every change of a deposit's end (migration 015) as ONE conditional UPDATE: it happens only from
 * the state it expects, so two requests, a notify and a query racing each other change it once.
 * Each returns the row after the change, or undefined when the deposit was not in that state.
 */
import type { Queryable } from '../db/types'
import { DEPOSIT_COLUMNS, type DepositRow } from './deposits'

/** The numbers Alipay knows each step by, fixed per deposit: a retry always reuses them. */
export const chargeTradeNoOf = (depositId: string) => `${depositId}_P`
export const unfreezeRequestNoOf = (depositId: string) => `${depositId}_U`
/** A trade notify's out_trade_no that is a deposit's charge, not an order. */
export const isChargeTradeNo = (outTradeNo: string | undefined) => /^D[0-9]{8,32}_P$/.test(outTradeNo ?? '')

async function one(tx: Queryable, sql: string, params: unknown[]): Promise<DepositRow | undefined> {
  const [row] = await tx.query<DepositRow>(`${sql} returning ${DEPOSIT_COLUMNS}`, params)
  return row && { ...row, user_id: String(row.user_id) }
}

/** frozen → returning: the whole deposit is to be unfrozen. */
export const startReturn = (tx: Queryable, depositId: string) =>
  one(
    tx,
    `update deposits set status = 'returning', unfreeze_fen = amount_fen, unfreeze_request_no = $2
      where id = $1 and status = 'frozen'`,
    [depositId, unfreezeRequestNoOf(depositId)],
  )

/** frozen → charging: `chargeFen` is to be paid from the freeze, and the rest (if any) unfrozen after. */
export const startCharge = (tx: Queryable, depositId: string, chargeFen: number) =>
  one(
    tx,
    `update deposits set status = 'charging', charge_fen = $2, charge_out_trade_no = $3,
            unfreeze_fen = nullif(amount_fen - $2, 0),
            unfreeze_request_no = case when amount_fen > $2 then $4 end
      where id = $1 and status = 'frozen' and $2 <= amount_fen`,
    [depositId, chargeFen, chargeTradeNoOf(depositId), unfreezeRequestNoOf(depositId)],
  )

/** returning → frozen, for a return Alipay refused outright (nothing was unfrozen). */
export const cancelReturn = (tx: Queryable, depositId: string) =>
  one(
    tx,
    `update deposits set status = 'frozen', unfreeze_fen = null, unfreeze_request_no = null
      where id = $1 and status = 'returning' and charge_fen is null`,
    [depositId],
  )

/** charging → frozen, for a charge Alipay refused outright (no trade was made). */
export const cancelCharge = (tx: Queryable, depositId: string) =>
  one(
    tx,
    `update deposits set status = 'frozen', charge_fen = null, charge_out_trade_no = null,
            unfreeze_fen = null, unfreeze_request_no = null
      where id = $1 and status = 'charging'`,
    [depositId],
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
