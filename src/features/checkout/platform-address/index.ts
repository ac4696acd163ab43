import { alipayAddressSource } from './alipay'
import type { PlatformAddressSource } from './types'

export type { PlatformAddress, PlatformAddressOutcome, PlatformAddressSource } from './types'
export { readGetAddressAnswer, readGetAddressFailure } from './alipay'

/**
 * The address book of the platform the app runs on, if it has one the app may read: only the
 * Alipay build. TARO_ENV is replaced at build time, so the WeChat and H5 bundles drop the rest.
 */
export function currentPlatformAddressSource(): PlatformAddressSource | undefined {
  if (process.env.TARO_ENV === 'alipay') return alipayAddressSource
  return undefined
}
