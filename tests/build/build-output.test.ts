/**
 * Checks of the production builds that `npm test` makes before running jest (CHECK_BUILDS=1).
 * They catch what users of Taro on Alipay keep hitting: pages missing from the package, a project
 * file the IDE cannot open, syntax an older phone's engine cannot parse, secrets in the bundle.
 */
import { parse } from 'acorn'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { PACKAGE_LIMIT_BYTES, measureBundle } from '../../scripts/bench/bundle'
import { mainPackagePages, preloadRule, subPackages } from '../../src/shared/app-json'
import { enAfterSales } from '../../src/shared/i18n/en.after-sales'
import { enSubpackages } from '../../src/shared/i18n/en.subpackages'
import { ROUTES, TAB_BAR } from '../../src/shared/routes'
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
  it('has an app.json with the pages, subpackages and preloads of src/shared/routes.ts, each page with its files', () => {
    const app = readJson(dist(platform, 'app.json'))
    expect(app.pages).toEqual(mainPackagePages())
    expect(app.subPackages).toEqual(subPackages())
    expect(app.preloadRule).toEqual(preloadRule())
    for (const route of Object.values(ROUTES)) {
      for (const ext of [template, '.js', '.json']) {
        expect({ route, ext, exists: existsSync(dist(platform, `${route}${ext}`)) }).toEqual({
          route,
          ext,
          exists: true,
        })
      }
    }
  })

  it('has a tab bar whose icons are in the package', () => {
    const tabBar = readJson(dist(platform, 'app.json')).tabBar
    const items = tabBar[tabKey] as Record<string, string>[]
    expect(items.map((item) => item.pagePath)).toEqual(TAB_BAR.map((tab) => ROUTES[tab.page]))
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

  it('leaves the subpackage pages’ texts (after-sales too) out of the main package, and puts them in the subpackages', () => {
    // English texts that the minifier keeps verbatim (no quotes or escapes to rewrite).
    const texts = [...Object.values(enSubpackages), ...Object.values(enAfterSales)].filter(
      (value) => value.length >= 24 && /^[\x20-\x7e]+$/.test(value) && !/["'\\]/.test(value),
    )
    expect(texts.length).toBeGreaterThan(10)
    const subpackageRoots = subPackages().map((sub) => `${sub.root}/`)
    const scripts = filesUnder(dist(platform)).filter((file) => file.endsWith('.js'))
    const inSubpackage = (file: string) => {
      const relative = path.relative(dist(platform), file).split(path.sep).join('/')
      return subpackageRoots.some((subRoot) => relative.startsWith(subRoot))
    }
    const source = (wanted: boolean) =>
      scripts
        .filter((file) => inSubpackage(file) === wanted)
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n')
    const main = source(false)
    const subpackages = source(true)
    expect(texts.filter((text) => main.includes(text))).toEqual([])
    expect(texts.filter((text) => !subpackages.includes(text))).toEqual([])
  })

  it('keeps every package (main and each subpackage) under the 2 MB limit', () => {
    const { mainPackageBytes, subpackages } = measureBundle(dist(platform))
    expect(subpackages.map((sub) => sub.root)).toEqual(subPackages().map((sub) => sub.root))
    const packages = [
      { name: 'main', bytes: mainPackageBytes },
      ...subpackages.map((sub) => ({ name: sub.root, bytes: sub.bytes })),
    ]
    for (const { name, bytes } of packages) {
      expect({ name, withinLimit: bytes > 0 && bytes <= PACKAGE_LIMIT_BYTES }).toEqual({
        name,
        withinLimit: true,
      })
    }
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
