import type {
  AfterSalesKind,
  AfterSalesReason,
  AfterSalesRequest,
  OrderStatus,
  ReturnShipmentInput,
} from '@contract'
import { useEffect, useRef, useState } from 'react'
import { t } from '../../shared/i18n'
import { usePagedList, type PagedList } from '../../shared/hooks/usePagedList'
import { useResource } from '../../shared/hooks/useResource'
import { isRequestError } from '../../shared/request'
import { confirmAction, showProblem } from '../../shared/ui'
import { fetchOrder } from '../orders'
import {
  cancelAfterSales,
  createAfterSales,
  fetchAfterSales,
  fetchAfterSalesPage,
  fetchOrderAfterSales,
  sendReturnShipment,
} from './api'
import { claimRows, estimateRefund, initialDraft, requestBody, type ClaimDraft } from './claim'
import { cleanParcel } from './return-shipment'

/** Orders that were paid: only they can have requests (a closed order never was). */
const PAID_STATUSES: readonly OrderStatus[] = ['paid', 'shipped', 'received', 'completed']

/**
 * An order's after-sales (its requests, the kinds allowed now), once the order is known to have
 * been paid. A new order status (receipt confirmed) asks again: it changes what is allowed.
 */
export function useOrderAfterSales(orderId: string, status: OrderStatus | undefined) {
  const paid = status !== undefined && PAID_STATUSES.includes(status)
  return useResource(`order-after-sales:${orderId}:${paid ? status : 'unpaid'}`, () =>
    paid ? fetchOrderAfterSales(orderId) : Promise.resolve(undefined),
  )
}

/** The buyer's requests, newest first, page by page. */
export function useAfterSalesList(): PagedList<AfterSalesRequest> {
  return usePagedList('after-sales', fetchAfterSalesPage)
}

/**
 * The apply form of one order: the order's lines with what each allows, the buyer's draft, and
 * submit. A refusal (e.g. another request took the units meanwhile) reloads the allowance and
 * keeps the draft, so the buyer sees the new bounds and the server's reason.
 */
export function useApplyAfterSales(orderId: string) {
  const source = useResource(`after-sales-apply:${orderId}`, async () => {
    const [order, allowance] = await Promise.all([fetchOrder(orderId), fetchOrderAfterSales(orderId)])
    return { order, kinds: allowance.kinds, rows: claimRows(order, allowance) }
  })
  const [draft, setDraft] = useState<ClaimDraft>({ quantities: {}, note: '' })
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<unknown>()
  const data = source.data

  // The first answer sets up the draft; later ones (after a refusal) leave the buyer's choices.
  const started = useRef(false)
  useEffect(() => {
    if (data && !started.current) {
      started.current = true
      setDraft(initialDraft(data.rows, data.kinds))
    }
  }, [data])

  const edit = (change: (previous: ClaimDraft) => Partial<ClaimDraft>) => {
    setSubmitError(undefined)
    setDraft((previous) => ({ ...previous, ...change(previous) }))
  }
  const body = data ? requestBody(data.rows, draft, data.kinds) : undefined

  async function submit(): Promise<AfterSalesRequest | undefined> {
    if (!body || submitting) return undefined
    setSubmitting(true)
    setSubmitError(undefined)
    try {
      return await createAfterSales(orderId, body)
    } catch (failure) {
      setSubmitError(failure)
      if (isRequestError(failure) && failure.kind === 'client') void source.reload()
      return undefined
    } finally {
      setSubmitting(false)
    }
  }

  return {
    ...source,
    draft,
    estimate: data ? estimateRefund(data.rows, draft.quantities) : 0,
    ready: body !== undefined,
    submitting,
    /** Why the last submit failed (the source's own `error` says why loading failed). */
    submitError,
    setKind: (kind: AfterSalesKind) => edit(() => ({ kind })),
    setReason: (reason: AfterSalesReason) => edit(() => ({ reason })),
    setNote: (note: string) => edit(() => ({ note })),
    setQuantity: (lineNo: number, quantity: number) =>
      edit((previous) => ({ quantities: { ...previous.quantities, [lineNo]: quantity } })),
    submit,
  }
}

/**
 * One request, with the buyer's actions: cancel (after they agree) and the return parcel. After
 * either, success or refusal, the screen shows what the server says now; a refusal also says why.
 */
export function useAfterSalesDetail(id: string) {
  const request = useResource(`after-sales:${id}`, () => fetchAfterSales(id))
  const [busy, setBusy] = useState<'cancel' | 'return'>()

  async function act(which: 'cancel' | 'return', send: () => Promise<unknown>): Promise<boolean> {
    setBusy(which)
    let failure: unknown
    try {
      await send()
    } catch (error) {
      failure = error
    }
    await request.reload()
    setBusy(undefined)
    if (failure === undefined) return true
    await showProblem(failure)
    return false
  }

  async function cancel() {
    if (!(await confirmAction(t('afterSales.cancelConfirm'), t('afterSales.cancelHint')))) return
    await act('cancel', () => cancelAfterSales(id))
  }

  /** The parcel must pass returnShipmentErrors first; true once the server took it. */
  const sendReturn = (parcel: ReturnShipmentInput) =>
    act('return', () => sendReturnShipment(id, cleanParcel(parcel)))

  return { ...request, busy, cancel, sendReturn }
}
