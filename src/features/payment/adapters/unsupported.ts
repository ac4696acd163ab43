import { PaymentUnavailableError, type PaymentAdapter } from './types'

const unavailable = () => Promise.reject(new PaymentUnavailableError('unsupported'))

/** Builds without Alipay (WeChat): say so instead of crashing. */
export const unsupportedAdapter: PaymentAdapter = {
  surface: 'unsupported',
  ensureAvailable: unavailable,
  pay: unavailable,
}
