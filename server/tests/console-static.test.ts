/**
 * Issue 16: the console's production build served at /admin/ (server/console/static.ts), from a
 * tiny fake build in a temporary directory.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import { prepareDatabase } from '../testing/suites'
import { testConfig } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'

const INDEX =
  '<!doctype html><title>Console</title><script type="module" src="/admin/assets/index-abc123.js"></script>'
const SCRIPT = 'console.log("console")'
const SECRET = 'the content of a file beside the build'

function fakeBuild(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'console-build-'))
  fs.mkdirSync(path.join(directory, 'assets'))
  fs.writeFileSync(path.join(directory, 'index.html'), INDEX)
  fs.writeFileSync(path.join(directory, 'assets', 'index-abc123.js'), SCRIPT)
  fs.writeFileSync(path.join(directory, 'assets', 'index-def456.css'), 'body{margin:0}')
  fs.writeFileSync(path.join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  // A secret beside the build: nothing under /admin/ may reach it.
  fs.writeFileSync(path.join(path.dirname(directory), `${path.basename(directory)}-secret.txt`), SECRET)
  return directory
}

describeEachDatabase('console static files', (getDb) => {
  const directory = fakeBuild()
  let app: FastifyInstance
  let unbuilt: FastifyInstance
  beforeAll(async () => {
    await prepareDatabase(getDb())
    app = await buildApp({ db: getDb(), config: testConfig(), consoleDir: directory })
    unbuilt = await buildApp({ db: getDb(), config: testConfig(), consoleDir: path.join(directory, 'none') })
  })
  afterAll(async () => {
    await app?.close()
    await unbuilt?.close()
  })
  const get = (url: string, on = app) => on.inject({ method: 'GET', url })

  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    const policy = String(headers['content-security-policy'])
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("script-src 'self';")
    expect(policy).toContain("style-src 'self' 'unsafe-inline'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe('same-origin')
    expect(headers['x-content-type-options']).toBe('nosniff')
  }

  it('redirects /admin to /admin/', async () => {
    const res = await get('/admin')
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/admin/')
  })

  it.each(['/admin/', '/admin/orders/20260101000000000000', '/admin/catalog?page=2'])(
    'answers index.html, revalidated, with the security headers, for %s',
    async (url) => {
      const res = await get(url)
      expect(res.statusCode).toBe(200)
      expect(res.body).toBe(INDEX)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['cache-control']).toBe('no-cache')
      expectSecurityHeaders(res.headers)
    },
  )

  it('caches hashed assets for good, with their content types', async () => {
    const script = await get('/admin/assets/index-abc123.js')
    expect(script.statusCode).toBe(200)
    expect(script.body).toBe(SCRIPT)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const style = await get('/admin/assets/index-def456.css')
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    const icon = await get('/admin/favicon.svg')
    expect(icon.headers['content-type']).toBe('image/svg+xml')
    expect(icon.headers['cache-control']).toBe('no-cache')
  })

  it('answers 404 for a missing asset or file, not the app', async () => {
    for (const url of ['/admin/assets/index-000000.js', '/admin/assets/', '/admin/missing.png']) {
      const res = await get(url)
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain('<title>Console')
    }
  })

  it('never leaves the build directory', async () => {
    const secret = `${path.basename(directory)}-secret.txt`
    for (const url of [
      `/admin/../${secret}`,
      `/admin/..%2f${secret}`,
      `/admin/assets/..%2f..%2f${secret}`,
      `/admin/assets/%2e%2e/%2e%2e/${secret}`,
      '/admin/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/admin/%2fetc%2fpasswd',
      '/admin/assets/x%00.js',
    ]) {
      const res = await get(url)
      expect(res.body).not.toContain(SECRET)
      expect(res.body).not.toContain('root:')
      expect([url, res.statusCode]).toEqual([url, 404])
    }
  })

  it('answers 503 with how to build when there is no build', async () => {
    for (const url of ['/admin/', '/admin/orders/1']) {
      const res = await get(url, unbuilt)
      expect(res.statusCode).toBe(503)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('npm run build:admin')
      expectSecurityHeaders(res.headers)
    }
  })
})
