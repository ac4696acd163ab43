/**
 * Keeps secrets that travel in URLs out of the logs: a web-view ticket (`/webview/checkout?…&ticket=…`)
 * or any token-like query parameter is replaced by `[redacted]` before a request is logged. Access
 * logs are kept, shipped and read by more people than the database.
 */
import type { FastifyRequest } from 'fastify'

export const REDACTED = '[redacted]'

/** Query parameter names whose values are credentials (ticket, token, auth_code, sign, …). */
const SECRET_PARAMETER = /ticket|token|secret|passw|sign|auth_?code|^code$|session|credential|api_?key/i

function parameterName(rawName: string): string {
  try {
    return decodeURIComponent(rawName.replace(/\+/g, ' '))
  } catch {
    return rawName // broken percent-encoding: judge the name as it is
  }
}

/** The URL with the value of every secret-looking query parameter replaced; the rest untouched. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?')
  if (start === -1) return url
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      const rawName = equals === -1 ? pair : pair.slice(0, equals)
      return SECRET_PARAMETER.test(parameterName(rawName)) && equals !== -1 ? `${rawName}=${REDACTED}` : pair
    })
    .join('&')
  return `${url.slice(0, start)}?${query}`
}

/** Fastify's own request serializer (fastify/lib/logger-pino.js), with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  const version = request.headers['accept-version']
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: Array.isArray(version) ? version[0] : version,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}
