import type { MessageTemplates } from '@contract'
import { api } from '../../shared/request'

/** The template ids the server configured; null for an event the shop sends no message for. */
export const fetchMessageTemplates = () => api.get<MessageTemplates>('/api/messages/templates')
