/**
 * HTTP settings, read with the rest of the config (server/config.ts: `http`): how long a client
 * may take to send a request, how long an idle connection stays open, how many connections the
 * server holds at once, and what production hides (the API docs, details of upstream failures).
 */
import { isIP } from 'node:net'
import { read, readSwitch, readWholeNumber, type Env } from '../config'
import { isProduction } from '../mode'

export interface HttpSettings {
  /** HTTP_HEADERS_TIMEOUT_MS: a client must send all request headers within this. */
  headersTimeoutMs: number
  /** HTTP_REQUEST_TIMEOUT_MS: a client must send the whole request (headers and body) within this. */
  requestTimeoutMs: number
  /** HTTP_KEEP_ALIVE_TIMEOUT_MS: an idle keep-alive connection closes after this. */
  keepAliveTimeoutMs: number
  /** HTTP_SOCKET_TIMEOUT_MS: a connection with no traffic either way (e.g. a client not reading) closes after this. */
  socketTimeoutMs: number
  /** HTTP_MAX_CONNECTIONS: connections beyond this are closed as they arrive. */
  maxConnections: number
  /** API_DOCS: serve /docs and /openapi.json. Default on in development, off in production. */
  apiDocs: boolean
  /** NODE_ENV=production: 5xx answers carry a plain message and the request id, details go to the log. */
  hideFailureDetails: boolean
  /**
   * TRUST_PROXY: the addresses of the reverse proxies you run (IPs, CIDRs, or proxy-addr's
   * `loopback`, `linklocal`, `uniquelocal`); none by default. The client's address is then the
   * last one in X-Forwarded-For that is not a trusted proxy, so per-address rate limits count
   * clients rather than the proxy, and a client cannot pick its address by sending the header.
   */
  trustProxy: string[]
}

export const HTTP_SETTINGS_DEFAULTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 60_000,
  maxConnections: 500,
} as const

const TIMEOUT_MIN_MS = 100
const TIMEOUT_MAX_MS = 600_000

const readTimeout = (env: Env, name: string, fallback: number) =>
  readWholeNumber(env, name, fallback, TIMEOUT_MIN_MS, TIMEOUT_MAX_MS)

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal']

function readTrustedProxies(env: Env): string[] {
  const entries = (read(env, 'TRUST_PROXY') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const valid =
      PROXY_PRESETS.includes(entry) ||
      (isIP(address) !== 0 && extra === undefined && (bits === undefined || /^\d{1,3}$/.test(bits)))
    if (!valid) {
      throw new Error(
        `TRUST_PROXY must list your proxies' addresses: IPs or CIDRs, or ${PROXY_PRESETS.join(', ')} (got "${entry}"). Example: TRUST_PROXY=10.0.0.0/8. Default: none.`,
      )
    }
  }
  return entries
}

export function readHttpSettings(env: Env): HttpSettings {
  const defaults = HTTP_SETTINGS_DEFAULTS
  const headersTimeoutMs = readTimeout(env, 'HTTP_HEADERS_TIMEOUT_MS', defaults.headersTimeoutMs)
  const requestTimeoutMs = readTimeout(env, 'HTTP_REQUEST_TIMEOUT_MS', defaults.requestTimeoutMs)
  // Node refuses to start a server whose header deadline outlasts its whole-request deadline.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new Error(
      `HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs}): lower the first or raise the second. Defaults: ${defaults.headersTimeoutMs} and ${defaults.requestTimeoutMs}.`,
    )
  }
  const production = isProduction(env)
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: readTimeout(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', defaults.keepAliveTimeoutMs),
    socketTimeoutMs: readTimeout(env, 'HTTP_SOCKET_TIMEOUT_MS', defaults.socketTimeoutMs),
    maxConnections: readWholeNumber(env, 'HTTP_MAX_CONNECTIONS', defaults.maxConnections, 1, 1_000_000),
    apiDocs: readSwitch(env, 'API_DOCS', !production),
    hideFailureDetails: production,
    trustProxy: readTrustedProxies(env),
  }
}
