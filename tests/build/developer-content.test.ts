/**
 * Developer content — result codes, integration advice (tradeNO, whitelists, ISV permissions),
 * developer hints — lives in src/features/payment/dev-texts.ts behind
 * `process.env.NODE_ENV !== 'production'`, so webpack drops it from production builds. This
 * reads the production output's text (dist/alipay or MINI_DIST_DIR, dist/h5 or H5_DIST_DIR) and
 * fails if any of it got in. With DEV_MINI_DIST_DIR it also checks that a development build still
 * carries it: a watch build (`npm run dev:alipay`, e.g. with TARO_OUTPUT_ROOT=/tmp/dev), as
 * `taro build` without --watch always bundles with NODE_ENV=production.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { DEV_TEXTS } from '../../src/features/payment/dev-texts'
import { zhCNSubpackages } from '../../src/shared/i18n/zh-CN.subpackages'
import { enSubpackages } from '../../src/shared/i18n/en.subpackages'

const root = path.resolve(__dirname, '..', '..')
const builds = {
  alipay: path.resolve(root, process.env.MINI_DIST_DIR ?? 'dist/alipay'),
  h5: path.resolve(root, process.env.H5_DIST_DIR ?? 'dist/h5'),
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

/** Everything a build ships that can hold text: scripts, templates, pages, configs. */
const textOf = (dir: string) =>
  filesUnder(dir)
    .filter((file) => /\.(js|axml|wxml|html|json)$/.test(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')

/**
 * Pieces of a text as they appear in a bundle: split at quotes (a bundle may escape them) and at
 * the `{code}` placeholders, keeping the long ones so a match means that very text.
 */
const fragments = (text: string) =>
  text
    .split(/["'“”‘’]|\{\w+\}/)
    .map((piece) => piece.trim())
    // Long enough to be that text, not a word the code also uses ("confirming").
    .filter((piece) => piece.length >= (/[\u4e00-\u9fff]/.test(piece) ? 6 : 16))

const developerTexts = () => {
  if (!DEV_TEXTS) throw new Error('jest runs with NODE_ENV=test: the developer texts must be there')
  return [...Object.entries(DEV_TEXTS['zh-CN']), ...Object.entries(DEV_TEXTS.en)]
}

describe.each(Object.entries(builds))('the production %s build', (platform, dir) => {
  let shipped = ''
  beforeAll(() => {
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run build:${platform}`)
    shipped = textOf(dir)
  })

  it('carries the buyer’s FAQ (the scan sees texts as the bundle stores them)', () => {
    for (const text of [zhCNSubpackages['faq.paidPending.q'], enSubpackages['faq.charged.a']])
      for (const piece of fragments(text))
        expect({ piece, found: shipped.includes(piece) }).toEqual({ piece, found: true })
  })

  it('carries no developer content: no result-code line, no integration advice, no developer hints', () => {
    const leaked = developerTexts().flatMap(([key, text]) =>
      fragments(text)
        .filter((piece) => shipped.includes(piece))
        .map((piece) => `${key}: “${piece}”`),
    )
    expect(leaked).toEqual([])
    // The advice by its words, whatever the dictionaries say.
    expect(shipped).not.toContain('out_trade_no')
    expect(shipped).not.toContain('ISV')
  })
})

const devBuild = process.env.DEV_MINI_DIST_DIR
;(devBuild ? describe : describe.skip)('a development Alipay build (DEV_MINI_DIST_DIR)', () => {
  it('still carries the developer content', () => {
    const shipped = textOf(path.resolve(root, devBuild!))
    const missing = developerTexts().flatMap(([key, text]) =>
      fragments(text)
        .filter((piece) => !shipped.includes(piece))
        .map((piece) => `${key}: “${piece}”`),
    )
    expect(missing).toEqual([])
  })
})
