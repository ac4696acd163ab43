import { parseApiBaseUrl } from './index'

describe('TARO_APP_API_BASE_URL check', () => {
  it('accepts http(s) URLs and drops trailing slashes', () => {
    expect(parseApiBaseUrl('http://localhost:3000/')).toEqual({
      ok: true,
      apiBaseUrl: 'http://localhost:3000',
    })
    expect(parseApiBaseUrl(' https://api.example.com/shop ')).toEqual({
      ok: true,
      apiBaseUrl: 'https://api.example.com/shop',
    })
  })

  it('says what to set when missing or malformed', () => {
    expect(parseApiBaseUrl(undefined)).toEqual({ ok: false, problem: { key: 'config.missingApi' } })
    expect(parseApiBaseUrl('  ')).toEqual({ ok: false, problem: { key: 'config.missingApi' } })
    expect(parseApiBaseUrl('localhost:3000')).toEqual({
      ok: false,
      problem: { key: 'config.badApi', value: 'localhost:3000' },
    })
    expect(parseApiBaseUrl('ftp://x')).toMatchObject({ ok: false })
  })

  it('warns when a release build points at plain http or localhost', () => {
    expect(parseApiBaseUrl('http://localhost:3000', true)).toEqual({
      ok: true,
      apiBaseUrl: 'http://localhost:3000',
      warning: { key: 'config.insecureApi', value: 'http://localhost:3000' },
    })
    expect(parseApiBaseUrl('https://api.example.com', true)).toEqual({
      ok: true,
      apiBaseUrl: 'https://api.example.com',
    })
    expect(parseApiBaseUrl('http://localhost:3000', false)).not.toHaveProperty('warning')
  })
})
