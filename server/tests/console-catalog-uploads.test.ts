/** The console's image uploads: type and size checked, stored by content in DATA_DIR/images, served. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PRODUCT_IMAGE_MAX_BYTES, type ConsoleProduct, type UploadedImage } from '../../contract'
import { IMAGES_DIR } from '../catalog/images'
import { describeEachDatabase } from '../testing/databases'
import { appForSuite } from '../testing/suites'
import { loggedInStaff, type TestStaff } from './merchant-helpers'
import { catalogAudit, request } from './console-catalog-helpers'

const PNG = fs.readFileSync(path.join(IMAGES_DIR, 'mug-ceramic.png'))
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)])
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.alloc(4),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(40, 2),
])
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describeEachDatabase('console catalog: image uploads', (getDb) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-uploads-'))
  const suite = appForSuite(getDb, { dataDir })
  let staff: TestStaff

  const upload = (bytes: Buffer, contentType: string, headers: Record<string, string> = staff.headers) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/merchant/images',
      headers: { ...headers, 'content-type': contentType },
      payload: bytes,
    })

  /** The uploads directory's files, temporary ones (dot files) included; none while it does not exist. */
  const uploadsListing = () => {
    const directory = path.join(dataDir, 'images')
    return fs.existsSync(directory) ? fs.readdirSync(directory).sort() : []
  }

  beforeAll(async () => {
    staff = await loggedInStaff(getDb(), 'staff')
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('stores a PNG under its content hash in DATA_DIR/images and serves it as image/png', async () => {
    const res = await upload(PNG, 'image/png')
    expect(res.statusCode).toBe(201)
    const file = `u-${sha256(PNG).slice(0, 32)}.png`
    expect(res.json<UploadedImage>()).toEqual({ file, url: `http://127.0.0.1:3000/images/${file}` })
    expect(fs.readFileSync(path.join(dataDir, 'images', file)).equals(PNG)).toBe(true)
    expect(fs.existsSync(path.join(IMAGES_DIR, file))).toBe(false)

    const served = await suite.app.inject({ method: 'GET', url: `/images/${file}` })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.rawPayload.equals(PNG)).toBe(true)

    const again = await upload(PNG, 'image/png')
    expect(again.json<UploadedImage>().file).toBe(file)
    expect(fs.readdirSync(path.join(dataDir, 'images'))).toEqual([file])
    const [entry] = await catalogAudit(getDb(), 'image', file)
    expect(entry).toMatchObject({ staff_id: staff.id, action: 'image.upload', after: { type: 'image/png' } })
  })

  it('accepts JPEG and WebP too, served with their own types', async () => {
    for (const [bytes, type, ext] of [
      [JPEG, 'image/jpeg', 'jpg'],
      [WEBP, 'image/webp', 'webp'],
    ] as const) {
      const res = await upload(bytes, type)
      expect(res.statusCode).toBe(201)
      const { file } = res.json<UploadedImage>()
      expect(file).toBe(`u-${sha256(bytes).slice(0, 32)}.${ext}`)
      const served = await suite.app.inject({ method: 'GET', url: `/images/${file}` })
      expect(served.headers['content-type']).toBe(type)
    }
  })

  it('lets a product use an uploaded image', async () => {
    const { file } = (await upload(PNG, 'image/png')).json<UploadedImage>()
    const res = await request(suite.app, 'PATCH', '/api/merchant/products/cap-canvas', staff.headers, {
      images: [file, 'cap-canvas.png'],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<ConsoleProduct>().imageUrls[0]).toBe(`http://127.0.0.1:3000/images/${file}`)
  })

  it('refuses bytes that are not the image their Content-Type says (415 image_content_mismatch)', async () => {
    const listing = uploadsListing()
    for (const [bytes, type] of [
      [Buffer.from('hello, this is plain text'), 'image/png'],
      [PNG, 'image/jpeg'],
      [JPEG, 'image/webp'],
      [Buffer.from('RIFF\0\0\0\0WAVEfmt '), 'image/webp'],
    ] as const) {
      const res = await upload(bytes, type)
      expect({ type, status: res.statusCode, code: res.json().code }).toEqual({
        type,
        status: 415,
        code: 'image_content_mismatch',
      })
    }
    expect(uploadsListing()).toEqual(listing)
  })

  it('refuses other Content-Types with 415 unsupported_media_type, naming the accepted ones', async () => {
    const listing = uploadsListing()
    for (const type of ['text/plain', 'application/json', 'image/gif', 'image/svg+xml']) {
      const res = await upload(PNG, type)
      expect({ type, status: res.statusCode }).toEqual({ type, status: 415 })
      expect(res.json()).toMatchObject({
        code: 'unsupported_media_type',
        message: expect.stringContaining('image/png'),
      })
    }
    expect(uploadsListing()).toEqual(listing)
  })

  it('refuses an image over PRODUCT_IMAGE_MAX_BYTES with 413, and accepts one just within', async () => {
    const padded = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length)])
    const listing = uploadsListing()
    const over = await upload(padded(PRODUCT_IMAGE_MAX_BYTES + 1), 'image/png')
    expect(over.statusCode).toBe(413)
    expect(over.json()).toMatchObject({ code: 'payload_too_large', message: expect.any(String) })
    expect(uploadsListing()).toEqual(listing)
    expect((await upload(padded(PRODUCT_IMAGE_MAX_BYTES), 'image/png')).statusCode).toBe(201)
  })

  it('needs a staff session', async () => {
    const res = await upload(PNG, 'image/png', {})
    expect(res.statusCode).toBe(401)
  })
})
