/**
 * Answers requests Node gives up on before Fastify sees them (Fastify's `clientErrorHandler`), in
 * our error shape and with the status that says why: 431 for headers too large, 408 for a client
 * too slow to send its request, 400 for anything unparseable. A connection that already answered
 * (a request refused before its body arrived) is closed without a second answer.
 */
import http from 'node:http'
import type { Socket } from 'node:net'
import type { ApiErrorBody } from '../../contract'

/** After answering, the socket is destroyed this long later even if the client keeps it half-open. */
const CLOSE_GRACE_MS = 1000

interface ClientErrorAnswer {
  status: number
  reason: string
  body: ApiErrorBody
}

/** Node's limit (--max-http-header-size), 16 KB unless changed. */
const maxHeaderKilobytes = () => Math.round(http.maxHeaderSize / 1024)

export function answerForClientError(error: NodeJS.ErrnoException): ClientErrorAnswer {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      body: {
        code: 'bad_request',
        message: `Request headers are too large (more than ${maxHeaderKilobytes()} KB in all); send fewer or shorter headers.`,
      },
    }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: 408,
      reason: 'Request Timeout',
      body: { code: 'bad_request', message: 'The request took too long to arrive; send it again.' },
    }
  return {
    status: 400,
    reason: 'Bad Request',
    body: { code: 'bad_request', message: 'Malformed HTTP request (check the URL is percent-encoded).' },
  }
}

export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  // Only on a connection that has not answered yet: after an answer (e.g. a 401 sent before the
  // body arrived) another status line would read as the answer to the client's next request.
  if (!socket.writable || socket.bytesWritten > 0) {
    socket.destroy()
    return
  }
  const { status, reason, body } = answerForClientError(error)
  const json = JSON.stringify(body)
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  )
  // end() alone leaves the socket open while the client keeps sending (a trickled body).
  setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref()
}
