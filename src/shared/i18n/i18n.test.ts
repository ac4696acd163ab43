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
