/**
 * `my.requestSubscribeMessage` (AlipayDocs/open-docs mini/api/开放能力API/消息/
 * my.requestSubscribeMessage.md): opens Alipay's panel for up to 3 templates taken in the
 * merchant console. `success` comes with `behavior: 'subscribe'` whether the buyer ticked the
 * template or not (a rejection is a successful operation), so the outcome is read from
 * `result.subscribedEntityIds` (or the per-id 'accept' / 'reject' of older clients); `fail`
 * brings `behavior: 'cancel'` (errorCode 11, the buyer closed the panel) or an error code.
 */
import type { SubscribeAdapter, SubscribeOutcome } from './types'

interface SubscribeResult {
  behavior?: string
  errorCode?: number
  result?: { subscribedEntityIds?: string[] }
  [templateId: string]: unknown
}

interface AlipayMy {
  requestSubscribeMessage?: (options: {
    entityIds: string[]
    success: (result: SubscribeResult) => void
    fail: (result: SubscribeResult) => void
  }) => void
}

// The Alipay client's global (only in the Alipay build): read as a free name, not through
// globalThis, which older Alipay JS engines do not define.
declare const my: AlipayMy | undefined

/** Alipay's errorCode 11: the buyer closed the panel. A choice, not a failure. */
const CANCELLED_BY_BUYER = 11

export function subscribeOutcome(
  templateId: string,
  result: SubscribeResult,
  succeeded: boolean,
): SubscribeOutcome {
  if (!succeeded)
    return result.behavior === 'cancel' || result.errorCode === CANCELLED_BY_BUYER ? 'declined' : 'failed'
  const subscribed = result.result?.subscribedEntityIds
  if (Array.isArray(subscribed)) return subscribed.includes(templateId) ? 'subscribed' : 'declined'
  return result[templateId] === 'accept' ? 'subscribed' : 'declined'
}

export const alipaySubscribeAdapter: SubscribeAdapter = {
  available: true,
  subscribe(templateId) {
    const alipay = typeof my === 'undefined' ? undefined : my
    // Base library 1.25.7 / 2.7.10 and later; an older client has no such function.
    if (typeof alipay?.requestSubscribeMessage !== 'function') return Promise.resolve('failed')
    return new Promise((resolve) => {
      alipay.requestSubscribeMessage?.({
        entityIds: [templateId],
        success: (result) => resolve(subscribeOutcome(templateId, result, true)),
        fail: (result) => resolve(subscribeOutcome(templateId, result ?? {}, false)),
      })
    })
  },
}
