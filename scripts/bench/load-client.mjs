#!/usr/bin/env node
/**
 * The load generator, in its own process so it does not share the server's event loop:
 * autocannon against one route, after a short warm-up. Reads a JSON spec from argv[2], prints
 * one JSON result line on stdout.
 *
 * Spec: { url, method, headers, body?, connections, warmupSeconds, durationSeconds,
 *         idempotencyKeyPrefix?  — a fresh Idempotency-Key per request,
 *         paths?                 — one path per request instead of url's (each used once),
 *         warmupRequests?        — with paths: how many of them the warm-up takes (the first ones) }
 * With `paths`, the run ends when they are used up.
 */
import autocannon from 'autocannon'

const spec = JSON.parse(process.argv[2])
let sent = 0
let pathIndex = 0

function setupRequest(request) {
  sent++
  const headers = { ...request.headers }
  if (spec.idempotencyKeyPrefix) headers['idempotency-key'] = `${spec.idempotencyKeyPrefix}-${sent}`
  if (spec.paths) {
    if (pathIndex >= spec.paths.length) return null
    return { ...request, headers, path: spec.paths[pathIndex++] }
  }
  return { ...request, headers }
}

function run(phase, options) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        // A slow answer is still an answer: counted in the latency, not dropped as a timeout.
        timeout: 60,
        requests: [
          {
            method: spec.method,
            headers: spec.headers,
            body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
            setupRequest,
          },
        ],
        ...options,
      },
      (error, result) => (error ? reject(error) : resolve({ phase, result })),
    )
  })
}

await run('warm-up', spec.paths ? { amount: spec.warmupRequests } : { duration: spec.warmupSeconds })
const measuredPaths = spec.paths ? spec.paths.length - pathIndex : 0
const { result } = await run(
  'measure',
  spec.paths ? { amount: measuredPaths } : { duration: spec.durationSeconds },
)

const ok = result['2xx']
process.stdout.write(
  `${JSON.stringify({
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    seconds: result.duration,
    perSecond: ok / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  })}\n`,
)
