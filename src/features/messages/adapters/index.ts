import { alipaySubscribeAdapter } from './alipay'
import type { SubscribeAdapter } from './types'

export type { SubscribeAdapter, SubscribeOutcome } from './types'

const unavailable: SubscribeAdapter = {
  available: false,
  subscribe: () => Promise.resolve('failed'),
}

/**
 * Chosen by the build: only the Alipay mini-program has my.requestSubscribeMessage. TARO_ENV is
 * replaced at build time, so the other builds drop the Alipay adapter altogether.
 */
export function currentSubscribeAdapter(): SubscribeAdapter {
  if (process.env.TARO_ENV === 'alipay') return alipaySubscribeAdapter
  return unavailable
}
