import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { IMAGES_DIR } from '../catalog/images'
import { loadSeedData } from '../catalog/seed'
import { buildTestApp } from '../testing/app'
import { createPgliteTestDatabase, type TestDatabase } from '../testing/databases'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
let testDb: TestDatabase
let app: FastifyInstance

beforeAll(async () => {
  testDb = await createPgliteTestDatabase()
  app = await buildTestApp(testDb.db)
})
afterAll(async () => {
  await app.close()
  await testDb.dispose()
})

describe('product images', () => {
  it('has a small PNG for every image named in the seed data', () => {
    for (const product of loadSeedData().products) {
      for (const file of product.images) {
        const bytes = fs.readFileSync(path.join(IMAGES_DIR, file))
        expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
        expect({ file, small: bytes.length < 20 * 1024 }).toEqual({ file, small: true })
      }
    }
  })

  it('serves a PNG with content type, long cache header and ETag', async () => {
    const res = await app.inject({ method: 'GET', url: '/images/mug-ceramic.png' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d{7,}/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.rawPayload.equals(fs.readFileSync(path.join(IMAGES_DIR, 'mug-ceramic.png')))).toBe(true)
    const cached = await app.inject({
      method: 'GET',
      url: '/images/mug-ceramic.png',
      headers: { 'if-none-match': String(res.headers.etag) },
    })
    expect(cached.statusCode).toBe(304)
    expect(cached.rawPayload.length).toBe(0)
  })

  it.each([
    '/images/nope.png',
    '/images/seed-data.json',
    '/images/MUG-CERAMIC.png',
    '/images/..%2Fseed-data.json',
    '/images/..%2F..%2F..%2Fpackage.json',
    '/images/%2e%2e%2f%2e%2e%2fapp.ts',
    '/images/..%5C..%5Capp.ts',
    '/images/mug-ceramic.png%00.json',
    '/images/../catalog/seed-data.json',
    '/images/.hidden.png',
  ])('answers %s with 404 not_found', async (url) => {
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found', message: expect.any(String) })
  })
})
