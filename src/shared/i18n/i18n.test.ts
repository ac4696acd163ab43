import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { API_ERROR_CODES } from '../../../contract/errors'
import { addAfterSalesTexts } from './after-sales-texts'
import { en } from './en'
import { enAfterSales } from './en.after-sales'
import { enPrivacy } from './en.privacy'
import { enSubpackages } from './en.subpackages'
import { translate, t, useLocaleStore } from './index'
import { addPrivacyTexts } from './privacy-texts'
import { addSubpackageTexts } from './subpackage-texts'
import { zhCN } from './zh-CN'
import { zhCNAfterSales } from './zh-CN.after-sales'
import { zhCNPrivacy } from './zh-CN.privacy'
import { zhCNSubpackages } from './zh-CN.subpackages'

describe('i18n dictionary', () => {
  it('has every key in every locale, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort())
    expect(Object.keys(enSubpackages).sort()).toEqual(Object.keys(zhCNSubpackages).sort())
    expect(Object.keys(enAfterSales).sort()).toEqual(Object.keys(zhCNAfterSales).sort())
    expect(Object.keys(enPrivacy).sort()).toEqual(Object.keys(zhCNPrivacy).sort())
    const all = [
      en,
      zhCN,
      enSubpackages,
      zhCNSubpackages,
      enAfterSales,
      zhCNAfterSales,
      enPrivacy,
      zhCNPrivacy,
    ].flatMap((texts) => Object.values(texts))
    for (const value of all) expect(value.trim()).not.toBe('')
  })

  it('keeps each key in one dictionary (a later one would silently replace a text)', () => {
    const keys = [zhCN, zhCNSubpackages, zhCNAfterSales, zhCNPrivacy].flatMap((texts) => Object.keys(texts))
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
  })

  it('fills the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const pairs = [
      [zhCN, en],
      [zhCNSubpackages, enSubpackages],
      [zhCNAfterSales, enAfterSales],
      [zhCNPrivacy, enPrivacy],
    ] as const
    const differing = pairs.flatMap(([zh, other]) =>
      Object.entries(zh)
        .filter(([key, text]) => {
          const translated = (other as Record<string, string>)[key]
          return placeholders(text).join() !== placeholders(translated).join()
        })
        .map(([key]) => key),
    )
    expect(differing).toEqual([])
  })

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('en', 'cart.selectedCount', { count: 3 })).toBe('3 selected')
    expect(translate('zh-CN', 'cart.selectedCount', { count: 3 })).toBe('已选 3 件')
    expect(translate('en', 'cart.selectedCount')).toBe('{count} selected')
  })

  it('knows the subpackage pages’ texts once one of them added them, and shows a missing one as its key', () => {
    expect(translate('en', 'product.stock', { count: 3 })).toBe('product.stock')
    addSubpackageTexts()
    expect(translate('en', 'product.stock', { count: 3 })).toBe('3 in stock')
    expect(translate('zh-CN', 'product.stock', { count: 3 })).toBe('库存 3 件')
  })

  it('knows the after-sales texts only once a page showing after-sales added them', () => {
    expect(translate('en', 'afterSales.claimable', { count: 2 })).toBe('afterSales.claimable')
    addAfterSalesTexts()
    expect(translate('en', 'afterSales.claimable', { count: 2 })).toBe('Up to 2')
    expect(translate('zh-CN', 'afterSales.claimable', { count: 2 })).toBe('最多可申请 2 件')
  })

  it('knows the privacy notice’s texts only once its page added them', () => {
    expect(translate('en', 'privacy.title')).toBe('privacy.title')
    addPrivacyTexts()
    expect(translate('en', 'privacy.title')).toBe('Privacy notice')
    expect(translate('zh-CN', 'privacy.title')).toBe('隐私说明')
  })

  it('follows the current locale', () => {
    useLocaleStore.getState().setLocale('en')
    expect(t('tab.cart')).toBe('Cart')
    useLocaleStore.getState().setLocale('zh-CN')
    expect(t('tab.cart')).toBe('购物车')
  })
})

describe('i18n keys in use', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name)
      if (statSync(file).isDirectory()) return sources(file)
      return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [readFileSync(file, 'utf8')] : []
    })

  it('every key is used by the app (no dead text to translate)', () => {
    const root = path.resolve(__dirname, '..', '..')
    const code = sources(root)
      .filter((text) => !/export const (zhCN|en)\w*(: \w+)? = \{/.test(text))
      .join('\n')
    // Result screens build their keys from a screen id: `pay.<id>.title|body|dev` (result-codes.ts).
    const usedAsScreen = (key: string) => {
      const screen = /^pay\.(\w+)\.(title|body|dev)$/.exec(key)
      return screen !== null && code.includes(`id: '${screen[1]}'`)
    }
    // Refusals are worded by their API error code: `problem.<code>` (shared/ui/feedback.ts).
    const usedAsProblem = (key: string) => {
      const problem = /^problem\.(\w+)$/.exec(key)
      return (
        problem !== null &&
        (API_ERROR_CODES as readonly string[]).includes(problem[1]) &&
        code.includes('`problem.${error.code}`')
      )
    }
    const unused = [
      ...Object.keys(zhCN),
      ...Object.keys(zhCNSubpackages),
      ...Object.keys(zhCNAfterSales),
      ...Object.keys(zhCNPrivacy),
    ].filter((key) => !code.includes(`'${key}'`) && !usedAsScreen(key) && !usedAsProblem(key))
    expect(unused).toEqual([])
  })
})

describe('i18n modules', () => {
  /** The modules of this folder each one imports at run time (`import type` is erased). */
  const runtimeImports = (): Map<string, string[]> => {
    const modules = readdirSync(__dirname).filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'))
    return new Map(
      modules.map((name) => {
        const code = readFileSync(path.join(__dirname, name), 'utf8')
        const sources = [...code.matchAll(/^(?:import|export) (?!type )[^'"]*?from '\.\/([\w.-]+)'/gm)]
        return [name.replace(/\.tsx?$/, ''), sources.map((match) => match[1])]
      }),
    )
  }

  it('import each other without a cycle', () => {
    const graph = runtimeImports()
    const cycles: string[] = []
    const visit = (module: string, trail: string[]) => {
      if (trail.includes(module)) return void cycles.push([...trail, module].join(' → '))
      for (const next of graph.get(module) ?? []) visit(next, [...trail, module])
    }
    for (const module of graph.keys()) visit(module, [])
    expect(cycles).toEqual([])
  })
})
