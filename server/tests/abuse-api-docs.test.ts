/**
 * API_DOCS (server/http/openapi.ts): /docs and /openapi.json are served by default in development
 * and not in production (they list every route, the merchant API included); the switch turns
 * them on or off either way, and the home page links them only when they are served.
 */
import type { FastifyInstance } from 'fastify'
import type { Env } from '../config'
import { readHttpSettings } from '../http/http-settings'
import { buildTestApp } from '../testing/app'
import { pgliteForSuite } from './abuse-helpers'

// Routing does not depend on the database backend, so PGlite suffices here.
const getDb = pgliteForSuite()

async function docsServed(
  env: Env,
): Promise<{ openapi: number; docs: number; asset: number; homeLinks: boolean }> {
  const app: FastifyInstance = await buildTestApp(getDb(), { http: readHttpSettings(env) })
  try {
    const status = async (url: string) => (await app.inject({ method: 'GET', url })).statusCode
    const home = await app.inject({ method: 'GET', url: '/' })
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('href="/healthz"')
    return {
      openapi: await status('/openapi.json'),
      docs: await status('/docs/'),
      asset: await status('/docs/static/swagger-ui-bundle.js'),
      homeLinks: home.body.includes('href="/openapi.json"') && home.body.includes('href="/docs"'),
    }
  } finally {
    await app.close()
  }
}

const SERVED = { openapi: 200, docs: 200, asset: 200, homeLinks: true }
const NOT_SERVED = { openapi: 404, docs: 404, asset: 404, homeLinks: false }

it('serves the docs in development by default', async () => {
  expect(await docsServed({})).toEqual(SERVED)
})

it('does not serve them in production by default', async () => {
  expect(await docsServed({ NODE_ENV: 'production' })).toEqual(NOT_SERVED)
})

it('API_DOCS turns them on in production and off in development', async () => {
  expect(await docsServed({ NODE_ENV: 'production', API_DOCS: '1' })).toEqual(SERVED)
  expect(await docsServed({ API_DOCS: 'false' })).toEqual(NOT_SERVED)
})

it('names the variable and its values when API_DOCS is not understood', () => {
  expect(() => readHttpSettings({ API_DOCS: 'maybe' })).toThrow(
    'API_DOCS must be 1, true, 0 or false (got "maybe"). Default: API_DOCS=true.',
  )
  expect(() => readHttpSettings({ NODE_ENV: 'production', API_DOCS: 'on' })).toThrow(
    /Default: API_DOCS=false\.$/,
  )
})
