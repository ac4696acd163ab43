/**
 * The soak's HTTP client: every answer is tallied by status class, 429s and 5xxs apart, and each
 * 5xx (and each request that never got an answer) is kept with its request id, so the report can
 * point at the server's log line.
 */
import http from 'node:http'
import type net from 'node:net'

/**
 * The local ports of every socket the soak opened, so the server's open connections at the end can
 * be told apart: the soak's own, or the server's own clients' (the alipay-sdk and the simulator's
 * notifier reach the server over loopback HTTP and keep their connections alive).
 */
export const soakPorts = new Set<number>()

export function noteSoakSocket(socket: net.Socket): void {
  if (socket.localPort) soakPorts.add(socket.localPort)
  else socket.once('connect', () => socket.localPort && soakPorts.add(socket.localPort))
}

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx'

export interface ProblemSample {
  who: string
  request: string
  status: number | 'no answer'
  requestId?: string
  body: string
}

const SAMPLES_KEPT = 20

export class Traffic {
  readonly byClass: Record<StatusClass, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }
  /** 429: a rate limit answered; expected under load, not a failure. */
  rateLimited = 0
  /** 5xx by who asked (`buyer`, `malformed`...): must be 0. */
  readonly serverErrors: Record<string, number> = {}
  /** Ordinary requests that got no HTTP answer (reset, timeout): must be 0. */
  noAnswer = 0
  readonly samples: ProblemSample[] = []

  get served(): number {
    return Object.values(this.byClass).reduce((sum, count) => sum + count, 0)
  }

  count(who: string, request: string, status: number, requestId?: string, body = ''): void {
    const statusClass = `${Math.min(Math.floor(status / 100), 5)}xx` as StatusClass
    this.byClass[statusClass in this.byClass ? statusClass : '5xx']++
    if (status === 429) this.rateLimited++
    if (status >= 500) {
      this.serverErrors[who] = (this.serverErrors[who] ?? 0) + 1
      this.keep({ who, request, status, requestId, body: body.slice(0, 300) })
    }
  }

  lost(who: string, request: string, error: Error): void {
    this.noAnswer++
    this.keep({ who, request, status: 'no answer', body: error.message })
  }

  private keep(sample: ProblemSample): void {
    if (this.samples.length < SAMPLES_KEPT) this.samples.push(sample)
  }
}

export interface Answer {
  status: number
  text: string
  json: unknown
}

export interface SendOptions {
  body?: unknown
  /** Sent as is, with content-type application/json unless `headers` say otherwise. */
  raw?: string | Buffer
  headers?: Record<string, string>
  timeoutMs?: number
}

const REQUEST_TIMEOUT_MS = 30_000

/** One client: keep-alive connections of its own, so close() leaves the server none of ours. */
export class SoakClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

  constructor(
    private readonly baseUrl: string,
    private readonly traffic: Traffic,
    private readonly who: string,
  ) {}

  /** Resolves with the answer, or undefined when there was none (tallied as `noAnswer`). */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer | undefined> {
    const label = `${method} ${path.length > 120 ? `${path.slice(0, 120)}…` : path}`
    try {
      const answer = await this.exchange(method, path, options)
      this.traffic.count(this.who, label, answer.status, answer.requestId, answer.text)
      return answer
    } catch (error) {
      this.traffic.lost(this.who, label, error as Error)
      return undefined
    }
  }

  close(): void {
    this.agent.destroy()
  }

  private exchange(
    method: string,
    path: string,
    options: SendOptions,
  ): Promise<Answer & { requestId?: string }> {
    const payload =
      options.raw ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body)))
    const headers: Record<string, string | number> = {
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    }
    if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload)
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${this.baseUrl}${path}`,
        { method, headers, agent: this.agent },
        (response) => {
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
            const requestId = response.headers['x-request-id']
            resolve({
              status: response.statusCode ?? 0,
              text,
              json,
              requestId: typeof requestId === 'string' ? requestId : undefined,
            })
          })
        },
      )
      request.setTimeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS, () =>
        request.destroy(new Error(`no answer within ${options.timeoutMs ?? REQUEST_TIMEOUT_MS} ms`)),
      )
      request.on('socket', noteSoakSocket)
      request.on('error', reject)
      request.end(payload)
    })
  }
}
