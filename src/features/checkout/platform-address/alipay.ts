import Taro from '@tarojs/taro'
import type { PlatformAddressOutcome, PlatformAddressSource } from './types'

/**
 * Alipay's `my.getAddress`, as documented in AlipayDocs/open-docs
 * mini/api/开放能力API/获取会员收货地址/my.getAddress.md (and
 * support/支付宝小程序/案例分析/小程序接入获取会员收货地址介绍.md):
 * - it opens the buyer's saved addresses; `success` receives `{ resultStatus, result }`, 9000 with
 *   `result` = { fullname, mobilePhone, prov, city, area, street, address, country } when one was
 *   chosen, 6001 with `result: ""` when the buyer went back without choosing. The guide's sample
 *   spells resultStatus as a string ("9000"), the API page as a number: both are read;
 * - `fail` receives `{ error, errorMessage }`: 4 when the buyer refused the authorization, and also
 *   when the 获取会员收货地址 product is not bound or its user-information application is not
 *   approved ("无权调用该接口"), which the guide lists as the first thing to check;
 * - enterprise mini-programs only, base library 1.20.4+.
 * Taro's Alipay runtime promise-wraps it (needPromiseApis): resolves with what `success` receives,
 * rejects with what `fail` receives. Its typings do not list it, hence the cast.
 */
type GetAddress = (options?: Record<string, unknown>) => Promise<unknown>

const RESULT_CHOSEN = '9000'
const RESULT_WENT_BACK = '6001'

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

function readCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value)
  if (typeof value === 'string' && /^\d{1,6}$/.test(value.trim())) return value.trim()
  return undefined
}

/**
 * The street and house without the province, city and district it may start with ("详细地址。如
 * 浙江省杭州市西湖区西溪路 556 号"), since the form keeps the region in a field of its own. The
 * legacy `street` field is usually empty; when it is not and the address lacks it, it goes first.
 */
export function detailOf(result: Record<string, unknown>): string {
  const names = [text(result.prov), text(result.city), text(result.area)].filter(Boolean)
  let rest = text(result.address)
  // The longest name first: a municipality may come as prov "北京" and city "北京市".
  for (;;) {
    const prefix = names.filter((name) => rest.startsWith(name)).sort((a, b) => b.length - a.length)[0]
    if (!prefix) break
    rest = rest.slice(prefix.length).trimStart()
  }
  const street = text(result.street)
  return street && !rest.includes(street) ? `${street}${rest}` : rest
}

/** What `success` received, as an outcome; a 9000 without an address is a failure, not a fill. */
export function readGetAddressAnswer(raw: unknown): PlatformAddressOutcome {
  const answer = (raw ?? {}) as Record<string, unknown>
  const code = readCode(answer.resultStatus) ?? 'unknown'
  if (code === RESULT_WENT_BACK) return { kind: 'cancelled' }
  const result = answer.result
  if (code !== RESULT_CHOSEN || typeof result !== 'object' || result === null) return { kind: 'failed', code }
  const fields = result as Record<string, unknown>
  return {
    kind: 'chosen',
    address: {
      name: text(fields.fullname),
      // Spaces and dashes are how numbers are written, not part of them ("181 0000 0000").
      phone: text(fields.mobilePhone).replace(/[\s-]/g, ''),
      province: text(fields.prov),
      city: text(fields.city),
      district: text(fields.area),
      detail: detailOf(fields),
    },
  }
}

/** What `fail` received (or what was thrown), as a failure with Alipay's error code. */
export function readGetAddressFailure(raw: unknown): PlatformAddressOutcome {
  const failure = (raw ?? {}) as Record<string, unknown>
  const message = text(failure.errorMessage) || text(failure.errMsg) || undefined
  return { kind: 'failed', code: readCode(failure.error) ?? 'unknown', message }
}

export const alipayAddressSource: PlatformAddressSource = {
  platform: 'alipay',
  async pick() {
    const getAddress = (Taro as unknown as { getAddress?: GetAddress }).getAddress
    // A base library older than 1.20.4 has no my.getAddress.
    if (typeof getAddress !== 'function') return { kind: 'failed', code: 'unsupported' }
    try {
      return readGetAddressAnswer(await getAddress())
    } catch (failure) {
      return readGetAddressFailure(failure)
    }
  },
}
