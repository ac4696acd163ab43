/**
 * Checks of the production builds that `npm test` makes before running jest (CHECK_BUILDS=1).
 * They catch what users of Taro on Alipay keep hitting: pages missing from the package, a project
 * file the IDE cannot open, syntax an older phone's engine cannot parse, secrets in the bundle.
 */
import { parse } from 'acorn'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { productionApiBaseUrl } from '../support/production-api'

const root = path.resolve(__dirname, '..', '..')
const dist = (platform: string, ...parts: string[]) => path.join(root, 'dist', platform, ...parts)
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

/** The pages the source declares, read from app.config.ts without running it. */
function declaredPages(): string[] {
  const source = readFileSync(path.join(root, 'src', 'app.config.ts'), 'utf8')
  const list = /pages:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? ''
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1])
}

/** What the production build was given: the environment wins over .env.production, as in Taro. */
beforeAll(() => {
  for (const platform of ['alipay', 'weapp', 'h5']) {
    if (!existsSync(dist(platform)))
      throw new Error(`dist/${platform} is missing: run npm run build:${platform}`)
  }
})

describe.each([
  { platform: 'alipay', template: '.axml', style: '.acss', tabKey: 'items' },
  { platform: 'weapp', template: '.wxml', style: '.wxss', tabKey: 'list' },
])('dist/$platform', ({ platform, template, tabKey }) => {
  const pages = declaredPages()

  it('has an app.json listing every page of the source, and each page has its files', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4)
    const app = readJson(dist(platform, 'app.json'))
    expect(app.pages).toEqual(pages)
    for (const page of pages) {
      for (const ext of [template, '.js', '.json']) {
        expect(existsSync(dist(platform, `${page}${ext}`))).toBe(true)
      }
    }
  })

  it('has a tab bar whose icons are in the package', () => {
    const tabBar = readJson(dist(platform, 'app.json')).tabBar
    const items = tabBar[tabKey] as Record<string, string>[]
    expect(items.map((item) => item.pagePath)).toEqual([
      'pages/index/index',
      'pages/cart/index',
      'pages/me/index',
    ])
    for (const item of items) {
      for (const icon of Object.values(item).filter((value) => value.endsWith('.png'))) {
        expect(existsSync(dist(platform, icon))).toBe(true)
      }
    }
  })

  it('parses as ES2017 everywhere (no `?.`, `??` or object spread for old phone engines)', () => {
    const scripts = filesUnder(dist(platform)).filter((file) => file.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(5)
    for (const file of scripts) {
      expect(() =>
        parse(readFileSync(file, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' }),
      ).not.toThrow()
    }
  })

  it('keeps the main package far below the 2 MB limit', () => {
    const bytes = filesUnder(dist(platform)).reduce((sum, file) => sum + statSync(file).size, 0)
    expect(bytes).toBeLessThan(2 * 1024 * 1024)
  })
})

describe('dist/alipay project files', () => {
  it('carries its own mini.project.json so the folder opens directly in the Alipay IDE', () => {
    expect(readJson(dist('alipay', 'mini.project.json'))).toMatchObject({
      format: 2,
      compileType: 'mini',
      component2: true,
      enableNodeModuleBabelTransform: true,
    })
  })

  it('has the .browserslistrc the Alipay IDE needs (NervJS/taro#16560)', () => {
    expect(readFileSync(dist('alipay', '.browserslistrc'), 'utf8')).toContain('es6-module')
  })

  it('is opened from the repository root through mini.project.json → dist/alipay', () => {
    expect(readJson(path.join(root, 'mini.project.json'))).toMatchObject({
      format: 2,
      miniprogramRoot: 'dist/alipay',
    })
    expect(readJson(path.join(root, 'project.config.json'))).toMatchObject({ miniprogramRoot: 'dist/weapp/' })
  })
})

describe.each(['alipay', 'weapp', 'h5'])('the %s bundle', (platform) => {
  const text = () =>
    filesUnder(dist(platform))
      .filter((file) => /\.(js|json|html)$/.test(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')

  it('has the API base URL of .env.production baked in, and nothing from the server or its schemas', () => {
    const bundle = text()
    expect(bundle).toContain(productionApiBaseUrl())
    expect(bundle).not.toMatch(/PRIVATE KEY|@sinclair\/typebox|TypeBox|fastify|pglite/i)
  })
})
