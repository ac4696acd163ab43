import { useEffect, useState } from 'react'
import { currentSubscribeAdapter, type SubscribeOutcome } from './adapters'
import { fetchMessageTemplates } from './api'

/** hidden: nothing to offer (another platform, no template, the server unreachable). */
export type OfferState = 'hidden' | 'offer' | 'asking' | SubscribeOutcome

/**
 * The offer to message the buyer when the order ships, once `active` (the payment confirmed):
 * only on a platform with subscription messages and when the server has a template configured.
 * Asking the server costs nothing elsewhere: the other builds never call it.
 */
export function useShippedSubscription(active: boolean) {
  const adapter = currentSubscribeAdapter()
  const [templateId, setTemplateId] = useState<string>()
  const [state, setState] = useState<OfferState>('hidden')

  useEffect(() => {
    if (!active || !adapter.available || templateId !== undefined) return
    let current = true
    fetchMessageTemplates().then(
      (templates) => {
        if (!current || !templates.shipped) return
        setTemplateId(templates.shipped)
        setState('offer')
      },
      // An optional extra: without the server's answer there is simply no offer.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [active, adapter.available, templateId])

  const subscribe = async () => {
    if (!templateId || state === 'asking') return
    setState('asking')
    setState(await adapter.subscribe(templateId))
  }

  return { state: active ? state : 'hidden', subscribe }
}
