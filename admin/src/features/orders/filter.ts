import type { OrderStatus } from '@contract'
import { ORDER_STATUSES } from '../../shared/StatusTag'
import type { OrderListFilter } from './api'

/** The orders list's filter as the address bar holds it, so a link (from the dashboard) can set it. */
export function filterFromQuery(query: URLSearchParams): OrderListFilter {
  const status = query.get('status')
  const page = Number(query.get('page'))
  return {
    status: ORDER_STATUSES.includes(status as OrderStatus) ? (status as OrderStatus) : undefined,
    from: query.get('from') ?? undefined,
    to: query.get('to') ?? undefined,
    q: query.get('q') ?? undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

export function filterToQuery(filter: OrderListFilter): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
