import type { Deposit } from '@contract'
import { useEffect, useRef, useState } from 'react'
import { t } from '../../shared/i18n'
import { describeError } from '../../shared/request'
import { pageUrl } from '../../shared/routes'
import { currentPaymentAdapter } from './adapters'
import { createDeposit, fetchDeposit } from './api'
import { browserReturnUrl } from './pay'
import { resultScreen, screenText } from './result-codes'
import { describePaymentError } from './usePayOrder'

/** Back from the browser cashier, the deposit page's URL carries these. */
export interface DepositReturn {
  depositId?: string
  resultCode?: string
}

/**
 * While the shop's charge or unfreeze waits for Alipay (seconds, usually), the page reads the
 * deposit again after these delays, then every last one; the button reads it at any time.
 */
export const DEPOSIT_POLL_MS = [1000, 2000, 4000, 8000, 15000] as const

/** The shop asked Alipay to charge or unfreeze, and Alipay's confirmation is due within seconds. */
export const isDepositEnding = (deposit: Deposit) =>
  deposit.status === 'charging' || deposit.status === 'returning'

/**
 * The pre-authorization demo (renting an item): the server signs an orderStr for
 * alipay.fund.auth.order.app.freeze, the cashier freezes the deposit, and the verified notify
 * (never the result code) marks it frozen, so the deposit is read from the server after each step.
 * The shop ends the rental (returns the deposit, or charges damage and returns the rest); the
 * page follows it by polling while a step is unconfirmed.
 */
export function useDeposit(returned: DepositReturn) {
  const [deposit, setDeposit] = useState<Deposit>()
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!returned.depositId) return
    if (returned.resultCode) setMessage(t(screenText(resultScreen(returned.resultCode).id, 'title')))
    fetchDeposit(returned.depositId).then(setDeposit, (error: unknown) => setMessage(describeError(error)))
    // Only a new return (another deposit id) asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [returned.depositId])

  // Polls while `charging` / `returning`; each answer (a new object) arms the next read.
  const polls = useRef(0)
  useEffect(() => {
    if (!deposit || !isDepositEnding(deposit)) {
      polls.current = 0
      return
    }
    const delay = DEPOSIT_POLL_MS[Math.min(polls.current, DEPOSIT_POLL_MS.length - 1)]
    const timer = setTimeout(() => {
      polls.current++
      fetchDeposit(deposit.id).then(setDeposit, () => setDeposit({ ...deposit }))
    }, delay)
    return () => clearTimeout(timer)
  }, [deposit])

  const checkAgain = async (depositId: string) => {
    setMessage(undefined)
    try {
      setDeposit(await fetchDeposit(depositId))
    } catch (error) {
      setMessage(describeError(error))
    }
  }

  const rent = async (itemId: string) => {
    setBusy(true)
    setMessage(undefined)
    try {
      // A surface that cannot pay must not leave a deposit behind.
      const adapter = currentPaymentAdapter()
      await adapter.ensureAvailable()
      const payment = await createDeposit(itemId)
      setDeposit(payment.deposit)
      const result = await adapter.pay(payment.invocation, {
        orderId: payment.deposit.id,
        resultUrl: browserReturnUrl(pageUrl('deposit', { depositId: payment.deposit.id })),
        simulatedCashierUrl: payment.simulatedCashierUrl,
      })
      setMessage(t(screenText(resultScreen(result.code).id, 'title')))
      setDeposit(await fetchDeposit(payment.deposit.id))
    } catch (error) {
      setMessage(describePaymentError(error))
    } finally {
      setBusy(false)
    }
  }

  /** Once the server has settled the deposit, the cashier's code has nothing more to say. */
  const settled = deposit !== undefined && deposit.status !== 'awaiting_freeze'
  return { deposit, message: settled ? undefined : message, busy, rent, checkAgain }
}
