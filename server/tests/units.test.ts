import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import { crc32, encodePng } from '../../scripts/png'
import { escapeLike } from '../catalog/repository'
import { IMAGE_FILE_PATTERN } from '../catalog/images'
import { validateSeedData, loadSeedData } from '../catalog/seed'
import { loadConfig } from '../config'
import { pickLanguage } from '../http/language'
import { productionAlipayEnv } from '../alipay-simulator/test-harness'

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', corsOrigin: '*' })
    expect(config.dataDir).toMatch(/\.data$/)
    expect(config.databaseUrl).toBeUndefined()
    expect(config.publicUrl).toBeUndefined()
  })

  it('reads values and normalises PUBLIC_URL and CORS_ORIGIN', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/shop',
      PUBLIC_URL: 'https://shop.example.com/',
      CORS_ORIGIN: 'https://a.example.com, https://b.example.com',
    })
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/shop',
      publicUrl: 'https://shop.example.com',
      corsOrigin: ['https://a.example.com', 'https://b.example.com'],
    })
  })

  it('requires PUBLIC_URL in production, where the Host header must not pick image URLs', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'PUBLIC_URL must be set in production, e.g. PUBLIC_URL=https://api.example.com',
    )
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: '  ' })).toThrow(/PUBLIC_URL must be set/)
    const alipay = productionAlipayEnv() // production also requires real Alipay keys
    expect(
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com/', ...alipay }).publicUrl,
    ).toBe('https://api.example.com')
    // Development and tests keep the convenient default.
    expect(loadConfig({ NODE_ENV: 'development' }).publicUrl).toBeUndefined()
    expect(loadConfig({ NODE_ENV: 'test' }).publicUrl).toBeUndefined()
  })

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '30.5' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ PUBLIC_URL: '/relative' }, /PUBLIC_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ CORS_ORIGIN: 'shop.example.com' }, /CORS_ORIGIN/],
  ])('rejects %j with a message naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name)
  })
})

describe('pickLanguage', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['zh;q=0.4,en;q=0.6', 'en'],
    ['de', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('%s → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected)
  })
})

describe('escapeLike', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\')
  })
})

describe('seed data validation', () => {
  // Broken seeds are arbitrary JSON, so the mutations work on untyped data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = any
  const clone = (): Loose => JSON.parse(JSON.stringify(loadSeedData()))

  it('accepts the shipped file, with two languages and enough products for two pages', () => {
    const data = loadSeedData()
    expect(data.products.length).toBeGreaterThan(20)
    expect(data.products.some((p) => p.stock === 0 && !p.skus)).toBe(true)
  })

  it.each<[string, (data: Loose) => void, RegExp | string]>([
    ['null products', (d) => (d.products = null), /"products" must be an array/],
    ['missing categories', (d) => delete d.categories, /"categories" must be an array of categories/],
    ['products as an object', (d) => (d.products = {}), /"products" must be an array/],
    ['a null category', (d) => (d.categories[1] = null), /category 2 must be an object/],
    [
      'a category without an English name',
      (d) => (d.categories[0].name = { 'zh-CN': '服饰' }),
      'seed-data.json: category "apparel" has no "en" name',
    ],
    ['a category without a name', (d) => delete d.categories[2].name, /category "kitchen" has no name/],
    ['a null product', (d) => (d.products[1] = null), /product 2 must be an object/],
    ['a numeric product id', (d) => (d.products[0].id = 123), /product 1 id 123 must match/],
    [
      'float price',
      (d) => (d.products[0].price = 49.9),
      /product "tshirt-classic" price must be a non-negative integer/,
    ],
    ['missing stock', (d) => delete d.products[0].stock, /product "tshirt-classic" stock must be/],
    ['float override price', (d) => (d.products[0].skus[1].price = 1.5), /sku override 2 price must be/],
    ['unknown category', (d) => (d.products[0].categoryId = 'nope'), /unknown categoryId "nope"/],
    ['duplicate product', (d) => d.products.push(d.products[0]), /duplicate product id/],
    [
      'bad override',
      (d) => (d.products[0].skus = [{ values: ['purple', 'm'], price: 1 }]),
      /matches no option combination/,
    ],
    [
      'override values as a string',
      (d) => (d.products[0].skus = [{ values: 'white' }]),
      /sku override 1 "values" must be an array/,
    ],
    [
      'repeated override',
      (d) => d.products[0].skus.push(d.products[0].skus[0]),
      /sku override 4 repeats \[white, xl\]/,
    ],
    [
      'blank English title',
      (d) => (d.products[0].title.en = ' '),
      'seed-data.json: product "tshirt-classic" has no "en" title',
    ],
    ['missing description', (d) => delete d.products[1].description, /product "[a-z-]+" has no description/],
    [
      'numeric Chinese description',
      (d) => (d.products[0].description['zh-CN'] = 5),
      /has no "zh-CN" description/,
    ],
    ['NUL in a title', (d) => (d.products[0].title.en = 'a\u0000b'), /"en" title contains a NUL character/],
    [
      'an option without an English name',
      (d) => delete d.products[0].options[0].name.en,
      'seed-data.json: product "tshirt-classic" option 1 has no "en" name',
    ],
    ['an option without a name', (d) => delete d.products[0].options[1].name, /option 2 has no name/],
    [
      'an option value without Chinese text',
      (d) => delete d.products[0].options[1].values[2]['zh-CN'],
      'seed-data.json: product "tshirt-classic" option 2 value 3 has no "zh-CN" text',
    ],
    [
      'options as null',
      (d) => (d.products[0].options = null),
      /product "tshirt-classic" "options" must be an array/,
    ],
    [
      'option values as a string',
      (d) => (d.products[0].options[0].values = 'white'),
      /option 1 "values" must be an array/,
    ],
    ['an empty option', (d) => (d.products[0].options[0].values = []), /option 1 has no values/],
    [
      'a null option value',
      (d) => (d.products[0].options[0].values[0] = null),
      /option 1 value 1 must be an object/,
    ],
    [
      'a bad option key',
      (d) => (d.products[0].options[0].values[0].key = 'Off White'),
      /option 1 value 1 key "Off White" must match/,
    ],
    [
      'a duplicate option key',
      (d) => (d.products[0].options[0].values[1].key = 'white'),
      /option 1 has duplicate value key "white"/,
    ],
    [
      'missing images',
      (d) => delete d.products[0].images,
      /product "tshirt-classic" "images" must be an array/,
    ],
    ['no images', (d) => (d.products[0].images = []), /needs at least one image/],
    ['a non-string image', (d) => (d.products[0].images = [42]), /image 42 must be a file name/],
  ])('rejects %s with a message naming the entry', (_label, mutate, message) => {
    const data = clone()
    mutate(data)
    expect(() => validateSeedData(data)).toThrow(message)
  })

  it('rejects null and non-object files', () => {
    expect(() => validateSeedData(null)).toThrow('seed-data.json: must be an object')
    expect(() => validateSeedData([])).toThrow('seed-data.json: must be an object')
  })

  it.each(['-lead.png', `${'a'.repeat(70)}.png`, 'Mug.png', 'mug.PNG', 'mug ceramic.png'])(
    'rejects image %s, which GET /images/:file would not serve',
    (file) => {
      expect(IMAGE_FILE_PATTERN.test(file)).toBe(false)
      const data = clone()
      data.products[0].images = [file]
      expect(() => validateSeedData(data)).toThrow(/product "tshirt-classic" image .* must be a file name/)
    },
  )

  it('names the file and the problem when the seed file is broken or points at a missing image', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'))
    try {
      const broken = path.join(dir, 'broken.json')
      fs.writeFileSync(broken, '{"categories": [')
      expect(() => loadSeedData(broken)).toThrow(/^broken\.json: cannot be read as JSON/)
      const missingImage = path.join(dir, 'seed-data.json')
      const data = clone()
      data.products[0].images = ['no-such-image.png']
      fs.writeFileSync(missingImage, JSON.stringify(data))
      expect(() => loadSeedData(missingImage)).toThrow(
        /seed-data\.json: product "tshirt-classic" image "no-such-image\.png" is not in/,
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('encodePng', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })

  it('writes a valid RGBA PNG whose pixels round-trip', () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256)
    const png = encodePng(3, 2, rgba)
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(3)
    expect(png.readUInt32BE(20)).toBe(2)
    const idatLength = png.readUInt32BE(33)
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT')
    const raw = inflateSync(png.subarray(41, 41 + idatLength))
    // Undo the per-row filters to recover the pixels.
    const stride = 12
    const out = new Uint8Array(rgba.length)
    for (let y = 0; y < 2; y++) {
      const filter = raw[y * (stride + 1)]
      for (let x = 0; x < stride; x++) {
        const left = x >= 4 ? out[y * stride + x - 4] : 0
        const up = y > 0 ? out[(y - 1) * stride + x] : 0
        const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0
        const p = left + up - upLeft
        const paeth =
          Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
            ? left
            : Math.abs(p - up) <= Math.abs(p - upLeft)
              ? up
              : upLeft
        const predictor = [0, left, up, (left + up) >> 1, paeth][filter]
        out[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor) & 0xff
      }
    }
    expect(Array.from(out)).toEqual(Array.from(rgba))
  })

  it('rejects a buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow(/expected 16 bytes/)
  })
})
