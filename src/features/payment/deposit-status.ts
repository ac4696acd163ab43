import type { Deposit } from '@contract'
import type { MessageKey, MessageParams } from '../../shared/i18n'
import { formatFen } from '../../shared/money'

/** One line the deposit page shows: a subpackage text and its amounts, already formatted. */
export interface DepositLine {
  key: MessageKey
  params?: MessageParams
}

/**
 * What the deposit page says about a deposit in each state, with its amounts: the frozen
 * deposit, and at the end of the rental what is charged for damage and what goes back. `…ing`
 * states are the shop's requests Alipay has not confirmed yet.
 */
export function depositLines(deposit: Deposit): DepositLine[] {
  const amount = formatFen(deposit.amount)
  const charge = formatFen(deposit.chargeAmount ?? 0)
  const back = formatFen(deposit.returnAmount ?? 0)
  // At the end of a rental, what the amounts are out of.
  const total: DepositLine = { key: 'deposit.amount', params: { amount } }
  switch (deposit.status) {
    case 'awaiting_freeze':
      return [{ key: 'deposit.status.awaiting_freeze' }, { key: 'deposit.amount', params: { amount } }]
    case 'frozen':
      return [
        { key: 'deposit.status.frozen' },
        { key: 'deposit.frozenAmount', params: { amount } },
        { key: 'deposit.endHint' },
      ]
    case 'closed':
      return [{ key: 'deposit.status.closed' }]
    case 'charging':
      return [{ key: 'deposit.status.charging', params: { charge } }, total]
    case 'returning':
      return deposit.chargeAmount === undefined
        ? [{ key: 'deposit.status.returning', params: { back } }, total]
        : [{ key: 'deposit.status.returningAfterCharge', params: { charge, back } }, total]
    case 'returned':
      return [{ key: 'deposit.status.returned', params: { back } }, total]
    case 'charged':
      return deposit.returnAmount === undefined
        ? [{ key: 'deposit.status.chargedAll', params: { charge } }, total]
        : [{ key: 'deposit.status.charged', params: { charge, back } }, total]
  }
}

/** The rental is over (or never started): nothing will change any more. */
export const isDepositFinal = (deposit: Deposit) =>
  deposit.status === 'returned' || deposit.status === 'charged' || deposit.status === 'closed'
