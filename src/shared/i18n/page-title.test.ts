import { titleForBar } from './usePageTitle'

describe('titleForBar', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('escapes a title on H5, whose navigation bar writes it as HTML', () => {
    process.env.TARO_ENV = 'h5'
    expect(titleForBar('<img src=x onerror="alert(1)">T恤 & 杯')).toBe(
      '&#60;img src=x onerror=&#34;alert(1)&#34;&#62;T恤 &#38; 杯',
    )
  })

  it('leaves it as it is in mini-programs, which show it as text', () => {
    process.env.TARO_ENV = 'alipay'
    expect(titleForBar('T恤 & <杯>')).toBe('T恤 & <杯>')
  })
})
