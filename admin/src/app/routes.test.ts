import { describe, expect, it } from '@jest/globals'
import { matchRoute } from './routes'

describe('matchRoute', () => {
  it('reads deep links below /admin', () => {
    expect(matchRoute('/')).toEqual({ name: 'dashboard' })
    expect(matchRoute('/orders/2026120310000001')).toEqual({ name: 'order', id: '2026120310000001' })
    expect(matchRoute('/after-sales/12')).toEqual({ name: 'afterSales', id: '12' })
    expect(matchRoute('/after-sales')).toEqual({ name: 'afterSales', id: undefined })
    expect(matchRoute('/login')).toEqual({ name: 'login' })
  })

  it('answers notFound for anything else', () => {
    expect(matchRoute('/catalog/x')).toEqual({ name: 'notFound' })
    expect(matchRoute('/orders/1/2')).toEqual({ name: 'notFound' })
    expect(matchRoute('/nowhere')).toEqual({ name: 'notFound' })
  })

  it('answers notFound for a malformed escape instead of throwing', () => {
    expect(matchRoute('/orders/%E0')).toEqual({ name: 'notFound' })
    expect(matchRoute('/after-sales/%')).toEqual({ name: 'notFound' })
    expect(matchRoute('/orders/a%20b')).toEqual({ name: 'order', id: 'a b' })
  })
})
