/**
 * `GET /api/messages/templates`: the subscription-message templates the app may offer (public:
 * the ids are shown to every buyer by Alipay's panel anyway). From configuration only
 * (server/messages/settings.ts), so the app never carries template ids of its own.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MessageTemplates } from '../../contract'
import type { MessageSettings } from './settings'

export const messageRoutes: FastifyPluginAsyncTypebox<{ settings: MessageSettings }> = async (
  app,
  { settings },
) => {
  app.get(
    '/messages/templates',
    {
      schema: {
        tags: ['messages'],
        summary: 'Subscription-message template ids to offer with my.requestSubscribeMessage (null: none)',
        response: { 200: MessageTemplates },
      },
    },
    async (): Promise<MessageTemplates> => ({ shipped: settings.templates.shipped ?? null }),
  )
}
