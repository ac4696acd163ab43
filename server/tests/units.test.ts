import { inflateSync } from 'node:zlib'
import { crc32, encodePng } from '../../scripts/png'
import { escapeLike } from '../catalog/repository'
import { validateSeedData, loadSeedData, type SeedData } from '../catalog/seed'
import { loadConfig } from '../config'
import { pickLanguage } from '../http/language'

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', logLevel: 'info', corsOrigin: '*' })
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
  const clone = (): SeedData => JSON.parse(JSON.stringify(loadSeedData()))

  it('accepts the shipped file, with two languages and enough products for two pages', () => {
    const data = loadSeedData()
    expect(data.products.length).toBeGreaterThan(20)
    expect(data.products.some((p) => p.stock === 0 && !p.skus)).toBe(true)
  })

  it.each<[string, (data: SeedData) => void, RegExp]>([
    ['float price', (d) => (d.products[0].price = 49.9), /price of tshirt-classic/],
    ['unknown category', (d) => (d.products[0].categoryId = 'nope'), /unknown categoryId/],
    ['duplicate product', (d) => d.products.push(d.products[0]), /duplicate product id/],
    [
      'bad override',
      (d) => (d.products[0].skus = [{ values: ['purple', 'm'], price: 1 }]),
      /matches no option combination/,
    ],
    ['missing English', (d) => (d.products[0].title.en = ''), /title needs/],
  ])('rejects %s', (_label, mutate, message) => {
    const data = clone()
    mutate(data)
    expect(() => validateSeedData(data)).toThrow(message)
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
