import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { en } from './en'
import { translate, t, useLocaleStore } from './index'
import { zhCN } from './zh-CN'

describe('i18n dictionary', () => {
  it('has every key in every locale, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort())
    for (const value of [...Object.values(en), ...Object.values(zhCN)]) expect(value.trim()).not.toBe('')
  })

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('en', 'product.stock', { count: 3 })).toBe('3 in stock')
    expect(translate('zh-CN', 'product.stock', { count: 3 })).toBe('库存 3 件')
    expect(translate('en', 'product.stock')).toBe('{count} in stock')
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
      .filter((text) => !text.includes('export const zhCN') && !text.includes('export const en:'))
      .join('\n')
    // Result screens build their keys from a screen id: `pay.<id>.title|body|dev` (result-codes.ts).
    const usedAsScreen = (key: string) => {
      const screen = /^pay\.(\w+)\.(title|body|dev)$/.exec(key)
      return screen !== null && code.includes(`id: '${screen[1]}'`)
    }
    const unused = Object.keys(zhCN).filter((key) => !code.includes(`'${key}'`) && !usedAsScreen(key))
    expect(unused).toEqual([])
  })
})
