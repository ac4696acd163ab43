/**
 * On read (the buyer's page polls, the merchant looks), a deposit waiting for Alipay asks it:
 * the freeze (deposits.ts), the charge or the unfreeze (deposit-confirm.ts). A lost notify is
 * recovered as for trades. Parallel reads of one deposit share one query, and reads ask at most
 * once per ALIPAY_QUERY_INTERVAL_MS across instances (query-throttle.ts); the others show what is
 * stored. Never fails the read: the stored state is the answer when Alipay is unreachable.
 */
import { sharedWhileRunning } from './concurrently'
import { askAboutCharge, askAboutUnfreeze } from './deposit-confirm'
import { askAboutFreeze, type DepositRow } from './deposits'
import type { PaymentDeps } from './deps'
import { askThrottled } from './query-throttle'

/** The states in which a deposit waits for Alipay's word. */
export const isWaitingForAlipay = (row: DepositRow) =>
  row.status === 'awaiting_freeze' || row.status === 'charging' || row.status === 'returning'

function question(deps: PaymentDeps, row: DepositRow, notifyUrl: string): (() => Promise<void>) | undefined {
  if (row.status === 'awaiting_freeze') return () => askAboutFreeze(deps, row)
  // A cancelled step (its refusal is logged by deposit-confirm.ts) shows as the deposit stands.
  if (row.status === 'charging') return async () => void (await askAboutCharge(deps, row, notifyUrl))
  if (row.status === 'returning') return async () => void (await askAboutUnfreeze(deps, row, notifyUrl))
  return undefined
}

export function refreshDeposit(deps: PaymentDeps, row: DepositRow, notifyUrl: string): Promise<void> {
  const ask = question(deps, row, notifyUrl)
  if (!ask) return Promise.resolve()
  return sharedWhileRunning(deps, `deposit:${row.id}`, async () => {
    try {
      await askThrottled(deps.db, deps.settings.queries, { kind: 'deposit', id: row.id }, ask)
    } catch (error) {
      deps.log.warn(
        { err: error, depositId: row.id },
        'could not ask Alipay about a deposit; showing it as stored',
      )
    }
  })
}
