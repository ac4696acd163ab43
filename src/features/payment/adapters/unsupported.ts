import { PaymentUnavailableError, type PaymentAdapter } from './types'

/** Builds without Alipay (WeChat): say so instead of crashing. */
export const unsupportedAdapter: PaymentAdapter = {
  surface: 'unsupported',
  pay() {
    return Promise.reject(new PaymentUnavailableError('unsupported'))
  },
}
