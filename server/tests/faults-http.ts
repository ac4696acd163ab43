/**
 * Shared by the fault suites (not a test file itself): JSON over real HTTP with a NEW connection
 * per request. fetch keeps connections alive, and a pooled socket to a server that was killed and
 * restarted on the same port fails the next request for a reason that has nothing to do with the
 * server: here every request's failure is the server's.
 */
import http from 'node:http'

export interface HttpAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  /** The body as JSON (undefined when it is not JSON). */
  json: unknown
}

/**
 * Sends the request and hangs up as soon as it is written, never reading the answer: what a buyer
 * whose connection dropped sees. The server still receives the whole request.
 */
export function sendAndHangUp(url: string, body: unknown, headers: Record<string, string>): Promise<void> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
    })
    request.on('error', () => undefined) // the hang-up itself
    request.on('finish', () => {
      request.destroy()
      resolve()
    })
    request.on('socket', (socket) => socket.once('error', reject))
    request.end(payload)
  })
}

export function httpRequest(
  method: string,
  url: string,
  options: {
    body?: unknown
    rawBody?: string | Buffer
    headers?: Record<string, string>
    timeoutMs?: number
  } = {},
): Promise<HttpAnswer> {
  const payload =
    options.rawBody ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body)))
  const headers: Record<string, string | number> = { ...options.headers }
  if (options.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json'
  if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload)
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = text ? JSON.parse(text) : undefined
        } catch {
          json = undefined
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json })
      })
    })
    request.setTimeout(options.timeoutMs ?? 15_000, () =>
      request.destroy(new Error(`timeout: ${method} ${url}`)),
    )
    request.on('error', reject)
    request.end(payload)
  })
}
