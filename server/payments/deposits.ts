/**
 * Pre-authorization demo: a deposit frozen on the buyer's Alipay balance while they rent an item
 * (alipay.fund.auth.order.app.freeze). The server signs the request itself (sdkExecute → orderStr,
 * opened with my.tradePay({ orderStr })); the freeze is only believed from Alipay: a verified
 * fund_auth_freeze notify, or alipay.fund.auth.operation.detail.query on read.
 */
import type { Deposit } from '../../contract'
import type { Queryable } from '../db/types'
import type { Language } from '../http/language'
import { newOrderNumber } from '../orders/order-number'
import type { PaymentDeps } from './deps'
import { fenToYuan, yuanToFen } from '../alipay/wire-format'
import { Refusal, payerOf, readFreezeNotify, type AlipayId, type NotifyFields } from './notify-fields'
import { isNotifyRecorded, recordNotify } from './repository'

/** What can be rented, and the deposit each needs (fen). Server-side: the client only names one. */
export const RENTABLE_ITEMS = [
  { id: 'power-bank', zh: '充电宝租借押金', en: 'Power bank rental deposit', amountFen: 9900 },
  { id: 'umbrella', zh: '雨伞租借押金', en: 'Umbrella rental deposit', amountFen: 3000 },
  { id: 'camping-tent', zh: '露营帐篷租借押金', en: 'Camping tent rental deposit', amountFen: 50000 },
] as const
export type RentableItem = (typeof RENTABLE_ITEMS)[number]

export const findRentableItem = (itemId: string): RentableItem | undefined =>
  RENTABLE_ITEMS.find((item) => item.id === itemId)

export interface DepositRow {
  id: string
  user_id: string
  item_id: string
  title: string
  amount_fen: number
  status: Deposit['status']
  created_at: Date
  frozen_at: Date | null
  auth_no: string | null
  payer_kind: 'user_id' | 'open_id' | null
  payer_id: string | null
  // The end of the rental (deposit-end.ts, migration 015).
  charge_fen: number | null
  charge_out_trade_no: string | null
  charged_at: Date | null
  unfreeze_fen: number | null
  unfreeze_request_no: string | null
  unfrozen_at: Date | null
}

export const DEPOSIT_COLUMNS = `id, user_id, item_id, title, amount_fen, status, created_at, frozen_at, auth_no,
  payer_kind, payer_id,
  charge_fen, charge_out_trade_no, charged_at, unfreeze_fen, unfreeze_request_no, unfrozen_at`

const iso = (at: Date) => new Date(at).toISOString()

export function toDeposit(row: DepositRow, lang: Language): Deposit {
  const item = findRentableItem(row.item_id)
  return {
    id: row.id,
    title: item ? (lang === 'en' ? item.en : item.zh) : row.title,
    amount: row.amount_fen,
    status: row.status,
    createdAt: iso(row.created_at),
    ...(row.frozen_at ? { frozenAt: iso(row.frozen_at) } : {}),
    ...(row.charge_fen !== null ? { chargeAmount: row.charge_fen } : {}),
    ...(row.unfreeze_fen !== null ? { returnAmount: row.unfreeze_fen } : {}),
    ...(row.status === 'returned' || row.status === 'charged'
      ? { endedAt: iso(row.unfrozen_at ?? row.charged_at ?? row.created_at) }
      : {}),
  }
}

export async function createDeposit(db: Queryable, userId: string, item: RentableItem): Promise<DepositRow> {
  const [row] = await db.query<DepositRow>(
    `insert into deposits (id, user_id, item_id, title, amount_fen, status)
     values ($1, $2, $3, $4, $5, 'awaiting_freeze') returning ${DEPOSIT_COLUMNS}`,
    [`D${newOrderNumber()}`, userId, item.id, item.zh, item.amountFen],
  )
  return row
}

export async function findDeposit(db: Queryable, depositId: string): Promise<DepositRow | undefined> {
  const [row] = await db.query<DepositRow>(`select ${DEPOSIT_COLUMNS} from deposits where id = $1`, [
    depositId,
  ])
  return row && { ...row, user_id: String(row.user_id) }
}

/** The deposit a charge's out_trade_no or an unfreeze's out_request_no belongs to. */
export async function findDepositByRequestNo(
  db: Queryable,
  column: 'charge_out_trade_no' | 'unfreeze_request_no',
  requestNo: string,
): Promise<DepositRow | undefined> {
  const [row] = await db.query<DepositRow>(`select ${DEPOSIT_COLUMNS} from deposits where ${column} = $1`, [
    requestNo,
  ])
  return row && { ...row, user_id: String(row.user_id) }
}

async function markFrozen(
  tx: Queryable,
  depositId: string,
  authNo: string,
  frozenAt: Date,
  payer: AlipayId | undefined,
): Promise<boolean> {
  const rows = await tx.query(
    `update deposits set status = 'frozen', auth_no = $2, frozen_at = $3::timestamptz,
            payer_kind = $4, payer_id = $5
      where id = $1 and status = 'awaiting_freeze' returning id`,
    [depositId, authNo, frozenAt.toISOString(), payer?.kind ?? null, payer?.id ?? null],
  )
  return rows.length === 1
}

/** The signed orderStr for my.tradePay. out_order_no = out_request_no = the deposit id. */
export function freezeOrderStr(deps: PaymentDeps, deposit: DepositRow, notifyUrl: string): string {
  return deps.alipay.sdkExecute(
    'alipay.fund.auth.order.app.freeze',
    {
      out_order_no: deposit.id,
      out_request_no: deposit.id,
      order_title: deposit.title,
      amount: fenToYuan(deposit.amount_fen),
      product_code: 'PRE_AUTH_ONLINE',
    },
    { notify_url: notifyUrl },
  )
}

/** The fund_auth_freeze notify (signature and app_id already checked by notify.ts). */
export async function handleFreezeNotify(
  deps: PaymentDeps,
  fields: NotifyFields,
): Promise<'handled' | Refusal> {
  const notify = readFreezeNotify(fields)
  if (notify instanceof Refusal) return notify
  const deposit = await findDeposit(deps.db, notify.outOrderNo)
  if (!deposit) return new Refusal(`no deposit ${notify.outOrderNo}`)
  if (notify.outRequestNo !== deposit.id) return new Refusal(`out_request_no is not deposit ${deposit.id}'s`)
  if (notify.amountFen !== deposit.amount_fen) {
    return new Refusal(
      `amount ${fields.amount} differs from deposit ${deposit.id}'s ${deposit.amount_fen} fen`,
    )
  }
  if (await isNotifyRecorded(deps.db, notify.notifyId)) return 'handled' // a replay
  await deps.db.transaction(async (tx) => {
    if (
      notify.status === 'SUCCESS' &&
      (await markFrozen(tx, deposit.id, notify.authNo, notify.frozenAt, notify.payer))
    ) {
      deps.log.info({ depositId: deposit.id, authNo: notify.authNo }, 'deposit frozen')
    }
    await recordNotify(tx, {
      notifyId: notify.notifyId,
      notifyType: 'fund_auth_freeze',
      subjectId: deposit.id,
      status: notify.status,
    })
  })
  return 'handled'
}

/** Asks Alipay about the freeze and records it when Alipay says it happened; throws when it cannot ask. */
export async function askAboutFreeze(deps: PaymentDeps, deposit: DepositRow): Promise<void> {
  const result = await deps.alipay.exec<{
    status?: string
    amount?: string
    authNo?: string
    payerUserId?: string
    payerOpenId?: string
  }>('alipay.fund.auth.operation.detail.query', { out_order_no: deposit.id, out_request_no: deposit.id })
  if (result.status !== 'SUCCESS' || !result.authNo) return
  if (yuanToFen(result.amount) !== deposit.amount_fen) {
    deps.log.error({ depositId: deposit.id, amount: result.amount }, 'frozen amount differs from the deposit')
    return
  }
  const payer = payerOf(result.payerUserId, result.payerOpenId)
  await deps.db.transaction((tx) => markFrozen(tx, deposit.id, result.authNo ?? '', new Date(), payer))
}
