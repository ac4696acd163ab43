/**
 * Serves a built H5 app (dist/h5) the way its dev server does: files with their content
 * types, and index.html for every other path (the hash router needs only "/", but a reload on a
 * deep link must not 404). Loopback only, on a free port.
 */
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticServer {
  /** With a trailing slash: `http://127.0.0.1:<port>/`. */
  url: string
  close(): Promise<void>
}

export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = path.resolve(root)
  const indexFile = path.join(base, 'index.html')
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} does not exist`)

  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const candidate = path.join(base, pathname)
    // Never outside the directory; anything that is not a file gets the app's index.html.
    const inside = candidate === base || candidate.startsWith(base + path.sep)
    const file = inside && fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : indexFile
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    const body = fs.readFileSync(file)
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
