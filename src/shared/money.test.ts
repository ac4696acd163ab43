import { formatFen, multiplyFen, sumFen } from './money'

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
})
