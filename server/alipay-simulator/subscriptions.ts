/**
 * Subscription messages in the simulated Alipay: the message templates the simulated app has
 * taken (领用) in the merchant console, the buyers' subscriptions, and every message delivered.
 *
 * As AlipayDocs/open-docs mini/api/开放能力API/消息/my.requestSubscribeMessage.md describes:
 * - a one-time template (一次性订阅) allows one message per acceptance, and acceptances add up
 *   ("次数可累积"); a long-term one (长期订阅) allows any number once accepted;
 * - one call offers 1 to 3 templates, all one-time or all long-term; an unknown id fails.
 */
import type { TemplateData } from '../alipay/template-message'
import { simulatedBuyer, type SimulatedBuyer } from './buyers'

export type TemplateKind = 'one_time' | 'long_term'

export interface SimulatedTemplate {
  id: string
  kind: TemplateKind
  /** How many keywords the template was taken with: data must carry keyword1…keywordN. */
  keywords: number
  title: string
}

/**
 * The "shipped" template every simulated app has, so the development server can offer and send
 * it without any configuration (server/messages/settings.ts defaults to it with the simulator).
 * Keywords: order number, carrier, tracking number, shipping time.
 */
export const DEV_SHIPPED_TEMPLATE: SimulatedTemplate = {
  id: 'sim-template-shipped',
  kind: 'one_time',
  keywords: 4,
  title: '订单发货通知',
}

export const DEFAULT_SIMULATED_TEMPLATES: readonly SimulatedTemplate[] = [DEV_SHIPPED_TEMPLATE]

/** At most this many template ids per my.requestSubscribeMessage call. */
export const MAX_ENTITY_IDS = 3

/** my.requestSubscribeMessage's documented error codes that the simulator produces. */
export const SUBSCRIBE_ERRORS = {
  invalidParameter: { errorCode: 203, errorMessage: '无效的参数' },
  mixedKinds: { errorCode: 106002, errorMessage: '模板列表中同时存在一次性/长期订阅模板' },
  invalidTemplate: { errorCode: 106008, errorMessage: '模板列表中存在非法/无效的模板 id' },
} as const

/** What my.requestSubscribeMessage's callbacks receive (the doc's 订阅结束的回调参数). */
export type SubscribeResult =
  | ({
      behavior: 'subscribe'
      keep: boolean
      refuse: boolean
      show: boolean
      result: {
        subscribeEntityIds: string[]
        subscribedEntityIds: string[]
        unsubscribedEntityIds: string[]
        currentSubscribedEntityIds: string[]
      }
    } & Record<string, unknown>)
  | { behavior: ''; errorCode: number; errorMessage: string }

export interface Subscription {
  appId: string
  buyer: SimulatedBuyer
  templateId: string
  kind: TemplateKind
  /** One-time: messages still allowed. Long-term: unused (always allowed once accepted). */
  remaining: number
}

export interface DeliveredMessage {
  appId: string
  buyer: SimulatedBuyer
  templateId: string
  page?: string
  data: TemplateData
  /** epoch ms */
  at: number
}

export interface SubscriptionBook {
  readonly templates: ReadonlyMap<string, SimulatedTemplate>
  /** The buyer's answer to the subscription panel for `templateIds` in app `appId`. */
  subscribe(appId: string, buyerKey: string, templateIds: string[], accept: boolean): SubscribeResult
  /** The subscription that allows one more message, or undefined. */
  allowing(
    appId: string,
    buyerId: { userId?: string; openId?: string },
    templateId: string,
  ): Subscription | undefined
  /** Records a delivered message and uses up a one-time subscription's allowance. */
  deliver(
    subscription: Subscription,
    message: Omit<DeliveredMessage, 'appId' | 'buyer' | 'templateId'>,
  ): DeliveredMessage
  subscriptions(): Subscription[]
  messages(): DeliveredMessage[]
}

/** Kept per simulator run; a long-running simulator keeps this many messages. */
const MESSAGES_KEPT = 1000

export function createSubscriptionBook(
  templates: readonly SimulatedTemplate[] = DEFAULT_SIMULATED_TEMPLATES,
): SubscriptionBook {
  const byId = new Map(templates.map((template) => [template.id, template]))
  const subscriptions: Subscription[] = []
  const delivered: DeliveredMessage[] = []
  const find = (appId: string, userId: string, templateId: string) =>
    subscriptions.find((s) => s.appId === appId && s.buyer.userId === userId && s.templateId === templateId)

  return {
    templates: byId,
    subscribe(appId, buyerKey, templateIds, accept) {
      if (templateIds.length < 1 || templateIds.length > MAX_ENTITY_IDS)
        return { behavior: '', ...SUBSCRIBE_ERRORS.invalidParameter }
      const chosen = templateIds.map((id) => byId.get(id))
      if (chosen.some((template) => template === undefined))
        return { behavior: '', ...SUBSCRIBE_ERRORS.invalidTemplate }
      if (new Set(chosen.map((template) => template?.kind)).size > 1)
        return { behavior: '', ...SUBSCRIBE_ERRORS.mixedKinds }
      const buyer = simulatedBuyer(appId, buyerKey)
      const added: string[] = []
      for (const template of chosen as SimulatedTemplate[]) {
        if (!accept) continue
        const existing = find(appId, buyer.userId, template.id)
        if (existing) existing.remaining += 1
        else subscriptions.push({ appId, buyer, templateId: template.id, kind: template.kind, remaining: 1 })
        added.push(template.id)
      }
      const subscribed = templateIds.filter((id) => {
        const subscription = find(appId, buyer.userId, id)
        return subscription !== undefined && (subscription.kind === 'long_term' || subscription.remaining > 0)
      })
      return {
        behavior: 'subscribe',
        keep: false,
        refuse: false,
        show: true,
        result: {
          subscribeEntityIds: added,
          subscribedEntityIds: subscribed,
          unsubscribedEntityIds: templateIds.filter((id) => !subscribed.includes(id)),
          currentSubscribedEntityIds: added,
        },
        // The doc's dynamic keys: each offered id → 'accept' or 'reject'.
        ...Object.fromEntries(templateIds.map((id) => [id, accept ? 'accept' : 'reject'])),
      }
    },
    allowing(appId, buyerId, templateId) {
      const subscription = subscriptions.find(
        (s) =>
          s.appId === appId &&
          s.templateId === templateId &&
          (s.buyer.userId === buyerId.userId || s.buyer.openId === buyerId.openId),
      )
      if (!subscription) return undefined
      return subscription.kind === 'long_term' || subscription.remaining > 0 ? subscription : undefined
    },
    deliver(subscription, message) {
      if (subscription.kind === 'one_time') subscription.remaining -= 1
      const record: DeliveredMessage = {
        appId: subscription.appId,
        buyer: subscription.buyer,
        templateId: subscription.templateId,
        ...message,
      }
      delivered.push(record)
      if (delivered.length > MESSAGES_KEPT) delivered.shift()
      return record
    },
    subscriptions: () => subscriptions.map((s) => ({ ...s, buyer: { ...s.buyer } })),
    messages: () => delivered.map((m) => ({ ...m, buyer: { ...m.buyer }, data: { ...m.data } })),
  }
}
