import { formatFen, multiplyFen, parseYuan, sumFen } from './money'

describe('money in integer fen', () => {
  it('formats fen as yuan with two decimals and grouping', () => {
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(1990)).toBe('¥19.90')
    expect(formatFen(123456789)).toBe('¥1,234,567.89')
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(100, 'HK$')).toBe('HK$1.00')
  })

  it('refuses fractional or unsafe amounts instead of rounding silently', () => {
    expect(() => formatFen(19.9)).toThrow(/integer number of fen/)
    expect(() => formatFen(Number.NaN)).toThrow(TypeError)
    expect(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(/line total/)
    expect(() => multiplyFen(100, 1.5)).toThrow(/quantity/)
  })

  it('adds without float drift where yuan floats would drift', () => {
    // 0.1 + 0.2 yuan as floats is 0.30000000000000004; in fen it is exact.
    expect(sumFen([10, 20])).toBe(30)
    expect(sumFen(Array.from({ length: 1000 }, () => 1))).toBe(1000)
    expect(multiplyFen(1999, 3)).toBe(5997)
    expect(sumFen([])).toBe(0)
  })

  it('parses yuan as typed into exact fen, by digits and not through floats', () => {
    expect(parseYuan('12')).toBe(1200)
    expect(parseYuan('12.5')).toBe(1250)
    expect(parseYuan('0.29')).toBe(29) // 0.29 * 100 is 28.999999999999996 as a float
    expect(parseYuan(' 19.90 ')).toBe(1990)
    expect(parseYuan('0.01')).toBe(1)
    expect(parseYuan('1,234.56')).toBe(123456)
    expect(parseYuan('99999.99')).toBe(9999999)
    expect(parseYuan('1,234,567.89')).toBe(123456789)
  })

  it('parses what formatFen writes back to the same fen, for every cent of a range', () => {
    for (let fen = 0; fen <= 100_000; fen += 97) {
      expect(parseYuan(formatFen(fen, ''))).toBe(fen)
    }
  })

  it('refuses text that is not a plain amount instead of guessing', () => {
    for (const text of [
      '',
      '.',
      '.5',
      '5.',
      '1.005',
      '-1',
      '+1',
      '1e3',
      '¥1',
      '12,34',
      '1,2345',
      'abc',
      '1 2',
      'NaN',
    ]) {
      expect(() => parseYuan(text)).toThrow(RangeError)
    }
    expect(() => parseYuan('9'.repeat(20))).toThrow(/integer number of fen/)
  })
})
