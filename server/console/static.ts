/**
 * Serves the console's production build (admin/dist, `npm run build:admin`) at CONSOLE_BASE_PATH.
 * Vite names the files under assets/ by their content hash, so they are cached for a year; every
 * other path is the single-page app's (e.g. /admin/orders/123) and gets index.html, revalidated on
 * each load so a new build shows up at once. A path with a file extension that is not a file is a
 * 404, not the app. The build is read at request time, so `npm start`'s watch build is picked up
 * without a restart; without a build, /admin/ answers 503 with a page saying how to make one.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { CONSOLE_BASE_PATH } from '../../contract'
import { notFound } from '../http/errors'

export const CONSOLE_BUILD_DIR = path.resolve(__dirname, '../../admin/dist')

export interface ConsoleStaticOptions {
  /** The build directory; default admin/dist. */
  directory?: string
  /** Where product images come from (the public origin), for the img-src of the policy. */
  imagesOrigin: string
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}
/** A plain relative path: no `..` segment, no leading slash, no backslash or control character. */
const isPlainRelativePath = (relative: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  !relative.startsWith('/') && !/[\\\0-\x1f]/.test(relative) && !relative.split('/').includes('..')
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/**
 * Scripts and everything else from this origin only; inline styles because antd writes its CSS
 * from JavaScript; images also from the public origin (product images) and data:/blob: (previews
 * of an upload); no framing anywhere.
 */
export function consoleSecurityHeaders(imagesOrigin: string): Record<string, string> {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${imagesOrigin}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return {
    'content-security-policy': policy,
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
  }
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Console not built</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>The merchant console is not built yet</h1>
<p>Run <code>npm run build:admin</code> (or <code>npm start</code>, which builds it and rebuilds on change), then reload.</p>
</body>
</html>
`

/** The file at `relative` inside `directory`, or undefined when there is none (or it would leave it). */
async function readInside(directory: string, relative: string): Promise<Buffer | undefined> {
  const file = path.resolve(directory, relative)
  if (!file.startsWith(directory + path.sep)) return undefined
  try {
    if (!(await fs.stat(file)).isFile()) return undefined
    return await fs.readFile(file)
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined
    throw error
  }
}

export const consoleStatic: FastifyPluginAsync<ConsoleStaticOptions> = async (app, options) => {
  const directory = path.resolve(options.directory ?? CONSOLE_BUILD_DIR)
  const securityHeaders = consoleSecurityHeaders(options.imagesOrigin)
  const basePath = CONSOLE_BASE_PATH.replace(/\/$/, '')

  const send = (reply: FastifyReply, file: string, bytes: Buffer, cacheControl: string) =>
    reply
      .headers(securityHeaders)
      .header('content-type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
      .header('cache-control', cacheControl)
      .send(bytes)

  app.get(basePath, { schema: { hide: true } }, async (request, reply) => {
    const query = request.url.slice(basePath.length)
    return reply.redirect(`${CONSOLE_BASE_PATH}${query.startsWith('?') ? query : ''}`, 301)
  })

  app.get(`${CONSOLE_BASE_PATH}*`, { schema: { hide: true } }, async (request, reply) => {
    const relative = (request.params as { '*': string })['*']
    if (!isPlainRelativePath(relative)) throw notFound('No such console path.')
    const isAsset = relative.startsWith('assets/')
    if (isAsset || path.extname(relative)) {
      const bytes = await readInside(directory, relative)
      if (!bytes) throw notFound(`The console has no file ${JSON.stringify(relative.slice(0, 120))}.`)
      return send(reply, relative, bytes, isAsset ? IMMUTABLE : REVALIDATE)
    }
    const index = await readInside(directory, 'index.html')
    if (!index)
      return reply
        .code(503)
        .headers(securityHeaders)
        .header('content-type', CONTENT_TYPES['.html'])
        .header('cache-control', 'no-store')
        .send(MISSING_BUILD_PAGE)
    return send(reply, 'index.html', index, REVALIDATE)
  })
}
