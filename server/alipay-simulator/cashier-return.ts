/**
 * Where the simulated cashier page may send the buyer back (its `return` parameter): only http(s),
 * and only to the shop's own development origins, so the page cannot be used to bounce people to
 * any site. Allowed: this machine (localhost, 127.x, [::1]), the local network (10.x, 172.16–31.x,
 * 192.168.x: the H5 build opened on a phone) and the origins listed in ALIPAY_SIM_RETURN_ORIGINS.
 */

export const RETURN_ORIGINS_VARIABLE = 'ALIPAY_SIM_RETURN_ORIGINS'

/** Only http(s) URLs: never `javascript:` or `data:` as the place the wallet sends the buyer back. */
export function safeReturnUrl(raw: string | undefined): URL | undefined {
  if (raw === undefined || raw.length > 2048) return undefined
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * `return` with `resultCode=<code>` added. A hash route (`#/pages/pay-result/index?orderId=1`, as
 * Taro's H5 hash router makes them) gets it inside the hash, where the page reads its query.
 */
export function withResultCode(returnUrl: URL, resultCode: string): string {
  const url = new URL(returnUrl.href)
  const hash = url.hash
  if (hash.startsWith('#/') || hash.startsWith('#!/')) {
    const at = hash.indexOf('?')
    const path = at < 0 ? hash : hash.slice(0, at)
    const query = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1))
    const kept = at < 0 ? '' : hash.slice(at + 1)
    // Left byte for byte unless it already has a resultCode to replace.
    const next = query.has('resultCode')
      ? (query.set('resultCode', resultCode), query.toString())
      : `${kept}${kept ? '&' : ''}resultCode=${encodeURIComponent(resultCode)}`
    url.hash = `${path}?${next}`
    return url.href
  }
  url.searchParams.set('resultCode', resultCode)
  return url.href
}

const LOOPBACK_OR_PRIVATE_IPV4 = /^(127\.\d+|10\.\d+|192\.168|172\.(1[6-9]|2\d|3[01]))\.\d+\.\d+$/

function isLocalHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    LOOPBACK_OR_PRIVATE_IPV4.test(hostname)
  )
}

/** True when the buyer may be sent back to `url`: a local origin or one of `extraOrigins`. */
export function isAllowedReturn(url: URL, extraOrigins: readonly string[]): boolean {
  return isLocalHost(url.hostname) || extraOrigins.includes(url.origin)
}

/** ALIPAY_SIM_RETURN_ORIGINS: comma-separated origins such as https://shop.example.com (default: none). */
export function readReturnOrigins(env: Record<string, string | undefined>): string[] {
  const raw = env[RETURN_ORIGINS_VARIABLE]?.trim()
  if (!raw) return []
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = safeReturnUrl(origin)
      if (!url || url.pathname !== '/' || url.search || url.hash || url.username)
        throw new Error(
          `${RETURN_ORIGINS_VARIABLE} must list origins like https://shop.example.com, separated by commas (got "${origin}").`,
        )
      return url.origin
    })
}
