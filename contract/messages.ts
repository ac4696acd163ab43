import { Type, type Static } from '@sinclair/typebox'

/**
 * `GET /api/messages/templates`: the Alipay subscription-message template ids the shop has
 * configured, per event; null when none is, and then the app offers no subscription. The app
 * passes them to my.requestSubscribeMessage as they are and never keeps ids of its own.
 */
export const MessageTemplates = Type.Object(
  {
    /** "Your order has shipped" (ALIPAY_TEMPLATE_SHIPPED). */
    shipped: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'MessageTemplates' },
)
export type MessageTemplates = Static<typeof MessageTemplates>
