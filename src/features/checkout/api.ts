import type { Address, CreateOrderRequest, Order } from '@contract'
import { api, RequestError } from '../../shared/request'

/** The buyer's saved address, or null when they have none yet. */
export async function fetchSavedAddress(): Promise<Address | null> {
  try {
    return await api.get<Address>('/api/address')
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return null
    throw error
  }
}

export const saveAddress = (address: Address) => api.put<Address>('/api/address', address)

/** Creating an order is safe to retry with the same key: the server returns the same order. */
export const createOrder = (request: CreateOrderRequest, idempotencyKey: string) =>
  api.post<Order>('/api/orders', request, { 'Idempotency-Key': idempotencyKey })
