/**
 * For tests: a merchant notify endpoint on a free loopback port that records every notify (form
 * fields exactly as parsed) and answers from a script, e.g. ['fail', 'fail'] then 'success'.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedNotify {
  fields: Record<string, string>
  contentType: string
  /** The raw form body. */
  body: string
}

export interface NotifyReceiver {
  url: string
  received: ReceivedNotify[]
  close(): Promise<void>
}

/** `answers[i]` is the body of the i-th answer; once they run out, every answer is `finally`. */
export async function startNotifyReceiver(
  answers: string[] = [],
  finally_ = 'success',
): Promise<NotifyReceiver> {
  const received: ReceivedNotify[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const fields: Record<string, string> = {}
      for (const [key, value] of new URLSearchParams(body)) fields[key] = value
      received.push({ fields, body, contentType: request.headers['content-type'] ?? '' })
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end(answers[received.length - 1] ?? finally_)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/notify`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
