import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/types'
import { buildTestApp } from '../testing/app'
import { describeEachDatabase } from '../testing/databases'

describeEachDatabase('health', (getDb, kind) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp(getDb())
  })
  afterAll(async () => {
    await app.close()
  })

  it('reports ok and the database kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: kind })
  })
})

describe('health with a failing database', () => {
  it('answers 503 with the error shape', async () => {
    const broken: Db = {
      kind: 'postgres',
      description: 'broken',
      query: async () => {
        throw new Error('connection refused')
      },
      exec: async () => undefined,
      transaction: async () => {
        throw new Error('connection refused')
      },
      close: async () => undefined,
    }
    const app = await buildTestApp(broken)
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' })
      expect(res.statusCode).toBe(503)
      expect(res.json()).toMatchObject({ code: 'unavailable', message: 'Database is unavailable.' })
      expect(res.body).not.toContain('connection refused')
    } finally {
      await app.close()
    }
  })
})

describe('OpenAPI', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    const unusedDb = { kind: 'pglite' } as Db // documentation routes never touch the database
    app = await buildTestApp(unusedDb, { publicUrl: 'https://shop.example.com' })
  })
  afterAll(async () => {
    await app.close()
  })

  it('publishes an OpenAPI 3 document listing the API paths', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(doc.info.title).toBe('Shop reference API')
    expect(doc.servers).toEqual([{ url: 'https://shop.example.com' }])
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/categories',
        '/api/products',
        '/api/products/{id}',
        '/images/{file}',
        '/healthz',
      ]),
    )
    expect(doc.paths['/openapi.json']).toBeUndefined()
    const pageParam = doc.paths['/api/products'].get.parameters.find(
      (p: { name: string }) => p.name === 'page',
    )
    // Optional to send: Ajv fills in the default (contract/common.ts).
    expect(pageParam).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } })
    expect(pageParam.required).toBeFalsy()
    expect(doc.paths['/api/products/{id}'].get.responses).toHaveProperty('404')
  })

  it('answers / with a page linking the docs, the OpenAPI document and the health check', async () => {
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/)
    expect(page.body).toContain('<title>Shop reference API</title>')
    const links = [...page.body.matchAll(/href="([^"]+)"/g)].map((match) => match[1])
    expect(links).toEqual(['/docs', '/openapi.json', '/healthz'])
    for (const link of links) {
      const target = await app.inject({ method: 'GET', url: link })
      expect(target.statusCode).not.toBe(404) // /healthz answers 503 here: this app has no database
    }
  })

  it('serves the Swagger UI page and its assets locally', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    const bundle = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' })
    expect(bundle.statusCode).toBe(200)
  })
})
